/**
 * Who completed the period's requests and how fast (篇4 4.6–4.8; issue 16 point 1): completed by the desk
 * within the supervisor's threshold (2 days by default), by the supervisor within the manager's (7 days),
 * or handed to the manager; closed as unresolvable with the reasons (篇4 3.3.3, 4.8). The level is the one
 * `receptionState` derives from the site's thresholds — at resolution, or now while unresolved — so the
 * edges are the register's own (open exactly 48 h is still the desk's).
 */
import { textWithoutPhones } from '../retention'
import type { RequestFacts } from './requests'
import type { CompletionFigures, UnresolvableCase } from './types'

/** The nearest-rank percentile `p` (0–1] of ascending `sorted`; null when empty (no interpolation, so any two implementations agree). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1]!
}

const completedWithResult = (f: RequestFacts): boolean => f.resolvedAt !== null && f.status !== 'unresolvable'

export function completionFigures(inPeriod: readonly RequestFacts[]): CompletionFigures {
  const out: CompletionFigures = { desk: 0, supervisor: 0, manager: 0, unresolvableEarly: 0, open: 0, openDesk: 0, openSupervisor: 0, completed: 0, medianMs: null, p90Ms: null }
  const times: number[] = []
  for (const f of inPeriod) {
    if (completedWithResult(f)) {
      out.completed++
      times.push(f.resolvedAt! - f.receivedAt)
    }
    // 篇4 4.8: past the manager's threshold it is the manager's, whatever became of it.
    if (f.level === 'manager') out.manager++
    else if (f.status === 'unresolvable') out.unresolvableEarly++
    else if (f.resolvedAt === null) {
      out.open++
      if (f.level === 'desk') out.openDesk++
      else out.openSupervisor++
    }
    else if (f.level === 'supervisor') out.supervisor++
    else out.desk++
  }
  times.sort((a, b) => a - b)
  out.medianMs = percentile(times, 0.5)
  out.p90Ms = percentile(times, 0.9)
  return out
}

export interface Share {
  n: number
  of: number
}

/**
 * The shares the regulations ask about (篇4 4.6–4.8), over the requests whose outcome is known: a request
 * still open within the supervisor's threshold may yet be completed by the desk in time, so it is left out of
 * the 2-day share (and, within the manager's, out of the 7-day one) — a day's fresh requests are not a 0%.
 * The tablet's screen and the console's table both take their shares from here.
 */
export function completionShares(c: Pick<CompletionFigures, 'desk' | 'supervisor' | 'manager' | 'openDesk' | 'openSupervisor'>, total: number): { within2: Share; within7: Share; manager: Share } {
  return {
    within2: { n: c.desk, of: total - c.openDesk },
    within7: { n: c.desk + c.supervisor, of: total - c.openDesk - c.openSupervisor },
    manager: { n: c.manager, of: total },
  }
}

/** The period's requests closed as unresolvable, oldest first, with the manager's reason (phones masked). */
export function unresolvableCases(inPeriod: readonly RequestFacts[]): UnresolvableCase[] {
  return inPeriod
    .filter((f) => f.status === 'unresolvable')
    .map((f) => ({ ref: f.ref, category: f.category, receivedAt: f.receivedAt, closedAt: f.resolvedAt!, reason: textWithoutPhones(f.unresolvableReason ?? '') }))
    .sort((a, b) => a.receivedAt - b.receivedAt || (a.ref < b.ref ? -1 : 1))
}
