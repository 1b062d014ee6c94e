/**
 * Statistics inputs (issue 16) for the shared rules' tests, the client's and the benchmark: a request with
 * its timeline from a few words (`request('repair', at, [['result', at + HOUR]])`), and an empty input.
 */
import type { Category, Channel } from '@shared/domain/reception'
import type { EventType, ReceptionEvent } from '@shared/domain/reception-event'
import { defaultSettings, type Settings } from '@shared/domain/settings'
import type { StatisticsInput, StatisticsRequest } from '@shared/domain/statistics'
import { makeEvent, makeReception, SITE } from './register-print'

export type Step = [EventType, number, Partial<ReceptionEvent>?]

/** A request of `category` received at `receivedAt` with the events `steps`. */
export function request(category: Category, receivedAt: number, steps: Step[] = [], channel: Channel = 'phone', ref = '20261116-A001'): StatisticsRequest {
  const reception = makeReception({ category, receivedAt, channel, ref, createdAt: receivedAt })
  return { reception, events: steps.map(([type, at, over]) => makeEvent(reception, type, at, { note: type === 'result' || type === 'closedUnresolvable' || type === 'answered' ? '已处理' : '', ...over })) }
}

export function emptyInput(overrides: Partial<StatisticsInput> = {}, settings: Settings = defaultSettings(SITE)): StatisticsInput {
  return { settings, requests: [], dutyEntries: [], handovers: [], inspections: [], nonconformities: [], inspectors: [], ...overrides }
}

/** Requests stored as the tablet keeps them: the request, its timeline, and what is derived from them (as a pulled page is). */
export async function storeRequests(db: import('@client/db/database').DeskbookDb, requests: readonly StatisticsRequest[]): Promise<void> {
  const { REGISTER_DERIVED, refreshReceptionIndex } = await import('@client/db/register/reception-index')
  await db.transaction('rw', [...REGISTER_DERIVED, 'meta'], async () => {
    await db.receptions.bulkPut(requests.map((r) => r.reception))
    await db.receptionEvents.bulkPut(requests.flatMap((r) => [...r.events]))
    await refreshReceptionIndex(db, requests.map((r) => r.reception.id))
  })
}
