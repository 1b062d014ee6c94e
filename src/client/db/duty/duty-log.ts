/**
 * Writing and reading the duty log (篇2 4.2): entries of a shift, who started duty, no-shows, the
 * day's notes. Requests registered during the shift appear in its log from the register itself —
 * never typed twice (SPEC §2).
 */
import { newId } from '@shared/domain/ids'
import { dutyEntryProblems, lockedLogProblem, type DutyEntry, type DutyEntryProblem } from '@shared/domain/duty-log'
import { isLocked, type Handover } from '@shared/domain/handover'
import type { DayNote } from '@shared/domain/day-note'
import { can, type Role } from '@shared/domain/role'
import type { DeskbookDb } from '../database'
import { writeRecords, writeTransaction, type Actor } from '../write-records'
import { RecordInvalidError } from '../errors'
import type { ReceptionIndexRow } from '../register/index-row'

/** Why a write to the duty log (an entry, a day note) was refused: `dutyLog.problems.<code>`. */
export type DutyProblem = DutyEntryProblem | 'logLocked' | 'notAllowed' | 'textRequired'

export type DutyEntryInput = Omit<DutyEntry, 'id' | 'siteId' | 'staffId' | 'createdAt'>

type StaffActor = Actor & { staffId: string }

/**
 * Append an entry to a shift's log. Once the shift is handed over (篇2 4.3.4–4.3.5) only a correction of one
 * of its entries naming the handover is taken (`lockedLogProblem`), else `logLocked`. Refused with
 * RecordInvalidError<DutyProblem>.
 */
export async function addDutyEntry(db: DeskbookDb, actor: StaffActor, role: Role, input: DutyEntryInput, now = Date.now()): Promise<DutyEntry> {
  const entry: DutyEntry = {
    ...input,
    id: newId(),
    siteId: actor.siteId,
    staffId: actor.staffId,
    content: input.content.trim(),
    action: input.action.trim(),
    notified: input.notified.trim(),
    paperRef: input.paperRef.trim(),
    createdAt: now,
  }
  const problems: DutyProblem[] = [...dutyEntryProblems(entry, now)]
  if (!can(role, 'dutyLog.write')) problems.push('notAllowed')
  if (problems.length) throw new RecordInvalidError(problems)
  return writeTransaction(db, [db.dutyEntries, db.handovers], async () => {
    const [handover] = await db.handovers.where('fromShiftKey').equals(entry.shiftKey).toArray()
    const target = entry.correctsId ? ((await db.dutyEntries.get(entry.correctsId)) ?? null) : null
    if (lockedLogProblem(entry, target, handover?.id ?? null, role)) throw new RecordInvalidError<DutyProblem>(['logLocked'])
    await writeRecords(db, actor, [{ name: 'dutyEntry.add', row: entry }], now)
    return entry
  })
}

const blank = (shiftKey: string, at: number): Omit<DutyEntryInput, 'kind' | 'content'> => ({
  shiftKey,
  at,
  source: 'system',
  urgency: 'normal',
  action: '',
  notified: '',
  followUp: false,
  escalation: 'none',
  correctsId: null,
  resolvesFollowUp: false,
  paperRef: '',
})

/** The entry saying `actor` started duty on the shift (written by startDuty, or by the handover for the incoming clerk). */
export function dutyStartEntry(actor: StaffActor, shiftKey: string, now: number): DutyEntry {
  return { ...blank(shiftKey, now), kind: 'dutyStart', content: '', id: newId(), siteId: actor.siteId, staffId: actor.staffId, createdAt: now }
}

/** Has `staffId` started duty on the shift? */
export async function hasStartedDuty(db: DeskbookDb, shiftKey: string, staffId: string): Promise<boolean> {
  return (await db.dutyEntries.where('shiftKey').equals(shiftKey).filter((e) => e.kind === 'dutyStart' && e.staffId === staffId).count()) > 0
}

/** The clerk starts duty on the shift (once per shift and person): the log says who was on it. */
export async function startDuty(db: DeskbookDb, actor: StaffActor, role: Role, shiftKey: string, now = Date.now()): Promise<DutyEntry | null> {
  if (await hasStartedDuty(db, shiftKey, actor.staffId)) return null
  return addDutyEntry(db, actor, role, { ...blank(shiftKey, now), kind: 'dutyStart', content: '' }, now)
}

/** 篇2 4.2.7–4.2.8: the incoming clerk has not come; the outgoing stays and it is recorded. */
export async function recordNoShow(db: DeskbookDb, actor: StaffActor, role: Role, shiftKey: string, note: string, now = Date.now()): Promise<DutyEntry> {
  return addDutyEntry(db, actor, role, { ...blank(shiftKey, now), kind: 'noShow', content: note, escalation: 'supervisor' }, now)
}

export interface ShiftLog {
  entries: DutyEntry[]
  /** Requests registered in the shift's time: part of its log without being typed twice. */
  receptions: ReceptionIndexRow[]
  locked: boolean
  /** The handover that locked the log, or null while it is open. */
  handover: Handover | null
}

export async function loadShiftLog(db: DeskbookDb, siteId: string, shiftKey: string, window: { startsAt: number; endsAt: number }): Promise<ShiftLog> {
  const [entries, receptions, handovers] = await Promise.all([
    db.dutyEntries.where('shiftKey').equals(shiftKey).sortBy('at'),
    db.receptionIndex.where('receivedAt').between(window.startsAt, window.endsAt, true, false).filter((r) => r.siteId === siteId).toArray(),
    db.handovers.where('fromShiftKey').equals(shiftKey).toArray(),
  ])
  return { entries, receptions: receptions.sort((a, b) => a.receivedAt - b.receivedAt), locked: isLocked(shiftKey, handovers), handover: handovers[0] ?? null }
}

/** Entries of the last `days` days of the site (follow-ups may come from older shifts). */
export async function recentEntries(db: DeskbookDb, siteId: string, now: number, days = 60): Promise<DutyEntry[]> {
  return db.dutyEntries.where('[siteId+at]').between([siteId, now - days * 86_400_000], [siteId, Number.MAX_SAFE_INTEGER]).toArray()
}

/** 篇2 4.4.4: pin a note for everyone on duty that day. */
export async function pinDayNote(db: DeskbookDb, actor: StaffActor, role: Role, date: string, text: string, now = Date.now()): Promise<DayNote> {
  if (!can(role, 'handover.pinNotes')) throw new RecordInvalidError<DutyProblem>(['notAllowed'])
  if (!text.trim()) throw new RecordInvalidError<DutyProblem>(['textRequired'])
  const note: DayNote = { id: newId(), siteId: actor.siteId, date, text: text.trim(), staffId: actor.staffId, at: now }
  await writeRecords(db, actor, [{ name: 'dayNote.add', row: note }], now)
  return note
}

export async function dayNotesOf(db: DeskbookDb, date: string): Promise<DayNote[]> {
  return (await db.dayNotes.where('date').equals(date).toArray()).sort((a, b) => b.at - a.at)
}
