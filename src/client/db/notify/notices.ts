/**
 * Notifications on the tablet (issue 15 point 4): what the server's time rules found for a level, newest
 * first, with what was read here. Reading marks it read on this tablet only: a notice is the server's,
 * a read mark is the tablet's (never synced).
 */
import type { Notice, NotifyLevel } from '@shared/domain/notification'
import type { DeskbookDb } from '../database'

export interface NoticeRow extends Notice {
  readAt: number | null
}

/** The latest `limit` notices for `level`, newest first, each with when it was read here. */
export async function listNotices(db: DeskbookDb, level: NotifyLevel, limit = 50): Promise<NoticeRow[]> {
  const notices = await db.notices.where('[level+dueAt]').between([level, 0], [level, Number.MAX_SAFE_INTEGER]).reverse().limit(limit).toArray()
  const reads = await db.noticeReads.bulkGet(notices.map((n) => n.id))
  return notices.map((n, i) => ({ ...n, readAt: reads[i]?.at ?? null }))
}

export async function markNoticeRead(db: DeskbookDb, id: string, now: number): Promise<void> {
  if (!(await db.noticeReads.get(id))) await db.noticeReads.put({ id, at: now })
}
