/**
 * Persistent storage (issue 2 point 6): ask the browser not to evict this tablet's data, and
 * report how much is used. Headless and some browsers answer false; the settings page says so.
 */
export interface StorageReport {
  persisted: boolean | null
  usage: number | null
  quota: number | null
}

export async function requestPersistence(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist())
  } catch {
    return false
  }
}

export async function storageReport(): Promise<StorageReport> {
  const persisted = navigator.storage?.persisted ? await navigator.storage.persisted().catch(() => null) : null
  const estimate = navigator.storage?.estimate ? await navigator.storage.estimate().catch(() => null) : null
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null }
}

/** 1.5 MB style sizes for people. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`
}
