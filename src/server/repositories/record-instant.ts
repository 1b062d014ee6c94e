/**
 * The instant a stored record is counted at in a period (issue 16, migration 013): the `at` column beside
 * it, indexed with the site and the table, so statistics read a month of a site by an index range rather
 * than every record it ever had. Kept by `putRecord` and `insertStoredRows`; null for tables not read by
 * period (a timeline event is read through its request).
 */
const PERIOD_FIELDS: Readonly<Record<string, string>> = { receptions: 'receivedAt', dutyEntries: 'at', handovers: 'shiftStartsAt', inspections: 'at', nonconformities: 'at' }

/** The tables read by their instant. */
export type PeriodTable = 'receptions' | 'dutyEntries' | 'handovers' | 'inspections' | 'nonconformities'

export function recordInstant(table: string, data: Readonly<Record<string, unknown>>): number | null {
  const field = PERIOD_FIELDS[table]
  const at = field ? data[field] : undefined
  return typeof at === 'number' && Number.isFinite(at) ? at : null
}

/** Whether a table's records carry an instant (rows of other tables need not be parsed to find none). */
export function hasInstant(table: string): boolean {
  return table in PERIOD_FIELDS
}
