/**
 * What the today screen tells about leave and swaps (issue 13 point 3: requests and answers reach the people
 * concerned): the requests of this month and the next with their answers and the versions the approvals made,
 * and per person on this tablet the answers they said "知道了" to — local, not synced: it only hides news
 * already seen here. Kept by answer, not by time: an answer given offline that arrives later than a
 * "知道了" is still news (its `at` is the answering tablet's clock, from before).
 */
import { monthOf, type RosterVersion } from '@shared/domain/roster'
import { requestStartsAt } from '@shared/domain/roster-request'
import type { DeskbookDb } from '../database'
import { monthRequests, monthVersions, type RequestWithAnswer } from './roster-month'

export interface RequestNewsItem extends RequestWithAnswer {
  /** The version an approval made (who covers, who stands the swapped shifts), when it is on this tablet. */
  version: RosterVersion | null
  /** When its first shift begins by the roster in force (null without one): an open request lapses then. */
  startsAt: number | null
}

export interface RequestNews {
  items: RequestNewsItem[]
  /** The answers the person marked seen on this tablet. */
  seenIds: string[]
}

const seenKey = (staffId: string): string => `rosterRequests.seen:${staffId}`

export async function requestNews(db: DeskbookDb, siteId: string, staffId: string, months: readonly string[], tz: string): Promise<RequestNews> {
  const items = (await Promise.all(months.map((m) => monthRequests(db, siteId, m)))).flat()
  const inForce = new Map(await Promise.all(months.map(async (m) => [m, (await monthVersions(db, siteId, m)).inForce?.version ?? null] as const)))
  const ids = items.map((i) => i.answer?.versionId).filter((id): id is string => !!id)
  const versions = new Map((await db.rosterVersions.bulkGet(ids)).filter((v): v is RosterVersion => !!v).map((v) => [v.id, v]))
  const startsAt = (r: RequestWithAnswer['request']): number | null => {
    const version = inForce.get(monthOf(r.date))
    return version ? requestStartsAt(r, version, tz) : null
  }
  return {
    items: items.map((i) => ({ ...i, version: (i.answer?.versionId && versions.get(i.answer.versionId)) || null, startsAt: startsAt(i.request) })),
    seenIds: await seenAnswers(db, staffId),
  }
}

/** The answers marked seen (the newest few hundred: older ones are past the week they show anyway). */
const SEEN_KEPT = 500

async function seenAnswers(db: DeskbookDb, staffId: string): Promise<string[]> {
  const seen = (await db.meta.get(seenKey(staffId)))?.value
  return Array.isArray(seen) ? seen.filter((id): id is string => typeof id === 'string') : []
}

/** The person has read these answers on this tablet. */
export async function markRequestNewsSeen(db: DeskbookDb, staffId: string, answerIds: readonly string[]): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const ids = [...new Set([...(await seenAnswers(db, staffId)), ...answerIds])].slice(-SEEN_KEPT)
    await db.meta.put({ key: seenKey(staffId), value: ids })
  })
}
