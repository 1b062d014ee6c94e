/**
 * Give the browser its turn: the rest runs in a task of its own (issue 17). The app's start was a few long
 * tasks — the scripts' evaluation with the database's schema, then the first screen's render — and a
 * tap that came meanwhile waited for all of one (Lighthouse's total blocking time). `scheduler.yield`
 * where the browser has it (its continuation goes before other queued work), else a zero timeout.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (scheduler?.yield) return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}
