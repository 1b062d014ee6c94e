/**
 * The statistics' row of one request (issue 16's benchmark: 统计 for a month over 200,000 requests): its
 * clock-free facts (`recordFacts`, the same the server keeps) beside it, written with the register's index
 * row whenever the request or its timeline changes, so 统计 reads one small row per request and no timeline.
 * Pure: the index writer and the fill of older databases build rows with it.
 */
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { recordFacts } from '@shared/domain/statistics/requests'
import type { RequestRecordFacts } from '@shared/domain/statistics/types'
import { settled } from '@shared/domain/statistics/open-now'
import type { Flag } from './index-row'

export interface RequestFactsRow extends RequestRecordFacts {
  id: string
  siteId: string
  /** Not settled (unresolved, or its return visit outstanding): the `[siteId+pending]` index lists them for open now. */
  pending: Flag
}

export function factsRow(reception: Reception, events: readonly ReceptionEvent[]): RequestFactsRow {
  const facts = recordFacts({ reception, events })
  return { id: reception.id, siteId: reception.siteId, pending: settled(facts) ? null : 1, ...facts }
}
