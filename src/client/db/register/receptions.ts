/**
 * Registering requests and adding timeline events (issue 4 points 1–3). Each write goes through
 * writeRecords with its outbox entry, and the local search index follows in the same transaction.
 */
import { newId } from '@shared/domain/ids'
import { receptionProblems, type Reception, type ReceptionProblem } from '@shared/domain/reception'
import { actionForEvent, eventProblems, type EventProblem, type ReceptionEvent } from '@shared/domain/reception-event'
import { formatReference } from '@client/db/register/reference'
import { localDate } from '@shared/domain/time'
import { can, type Role } from '@shared/domain/role'
import type { DeskbookDb } from '../database'
import { writeRecords, writeTransaction, type Actor } from '../write-records'
import { refreshReceptionIndex } from './reception-index'
import { RecordInvalidError } from '../errors'

export type RegisterInput = Omit<Reception, 'id' | 'siteId' | 'ref' | 'receiverId' | 'createdAt'>

export interface RegisteringActor extends Actor {
  staffId: string
  /** This device's letter, for the reference number. */
  letter: string
  timezone: string
}

/** Why a write to the register (a request, its events, signatures, reviews) was refused: `register.problems.<code>`. */
export type RegisterProblem = ReceptionProblem | EventProblem | 'notAllowed' | 'unknownReception' | 'periodNotOver'

const REF_SEQ = 'refSeq'

/** Register a request; returns it with its new reference number. Refused with RecordInvalidError<RegisterProblem>. */
export async function registerReception(db: DeskbookDb, actor: RegisteringActor, input: RegisterInput, now = Date.now()): Promise<Reception> {
  const found = receptionProblems(input, now)
  if (found.length) throw new RecordInvalidError<RegisterProblem>(found)
  return writeTransaction(db, [db.receptions, db.receptionEvents, db.receptionIndex, db.requestFacts], async () => {
    // The device's own counter for the day, taken in the same transaction as the record: never twice.
    const date = localDate(now, actor.timezone)
    const last = (await db.meta.get(REF_SEQ))?.value as { date: string; seq: number } | undefined
    const seq = last?.date === date ? last.seq + 1 : 1
    const reception: Reception = {
      ...input,
      id: newId(),
      siteId: actor.siteId,
      ref: formatReference(date, actor.letter, seq),
      receiverId: actor.staffId,
      room: input.room.trim(),
      customerName: input.customerName.trim(),
      phone: input.phone.trim(),
      matter: input.matter.trim(),
      relayedBy: input.channel === 'relayed' ? input.relayedBy.trim() : '',
      createdAt: now,
    }
    await writeRecords(db, actor, [{ name: 'reception.create', row: reception }], now)
    await db.meta.put({ key: REF_SEQ, value: { date, seq } })
    await refreshReceptionIndex(db, [reception.id])
    return reception
  })
}

export type EventInput = Pick<ReceptionEvent, 'type' | 'note'> & Partial<Pick<ReceptionEvent, 'at' | 'departmentId' | 'assignee' | 'satisfaction' | 'level' | 'correction' | 'signatureId'>>

/** A timeline event by `actor` on the request, the fields its type does not use left empty. */
export function receptionEvent(actor: Pick<Actor, 'siteId'> & { staffId: string }, receptionId: string, input: EventInput, now: number): ReceptionEvent {
  return {
    id: newId(),
    siteId: actor.siteId,
    receptionId,
    type: input.type,
    at: input.at ?? now,
    staffId: actor.staffId,
    note: input.note.trim(),
    departmentId: input.departmentId ?? null,
    assignee: input.assignee?.trim() ?? '',
    satisfaction: input.satisfaction ?? null,
    level: input.level ?? null,
    correction: input.correction ?? null,
    signatureId: input.signatureId ?? null,
    createdAt: now,
  }
}

/** Add a timeline event by the logged-in staff member (role checked here as on the server). */
export async function addReceptionEvent(db: DeskbookDb, actor: Actor & { staffId: string }, role: Role, receptionId: string, input: EventInput, now = Date.now()): Promise<ReceptionEvent> {
  const event = receptionEvent(actor, receptionId, input, now)
  const problems: RegisterProblem[] = [...eventProblems(event)]
  if (!can(role, actionForEvent(event.type))) problems.push('notAllowed')
  if (problems.length) throw new RecordInvalidError(problems)
  return writeTransaction(db, [db.receptions, db.receptionEvents, db.receptionIndex, db.requestFacts], async () => {
    if (!(await db.receptions.get(receptionId))) throw new RecordInvalidError<RegisterProblem>(['unknownReception'])
    await writeRecords(db, actor, [{ name: 'receptionEvent.add', row: event }], now)
    await refreshReceptionIndex(db, [receptionId])
    return event
  })
}

/** A request with its timeline, oldest event first. */
export async function loadReception(db: DeskbookDb, id: string): Promise<{ reception: Reception; events: ReceptionEvent[] } | null> {
  const reception = await db.receptions.get(id)
  if (!reception) return null
  const events = await db.receptionEvents.where('receptionId').equals(id).sortBy('at')
  return { reception, events }
}
