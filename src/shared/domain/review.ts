/**
 * Reviews of the register (篇4 4.3: the supervisor every day; 篇4 4.9: the manager every Monday, last
 * week's) and of the duty log (篇2 4.2.5: the supervisor every day). A review is a signed,
 * append-only record listing what it covered; a period is reviewed once it has ended.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'
import { addDays, localDate } from './time'
import type { Action } from './role'

/** The register daily (篇4 4.3) and weekly (篇4 4.9); the duty log daily (篇2 4.2.5). */
export const REVIEW_KINDS = ['registerDaily', 'registerWeekly', 'dutyLogDaily'] as const
export type ReviewKind = (typeof REVIEW_KINDS)[number]

export const ReviewSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  kind: Type.Union(REVIEW_KINDS.map((k) => Type.Literal(k))),
  /** The day reviewed (daily) or the Monday of the week reviewed (weekly), `YYYY-MM-DD` in site time. */
  period: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  reviewerId: IdSchema,
  at: InstantSchema,
  /** The requests the review covered: every one received in the period. */
  covered: Type.Array(IdSchema, { maxItems: 20_000 }),
  /** How many of them were still open when reviewed. */
  openCount: Type.Integer({ minimum: 0 }),
  comment: Type.String({ maxLength: 2000 }),
  signatureId: Type.Union([IdSchema, Type.Null()]),
})
export type Review = Static<typeof ReviewSchema>

/** Monday of the week holding `date` (weeks run Monday–Sunday, as the regulation's 每周一 implies). */
export function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return addDays(date, -((day + 6) % 7))
}

/** How far back unreviewed periods are listed. */
export const DAILY_LOOKBACK_DAYS = 14
export const WEEKLY_LOOKBACK_WEEKS = 4

/** The permission each review needs (篇4 4.3 and 篇4 4.9; 篇2 4.2.5). */
export const REVIEW_ACTIONS = { registerDaily: 'review.registerDaily', registerWeekly: 'review.registerWeekly', dutyLogDaily: 'dutyLog.review' } as const satisfies Record<ReviewKind, Action>

/**
 * Has the period ended in site time, so it may be reviewed? A day's register or duty log is complete
 * only after its midnight (a request may still come at 23:50); a week after its Sunday.
 */
export function periodEnded(kind: ReviewKind, period: string, now: number, tz: string): boolean {
  const lastDay = reviewDays(kind, period).at(-1)!
  return lastDay < localDate(now, tz)
}

/**
 * Days whose register (篇4 4.3) or duty log (篇2 4.2.5) the supervisor has not signed off, newest first:
 * the past days from yesterday back over the lookback, from `since` (the site's first day) on.
 * Today is never due: it can be reviewed only once it has ended (`dailyReviewRunning`).
 */
export function dailyReviewsDue(reviews: readonly Pick<Review, 'kind' | 'period'>[], now: number, tz: string, since: string, kind: 'registerDaily' | 'dutyLogDaily' = 'registerDaily'): string[] {
  const today = localDate(now, tz)
  const done = new Set(reviews.filter((r) => r.kind === kind).map((r) => r.period))
  const out: string[] = []
  for (let i = 1; i <= DAILY_LOOKBACK_DAYS; i++) {
    const day = addDays(today, -i)
    if (day < since) break
    if (!done.has(day)) out.push(day)
  }
  return out
}

/** Today in site time, when the site has started: its daily review comes once the day has ended (今日结束后审核), not due yet. */
export function dailyReviewRunning(now: number, tz: string, since: string): string | null {
  const today = localDate(now, tz)
  return today >= since ? today : null
}

/** Past weeks (by their Monday) the manager has not reviewed (篇4 4.9), newest first; from the Monday after each week. */
export function weeklyReviewsDue(reviews: readonly Pick<Review, 'kind' | 'period'>[], now: number, tz: string, since: string): string[] {
  const thisWeek = weekStart(localDate(now, tz))
  const done = new Set(reviews.filter((r) => r.kind === 'registerWeekly').map((r) => r.period))
  const out: string[] = []
  for (let i = 1; i <= WEEKLY_LOOKBACK_WEEKS; i++) {
    const monday = addDays(thisWeek, -7 * i)
    if (addDays(monday, 6) < since) break
    if (!done.has(monday)) out.push(monday)
  }
  return out
}

/** The local dates a review of `kind` for `period` covers. */
export function reviewDays(kind: ReviewKind, period: string): string[] {
  return kind === 'registerWeekly' ? Array.from({ length: 7 }, (_, i) => addDays(period, i)) : [period]
}
