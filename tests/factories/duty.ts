/**
 * Building blocks for the duty-log, duty-start and handover repository tests: a site's day and night
 * shifts in Shanghai, duty entry inputs, requests stored with their timeline and index row, and a
 * handover input that answers everything its context asks.
 */
import { shiftKey } from '@shared/domain/duty-log'
import type { Reception } from '@shared/domain/reception'
import type { EventType, ReceptionEvent } from '@shared/domain/reception-event'
import type { ShiftType } from '@shared/domain/shift-type'
import { newId } from '@shared/domain/ids'
import { instantAt } from '@shared/domain/time'
import type { DeskbookDb, OutboxRow } from '@client/db/database'
import { indexRow, type ReceptionIndexRow } from '@client/db/register/index-row'
import { REGISTER_DERIVED, refreshReceptionIndex } from '@client/db/register/reception-index'
import type { DutyEntryInput } from '@client/db/duty/duty-log'
import { pendingOf, type HandoverContext, type HandoverInput } from '@client/db/duty/handover'
import { TINY_PNG } from './duty-seed'
import { makeShiftType } from './site'

export const TZ = 'Asia/Shanghai'

/** The instant of a local wall-clock time at the site (Shanghai). */
export const at = (date: string, hhmm: string): number => instantAt(date, hhmm, TZ)

/** The regulations' usual pair: 白班 08:00–20:00 and 夜班 20:00–08:00 (past midnight). */
export function dayAndNight(siteId: string): { day: ShiftType; night: ShiftType; shifts: ShiftType[] } {
  const day = makeShiftType({ siteId, code: '白', name: '白班', start: '08:00', end: '20:00' })
  const night = makeShiftType({ siteId, code: '夜', name: '夜班', start: '20:00', end: '08:00' })
  return { day, night, shifts: [day, night] }
}

export const keyOf = (type: Pick<ShiftType, 'id'>, date: string): string => shiftKey(date, type.id)

export function makeDutyEntryInput(key: string, when: number, overrides: Partial<DutyEntryInput> = {}): DutyEntryInput {
  return {
    shiftKey: key,
    kind: 'entry',
    at: when,
    source: 'call',
    content: '3栋电梯困人,已通知工程部',
    urgency: 'urgent',
    action: '已联系电梯维保',
    notified: '工程部 王工',
    followUp: false,
    escalation: 'none',
    correctsId: null,
    resolvesFollowUp: false,
    paperRef: '',
    ...overrides,
  }
}

export function makeTimelineEvent(reception: Pick<Reception, 'id' | 'siteId'>, type: EventType, when: number, staffId: string, overrides: Partial<ReceptionEvent> = {}): ReceptionEvent {
  return {
    id: newId(),
    siteId: reception.siteId,
    receptionId: reception.id,
    type,
    at: when,
    staffId,
    note: type === 'result' ? '已处理完毕' : '',
    departmentId: null,
    assignee: '',
    satisfaction: null,
    level: null,
    correction: null,
    signatureId: null,
    createdAt: when,
    ...overrides,
  }
}

/** Store a request with its timeline and index row, as pulled from the server (no outbox entries). */
export async function seedReception(db: DeskbookDb, reception: Reception, events: readonly ReceptionEvent[] = []): Promise<ReceptionIndexRow> {
  await db.transaction('rw', [...REGISTER_DERIVED, 'meta'], async () => {
    await db.receptions.put(reception)
    await db.receptionEvents.bulkPut([...events])
    await refreshReceptionIndex(db, [reception.id])
  })
  return indexRow(reception, events)
}

/** The outbox in the order its mutations were queued (their clock stamps). */
export async function outboxInOrder(db: DeskbookDb): Promise<OutboxRow[]> {
  return (await db.outbox.toArray()).sort((a, b) => (a.hlc < b.hlc ? -1 : 1))
}

export interface Signer {
  id: string
  name: string
}

/**
 * A handover input that answers everything the context asks: every pending item acknowledged with an
 * explanation, every check ok, every count as expected, and both signatures.
 */
export function completeInput(ctx: HandoverContext, p: { fromShiftKey: string; toShiftKey: string; shiftStartsAt: number; outgoing: Signer; incoming: Signer; arrivedAt: number; leadMinutes?: number }): HandoverInput {
  return {
    fromShiftKey: p.fromShiftKey,
    toShiftKey: p.toShiftKey,
    shiftStartsAt: p.shiftStartsAt,
    leadMinutes: p.leadMinutes ?? 15,
    outgoingId: p.outgoing.id,
    incomingId: p.incoming.id,
    arrivedAt: p.arrivedAt,
    acknowledgements: pendingOf(ctx).map((item, i) => ({ kind: item.kind, itemId: item.itemId, explanation: `说明${i + 1}`, acknowledgedAt: p.arrivedAt + (i + 1) * 1000 })),
    checks: ctx.template.checks.map((c) => ({ checkId: c.id, text: c.text, ok: true, note: '' })),
    counts: ctx.counts.map((c) => ({ ...c, counted: c.expected, note: '' })),
    outgoingSignature: { image: TINY_PNG, signedAt: p.arrivedAt + 10 * 60_000, name: p.outgoing.name },
    incomingSignature: { image: TINY_PNG, signedAt: p.arrivedAt + 11 * 60_000, name: p.incoming.name },
  }
}
