/**
 * Requests not settled at `now` — unresolved, or resolved with the return visit outstanding (the register's
 * 未完成 tab, `needsAction`) — by where they wait and how long they have been open. Escalation is the
 * register's own (篇4 4.7–4.8 from the site's thresholds, derived from "now", never written by a timer).
 */
import { HOUR } from '../time'
import type { Settings } from '../settings'
import { escalationLevel } from '../reception-status'
import { zeros } from './requests'
import { AGE_BUCKETS, OPEN_QUEUES, type AgeBucket, type OpenNowFigures, type OpenQueue, type OpenRequestFacts } from './types'

type Thresholds = Pick<Settings, 'supervisorEscalationHours' | 'managerEscalationHours'>

/** Settled: resolved, and visited where a visit is due. */
export const settled = (f: Pick<OpenRequestFacts, 'resolvedAt' | 'status'>): boolean => f.resolvedAt !== null && f.status !== 'awaitingVisit'

function queueOf(f: OpenRequestFacts, now: number, settings: Thresholds): OpenQueue {
  if (f.status === 'awaitingVisit') return 'awaitingVisit'
  if (f.status === 'withDepartment') return 'withDepartment'
  // The level `receptionState` gives an unresolved request (篇4 4.7–4.8).
  return escalationLevel(f.receivedAt, now, settings)
}

export function openNowFigures(all: readonly OpenRequestFacts[], now: number, settings: Thresholds): OpenNowFigures {
  const edges = [24, settings.supervisorEscalationHours, settings.managerEscalationHours].sort((a, b) => a - b) as [number, number, number]
  const byQueue = zeros(OPEN_QUEUES)
  const byAge = zeros(AGE_BUCKETS)
  let total = 0
  for (const f of all) {
    if (settled(f) || f.receivedAt > now) continue
    total++
    byQueue[queueOf(f, now, settings)]++
    // Same strict edge as escalation: open exactly 24 h is still within the first day.
    const age = now - f.receivedAt
    const bucket: AgeBucket = age <= edges[0] * HOUR ? 'day' : age <= edges[1] * HOUR ? 'desk' : age <= edges[2] * HOUR ? 'supervisor' : 'manager'
    byAge[bucket]++
  }
  return { total, byQueue, byAge, ageEdgesHours: edges }
}
