/**
 * The desk's own records over a period: matters the duty log reported up (篇2 4.2.3: beyond the clerk's
 * authority → the administrator, major → the supervisor), and the handovers (篇2 4.3): late arrivals
 * (the handover's own `late`, 篇2 4.3.1), counts off what was expected (篇2 4.3.3) and no-shows the outgoing
 * clerk recorded (篇2 4.2.7–4.2.8, the duty log's `noShow` entries).
 */
import { currentEntries } from '../duty-log'
import type { DutyFigures, HandoverFigures, StatisticsDutyEntry, StatisticsInput } from './types'

type Range = { start: number; end: number }
type CurrentEntries = ReturnType<typeof currentEntries<StatisticsDutyEntry>>
const within = (at: number, r: Range): boolean => at >= r.start && at < r.end

/** Entries as they read now (a correction replaces what it corrects, `currentEntries`), dated in the period. */
export function dutyFigures(current: CurrentEntries, range: Range): DutyFigures {
  const out: DutyFigures = { toAdministrator: 0, toSupervisor: 0, stillOpen: 0 }
  for (const c of current) {
    const e = c.entry
    if (e.kind !== 'entry' || e.escalation === 'none' || !within(e.at, range)) continue
    out[e.escalation === 'supervisor' ? 'toSupervisor' : 'toAdministrator']++
    if (!c.resolved) out.stillOpen++
  }
  return out
}

export function handoverFigures(handovers: StatisticsInput['handovers'], current: CurrentEntries, range: Range): HandoverFigures {
  const out: HandoverFigures = { total: 0, late: 0, mismatches: 0, mismatchedItems: 0, noShows: 0 }
  for (const h of handovers) {
    if (!within(h.shiftStartsAt, range)) continue
    out.total++
    if (h.late) out.late++
    const off = h.counts.filter((c) => c.counted !== c.expected).length
    if (off) out.mismatches++
    out.mismatchedItems += off
  }
  out.noShows = current.filter((c) => c.entry.kind === 'noShow' && within(c.entry.at, range)).length
  return out
}

export const dutyLogNow = (entries: readonly StatisticsDutyEntry[]): CurrentEntries => currentEntries(entries)
