/**
 * The grid's rows (issue 13 point 1), pure: the administrator's working copy as rows — the same rows a
 * submitted version would freeze (`snapshotOf`), with the paints still being written laid over — and the
 * paints that turn a row into the days a pattern or last month's copy gives.
 */
import { cellKey, daysOf, snapshotOf, workingCodes, type Lane, type RosterCell, type RosterRow, type RosterStaff, type VersionStatus } from '@shared/domain/roster'
import type { ShiftType } from '@shared/domain/shift-type'
import type { Paint } from '@client/db/roster/roster-writes'

export function workingRows(
  month: string,
  cells: readonly RosterCell[],
  statuses: readonly VersionStatus[],
  staff: readonly RosterStaff[],
  shifts: readonly ShiftType[],
  pending: ReadonlyMap<string, string>,
): RosterRow[] {
  const codes = workingCodes(cells, statuses)
  for (const [k, code] of pending) codes.set(k, code)
  const days = new Set(daysOf(month))
  const laid = [...codes].flatMap(([key, code]) => {
    const [staffId, date, lane] = key.split('/') as [string, string, Lane]
    return days.has(date) ? [{ staffId, date, lane, code }] : []
  })
  return snapshotOf(month, staff, laid, shifts).rows
}

/** The paints that make `row` hold `days` (only the days that change). */
export function paintsTo(month: string, row: Pick<RosterRow, 'staffId' | 'lane' | 'days'>, days: readonly string[]): Paint[] {
  return daysOf(month).flatMap((date, i) => ((days[i] ?? '') === (row.days[i] ?? '') ? [] : [{ staffId: row.staffId, date, lane: row.lane, code: days[i] ?? '' }]))
}

export const rowKey = (r: Pick<RosterRow, 'staffId' | 'lane'>): string => `${r.staffId}/${r.lane}`
export { cellKey }
