/**
 * Complaints against their deadline and return visits (篇3 五: 在24小时内予以解决或答复 …
 * 修缮后迅速回访,作好记录; the deadline is the site's `complaintDeadlineHours`). "Answered" is the register's
 * own first answer (`receptionState().answeredAt`: an answer, a result, a department's report or a closing),
 * late as `liveState` says: later than the deadline; exactly on it is in time.
 */
import { SATISFACTION } from '../reception-event'
import { zeros, type RequestFacts } from './requests'
import type { ComplaintFigures, ReturnVisitFigures } from './types'

export function complaintFigures(inPeriod: readonly RequestFacts[]): ComplaintFigures {
  const out: ComplaintFigures = { total: 0, inTime: 0, late: 0, overdue: 0, waiting: 0 }
  for (const f of inPeriod) {
    if (f.category !== 'complaint') continue
    out.total++
    if (f.answeredAt !== null) out[f.answeredLate ? 'late' : 'inTime']++
    else out[f.overdue ? 'overdue' : 'waiting']++
  }
  return out
}

export function returnVisitFigures(inPeriod: readonly RequestFacts[]): ReturnVisitFigures {
  const out: ReturnVisitFigures = { due: 0, done: 0, awaiting: 0, satisfaction: zeros(SATISFACTION) }
  for (const f of inPeriod) {
    // Due once a result is recorded (待回访 or 已完成); a request closed unresolvable has no visit to make.
    if (!f.needsVisit || f.resolvedAt === null || f.status === 'unresolvable') continue
    out.due++
    if (f.visited) {
      out.done++
      if (f.satisfaction) out.satisfaction[f.satisfaction]++
    } else out.awaiting++
  }
  return out
}
