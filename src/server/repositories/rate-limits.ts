/**
 * Rate-limit counters in the database, so every server process counts the same attempts
 * (issue 12 point 3). One statement per hit: PostgreSQL's and SQLite's upsert make it atomic, so
 * two processes counting at once never lose a hit.
 */
import { sql } from 'kysely'
import type { Db } from './records'

export interface Hits {
  /** Hits in the current window, this one included. */
  hits: number
  /** When the window ends (ms). */
  resetAt: number
}

/** Count one hit on `key`: a new window of `windowMs` when there is none or it ended by `now`. */
export async function countHit(db: Db, key: string, windowMs: number, now: number): Promise<Hits> {
  const resetAt = now + windowMs
  const row = await db
    .insertInto('rate_limits')
    .values({ key, hits: 1, reset_at: resetAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.hits + 1 end`,
        reset_at: sql<number>`case when rate_limits.reset_at <= ${now} then ${resetAt} else rate_limits.reset_at end`,
      }),
    )
    .returning(['hits', 'reset_at'])
    .executeTakeFirstOrThrow()
  return { hits: Number(row.hits), resetAt: Number(row.reset_at) }
}

/** Forget windows that ended by `now` (the table holds only live counters). */
export async function sweepRateLimits(db: Db, now: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('reset_at', '<=', now).execute()
}
