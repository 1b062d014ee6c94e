/**
 * What the today screen tells about leave and swaps (issue 13 point 3: requests and answers reach the people
 * concerned): the requests of this month and the next with their answers and the versions the approvals made,
 * and a per-person marker on this tablet of when they last said "知道了" — local, not synced: it only hides
 * news already seen here.
 */
import type { RosterVersion } from '@shared/domain/roster'
import type { DeskbookDb } from '../database'
import { monthRequests, type RequestWithAnswer } from './roster-month'

export interface RequestNewsItem extends RequestWithAnswer {
  /** The version an approval made (who covers, who stands the swapped shifts), when it is on this tablet. */
  version: RosterVersion | null
}

export interface RequestNews {
  items: RequestNewsItem[]
  /** When the person last marked the news seen on this tablet (0: never). */
  seenAt: number
}

const seenKey = (staffId: string): string => `rosterRequests.seen:${staffId}`

export async function requestNews(db: DeskbookDb, siteId: string, staffId: string, months: readonly string[]): Promise<RequestNews> {
  const items = (await Promise.all(months.map((m) => monthRequests(db, siteId, m)))).flat()
  const ids = items.map((i) => i.answer?.versionId).filter((id): id is string => !!id)
  const versions = new Map((await db.rosterVersions.bulkGet(ids)).filter((v): v is RosterVersion => !!v).map((v) => [v.id, v]))
  const seen = await db.meta.get(seenKey(staffId))
  return {
    items: items.map((i) => ({ ...i, version: (i.answer?.versionId && versions.get(i.answer.versionId)) || null })),
    seenAt: typeof seen?.value === 'number' ? seen.value : 0,
  }
}

/** The person has read the answers shown up to `at` on this tablet. */
export async function markRequestNewsSeen(db: DeskbookDb, staffId: string, at: number): Promise<void> {
  await db.meta.put({ key: seenKey(staffId), value: at })
}
