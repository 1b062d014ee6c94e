/**
 * Signing off the register (篇4 4.3 daily by the supervisor, 篇4 4.9 weekly by the manager): the review
 * lists every request received in the period and how many were still open; append-only.
 */
import { newId } from '@shared/domain/ids'
import { periodEnded, REVIEW_ACTIONS, reviewDays, type Review, type ReviewKind } from '@shared/domain/review'
import { addDays, instantAt } from '@shared/domain/time'
import { can, type Role } from '@shared/domain/role'
import type { DeskbookDb } from '../database'
import { writeRecords, writeTransaction, type Actor } from '../write-records'
import { RecordInvalidError } from '../errors'
import type { RegisterProblem } from '../register/receptions'
import { saveSignature } from '../register/signatures'
import type { ReceptionIndexRow } from '../register/index-row'
import { openFollowUps, type DutyEntry } from '@shared/domain/duty-log'

/** The instants a period covers: from its first day's midnight to the day after its last, in site time. */
export function periodRange(kind: ReviewKind, period: string, tz: string): { from: number; to: number } {
  const days = reviewDays(kind, period)
  return { from: instantAt(days[0]!, '00:00', tz), to: instantAt(addDays(days.at(-1)!, 1), '00:00', tz) }
}

/** Requests received in the period, oldest first. */
export async function periodRequests(db: DeskbookDb, siteId: string, kind: ReviewKind, period: string, tz: string): Promise<ReceptionIndexRow[]> {
  const { from, to } = periodRange(kind, period, tz)
  return db.receptionIndex.where('receivedAt').between(from, to, true, false).filter((r) => r.siteId === siteId).toArray()
}

/** What a review of the duty log covers: every entry of that day's shifts, and how many still need follow-up. */
export async function dutyLogDay(db: DeskbookDb, siteId: string, date: string): Promise<{ entries: DutyEntry[]; openIds: Set<string> }> {
  const entries = (await db.dutyEntries.where('shiftKey').startsWith(`${date}/`).toArray()).filter((e) => e.siteId === siteId)
  return { entries, openIds: new Set(openFollowUps(entries).map((e) => e.id)) }
}

export async function submitReview(
  db: DeskbookDb,
  actor: Actor & { staffId: string },
  role: Role,
  input: { kind: ReviewKind; period: string; tz: string; comment: string; signature: string | null },
  now = Date.now(),
): Promise<Review> {
  if (!can(role, REVIEW_ACTIONS[input.kind])) throw new RecordInvalidError<RegisterProblem>(['notAllowed'])
  // 篇4 4.3, 篇2 4.2.5: a day is reviewed once it has ended, with everything it received.
  if (!periodEnded(input.kind, input.period, now, input.tz)) throw new RecordInvalidError<RegisterProblem>(['periodNotOver'])
  // 篇4 4.3 / 4.9: the register's requests of the period; 篇2 4.2.5: the day's duty-log entries.
  const covered =
    input.kind === 'dutyLogDaily'
      ? await dutyLogDay(db, actor.siteId, input.period).then(({ entries, openIds }) => entries.map((e) => ({ id: e.id, resolvedAt: openIds.has(e.id) ? null : 1 })))
      : await periodRequests(db, actor.siteId, input.kind, input.period, input.tz)
  const reviewId = newId()
  return writeTransaction(db, [db.reviews, db.signatures, db.receptions, db.receptionEvents, db.receptionIndex, db.requestFacts, db.dutyEntries], async () => {
    const signature = input.signature ? await saveSignature(db, actor, role, { subjectType: 'review', subjectId: reviewId, signerName: '', image: input.signature }, now) : null
    const review: Review = {
      id: reviewId,
      siteId: actor.siteId,
      kind: input.kind,
      period: input.period,
      reviewerId: actor.staffId,
      at: now,
      covered: covered.map((r) => r.id),
      openCount: covered.filter((r) => r.resolvedAt === null).length,
      comment: input.comment.trim(),
      signatureId: signature?.id ?? null,
    }
    await writeRecords(db, actor, [{ name: 'review.add', row: review }], now)
    return review
  })
}
