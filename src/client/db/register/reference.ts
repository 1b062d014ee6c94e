/**
 * Reference numbers of registered requests: site-local date + device letter + that device's
 * sequence for the day, e.g. 20261127-A007. Two tablets offline at the same time have different
 * letters (the server hands them out), so their numbers never collide (SPEC §1).
 */
export const REFERENCE_PATTERN = /^(\d{4})(\d{2})(\d{2})-([A-Z]{1,2})(\d{3,5})$/

export function formatReference(localDate: string, letter: string, seq: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate)) throw new RangeError(`not a date: ${localDate}`)
  if (!/^[A-Z]{1,2}$/.test(letter)) throw new RangeError(`not a device letter: ${letter}`)
  if (!Number.isInteger(seq) || seq < 1 || seq > 99_999) throw new RangeError(`sequence out of range: ${seq}`)
  return `${localDate.replaceAll('-', '')}-${letter}${String(seq).padStart(3, '0')}`
}

export function parseReference(ref: string): { date: string; letter: string; seq: number } | null {
  const m = REFERENCE_PATTERN.exec(ref.trim().toUpperCase())
  return m ? { date: `${m[1]}-${m[2]}-${m[3]}`, letter: m[4]!, seq: Number(m[5]) } : null
}
