/**
 * The handover as one guided, signed transaction (篇2 4.3; issue 5 point 5). The context gathers what
 * must be handed over; `completeHandover` writes the handover, both signatures, and the carrying over of
 * every acknowledged request to the incoming clerk — all or nothing.
 */
import { newId } from '@shared/domain/ids'
import { standsDuty } from '@shared/domain/role'
import { entryNow, openFollowUps, type DutyEntry } from '@shared/domain/duty-log'
import { expectedCounts, handoverProblems, isLate, type Handover, type HandoverCount, type HandoverProblem, type HandoverTemplate, type PendingItem } from '@shared/domain/handover'
import { receiptRange } from '@shared/domain/desk-services'
import type { Signature } from '@shared/domain/signature'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import type { DeskbookDb } from '../database'
import { writeRecords, writeTransaction, type Actor, type RecordWrite } from '../write-records'
import type { ReceptionIndexRow } from '../register/index-row'
import { refreshReceptionIndex } from '../register/reception-index'
import { RecordInvalidError, toStorageError } from '../errors'
import { receptionEvent } from '../register/receptions'
import { plain } from '../plain'
import { dutyStartEntry, hasStartedDuty, recentEntries } from './duty-log'
import { handoverTemplate } from './handover-template'
import { loansOutCount, paidServicesSince } from './desk-services'

export interface HandoverContext {
  template: HandoverTemplate
  /** Requests still needing the desk (not taken over by the supervisor or manager), oldest first. */
  receptions: ReceptionIndexRow[]
  /** Log entries still needing follow-up (篇2 4.3.2 a). */
  followUps: DutyEntry[]
  counts: Omit<HandoverCount, 'counted' | 'note'>[]
  last: Handover | null
  alreadyHandedOver: boolean
  /** Receipt numbers written out since the last handover (desk services log), for the receipt book's count. */
  receipts: { first: string; last: string; count: number } | null
}

export function pendingOf(ctx: Pick<HandoverContext, 'receptions' | 'followUps'>): PendingItem[] {
  return [...ctx.receptions.map((r) => ({ kind: 'reception' as const, itemId: r.id })), ...ctx.followUps.map((e) => ({ kind: 'dutyEntry' as const, itemId: e.id }))]
}

export async function handoverContext(db: DeskbookDb, siteId: string, fromShiftKey: string, now: number): Promise<HandoverContext> {
  const [template, pending, entries, loansOut, handovers] = await Promise.all([
    handoverTemplate(db, siteId),
    db.receptionIndex.where('[siteId+pending+receivedAt]').between([siteId, 1, 0], [siteId, 1, Number.MAX_SAFE_INTEGER]).toArray(),
    recentEntries(db, siteId, now),
    loansOutCount(db, siteId),
    db.handovers.orderBy('createdAt').toArray(),
  ])
  // Requests the supervisor or manager took over are theirs, not the desk's to hand on.
  const deskStaff = new Set((await db.staff.where('siteId').equals(siteId).toArray()).filter((s) => standsDuty(s.role)).map((s) => s.id))
  const receptions = pending.filter((r) => deskStaff.has(r.ownerId) && r.siteId === siteId).sort((a, b) => a.receivedAt - b.receivedAt)
  const last = handovers.filter((h) => h.siteId === siteId).at(-1) ?? null
  // Receipts written out since the last handover: the receipt book's next number follows on from them.
  const receipts = await paidServicesSince(db, siteId, last?.incomingSignedAt ?? 0)
  const range = receiptRange(receipts)
  return {
    template,
    receptions,
    followUps: openFollowUps(entries).sort((a, b) => a.at - b.at),
    counts: expectedCounts(template, last, loansOut, receipts.map((r) => r.receiptNo)),
    receipts: range ? { ...range, count: receipts.length } : null,
    last,
    alreadyHandedOver: handovers.some((h) => h.fromShiftKey === fromShiftKey),
  }
}

export interface HandoverInput {
  fromShiftKey: string
  toShiftKey: string
  shiftStartsAt: number
  leadMinutes: number
  outgoingId: string
  incomingId: string
  arrivedAt: number
  acknowledgements: Handover['acknowledgements']
  checks: Handover['checks']
  counts: Handover['counts']
  outgoingSignature: { image: string; signedAt: number; name: string } | null
  incomingSignature: { image: string; signedAt: number; name: string } | null
}

const refuse = (problems: HandoverProblem[]): RecordInvalidError<HandoverProblem> => new RecordInvalidError(problems)

/**
 * Write the signed handover: the shift's log is then locked and the incoming clerk owns every carried
 * item (篇2 4.3.5). Refused with RecordInvalidError<HandoverProblem>.
 */
export async function completeHandover(db: DeskbookDb, actor: Actor & { staffId: string }, input: HandoverInput, now = Date.now()): Promise<Handover> {
  if (actor.staffId !== input.incomingId) throw refuse([{ code: 'incomingSignatureMissing' }])
  const ctx = await handoverContext(db, actor.siteId, input.fromShiftKey, now)
  const id = newId()
  const signature = (s: NonNullable<HandoverInput['outgoingSignature']>, staffId: string): Signature => ({
    id: newId(),
    siteId: actor.siteId,
    subjectType: 'handover',
    subjectId: id,
    signerName: s.name,
    signerStaffId: staffId,
    image: s.image,
    signedAt: s.signedAt,
  })
  const outgoingSig = input.outgoingSignature ? signature(input.outgoingSignature, input.outgoingId) : null
  const incomingSig = input.incomingSignature ? signature(input.incomingSignature, input.incomingId) : null
  // What each item should count is this tablet's own reckoning, not what the caller says (篇2 4.3.3).
  const counts = input.counts.map((c) => ({ ...c, expected: ctx.counts.find((x) => x.itemId === c.itemId)?.expected ?? c.expected }))
  const problems = handoverProblems(
    { ...input, counts, outgoingSignatureId: outgoingSig?.id ?? null, incomingSignatureId: incomingSig?.id ?? null },
    pendingOf(ctx),
    ctx.template,
    ctx.alreadyHandedOver,
  )
  if (problems.length || !outgoingSig || !incomingSig) throw refuse(problems)
  const handover: Handover = {
    id,
    siteId: actor.siteId,
    fromShiftKey: input.fromShiftKey,
    toShiftKey: input.toShiftKey,
    outgoingId: input.outgoingId,
    incomingId: input.incomingId,
    arrivedAt: input.arrivedAt,
    shiftStartsAt: input.shiftStartsAt,
    late: isLate(input.arrivedAt, input.shiftStartsAt, input.leadMinutes),
    acknowledgements: input.acknowledgements,
    checks: input.checks,
    counts,
    outgoingSignatureId: outgoingSig.id,
    incomingSignatureId: incomingSig.id,
    outgoingSignedAt: outgoingSig.signedAt,
    incomingSignedAt: incomingSig.signedAt,
    createdAt: now,
  }
  // Only what was pending with the desk is carried over: a request the supervisor took over stays theirs.
  const pendingIds = new Set(ctx.receptions.map((r) => r.id))
  const carried = input.acknowledgements.filter((a) => a.kind === 'reception' && pendingIds.has(a.itemId))
  const events: ReceptionEvent[] = carried.map((a) => receptionEvent({ siteId: actor.siteId, staffId: input.incomingId }, a.itemId, { type: 'carriedOver', note: a.explanation, at: now }, now))
  const writes: RecordWrite[] = [
    { name: 'signature.add', row: outgoingSig },
    { name: 'signature.add', row: incomingSig },
    { name: 'handover.add', row: handover },
    ...events.map((e): RecordWrite => ({ name: 'receptionEvent.add', row: e })),
  ]
  await writeTransaction(db, [db.signatures, db.handovers, db.receptions, db.receptionEvents, db.receptionIndex, db.requestFacts, db.handoverDrafts, db.dutyEntries], async () => {
    if (await db.handovers.where('fromShiftKey').equals(input.fromShiftKey).count()) throw refuse([{ code: 'alreadyHandedOver' }])
    // 篇2 4.3.5: signing the handover starts the incoming clerk's duty on the shift taken over.
    const start = (await hasStartedDuty(db, input.toShiftKey, input.incomingId)) ? [] : [dutyStartEntry(actor, input.toShiftKey, now)]
    await writeRecords(db, actor, [...writes, ...start.map((e): RecordWrite => ({ name: 'dutyEntry.add', row: e }))], now)
    await refreshReceptionIndex(db, carried.map((a) => a.itemId))
    await db.handoverDrafts.delete(input.fromShiftKey)
  })
  return handover
}

export interface CarriedItem {
  kind: 'reception' | 'dutyEntry'
  itemId: string
  /** The request's reference and matter, or the log entry's content. */
  label: string
  explanation: string
  /** Still needing the desk now. */
  open: boolean
}

/** What the last handover to `staffId` on the shift passed on (篇2 4.3.5): every carried item and whether it is still open. */
export async function carriedTo(db: DeskbookDb, siteId: string, staffId: string, toShiftKey: string, now: number): Promise<{ handover: Handover; items: CarriedItem[] } | null> {
  const handover = (await db.handovers.where('toShiftKey').equals(toShiftKey).toArray()).filter((h) => h.incomingId === staffId && h.siteId === siteId).at(-1)
  if (!handover) return null
  const receptionIds = handover.acknowledgements.filter((a) => a.kind === 'reception').map((a) => a.itemId)
  const [rows, recent] = await Promise.all([db.receptionIndex.bulkGet(receptionIds), recentEntries(db, siteId, now)])
  const byReception = new Map(rows.flatMap((r) => (r ? [[r.id, r] as const] : [])))
  const asNow = entryNow(recent)
  const items = handover.acknowledgements.map((a): CarriedItem => {
    const r = byReception.get(a.itemId)
    const e = r ? null : asNow(a.itemId)
    return {
      kind: a.kind,
      itemId: a.itemId,
      label: r ? `${r.ref} ${r.matter}` : (e?.entry.content ?? ''),
      explanation: a.explanation,
      open: r ? r.pending === 1 : !!e?.open,
    }
  })
  return { handover, items }
}

/**
 * A handover in progress, kept on this tablet only (never synced): a reload, the idle lock or a
 * switch of user mid-handover loses nothing typed, counted or signed. Written as one record when done.
 */
export async function saveHandoverDraft(db: DeskbookDb, fromShiftKey: string, value: unknown, now: number): Promise<void> {
  try {
    await db.handoverDrafts.put({ id: fromShiftKey, value: plain(value), updatedAt: now })
  } catch (e) {
    throw toStorageError(e)
  }
}

export async function loadHandoverDraft<T>(db: DeskbookDb, fromShiftKey: string): Promise<T | null> {
  return ((await db.handoverDrafts.get(fromShiftKey))?.value as T | undefined) ?? null
}

