/**
 * How often each inspector must inspect (篇2 4.4.3 the supervisor at least three times a week; 篇2 4.4.4 the
 * administrator every day at handover) and who is behind this week (issue 6 point 4); and the monthly
 * per-person summary of nonconformities for appraisal 绩效考核 (篇2 4.4.3–4.4.4; issue 6 point 5).
 * Weeks run Monday to Sunday in the site's time zone; "now" is always a parameter.
 */
import { addDays, instantAt, localDate } from './time'
import { weekStart } from './review'
import type { Inspection, Nonconformity } from './inspection'

export const SUPERVISOR_WEEKLY_QUOTA = 3

export type QuotaStatus = 'met' | 'onTrack' | 'dueToday' | 'behind'

export interface QuotaLine {
  staffId: string
  role: 'supervisor' | 'administrator'
  /** Inspections this week (Monday to today). */
  done: number
  /** What the week asks: 3 for a supervisor, one a day for an administrator (days so far, today included). */
  required: number
  /** Days of the week so far (before today) without an inspection: the administrator's missed days. */
  missedDays: string[]
  status: QuotaStatus
}

/** Days of the week of `today` from Monday up to and including today. */
export function weekSoFar(today: string): string[] {
  const monday = weekStart(today)
  const out: string[] = []
  for (let d = monday; d <= today; d = addDays(d, 1)) out.push(d)
  return out
}

/**
 * Each inspector's standing this week at `now`. A supervisor keeps pace with 3 in 7 days: by the end of
 * day n (Monday = 1) ⌈3n/7⌉ are due — behind when short of what was due by yesterday, due today when
 * short of today's. An administrator inspects every day: behind with any earlier day of the week missed.
 * A site that started this week (`since`, its first day) owes only the days since: the supervisor
 * ⌈3 × days left in the week / 7⌉, at the same pace over those days.
 * With an approved roster an administrator owes only the days they stand the desk (`owed`, per
 * administrator: the roster's days with a desk shift, every day of a month without one; issue 13 point 4):
 * a day off is never missed. An administrator absent from `owed` owes every day. `dayOf` places an
 * administrator's inspection, and "now", on the date of the rostered shift they fall in (`rosteredDayOf`):
 * a night shift's inspection after midnight is its own day's, and that day is not missed while the night lasts.
 */
export function quotaStanding(
  inspectors: readonly { id: string; role: 'supervisor' | 'administrator' }[],
  inspections: readonly Pick<Inspection, 'inspectorId' | 'at'>[],
  now: number,
  tz: string,
  since = '0000-01-01',
  owed?: ReadonlyMap<string, ReadonlySet<string>>,
  dayOf?: (inspectorId: string, at: number) => string | null,
): QuotaLine[] {
  const today = localDate(now, tz)
  const week = weekSoFar(today)
  // Day boundaries as instants once; each inspection is then placed by comparing numbers (a year of
  // inspections stays fast on a tablet: no time-zone formatting per record).
  const starts = [...week, addDays(today, 1)].map((d) => instantAt(d, '00:00', tz))
  const datesBy = new Map<string, string[]>()
  const inWeek = new Set(week)
  for (const i of inspections) {
    const placed = dayOf?.(i.inspectorId, i.at) ?? null
    if (!placed && (i.at < starts[0]! || i.at >= starts.at(-1)!)) continue
    const day = placed ?? week[starts.findLastIndex((t) => t <= i.at)]!
    if (inWeek.has(day)) datesBy.set(i.inspectorId, [...(datesBy.get(i.inspectorId) ?? []), day])
  }
  const days = week.filter((d) => d >= since)
  const weekLength = 7 - (week.length - days.length)
  const required = Math.ceil((SUPERVISOR_WEEKLY_QUOTA * weekLength) / 7)
  return inspectors.map((p) => {
    const dates = datesBy.get(p.id) ?? []
    const n = days.length
    if (p.role === 'supervisor') {
      const done = dates.length
      const dueByToday = Math.ceil((required * n) / weekLength)
      const dueByYesterday = Math.ceil((required * (n - 1)) / weekLength)
      const status: QuotaStatus = done >= required ? 'met' : done < dueByYesterday ? 'behind' : done < dueByToday ? 'dueToday' : 'onTrack'
      return { staffId: p.id, role: p.role, done, required, missedDays: [], status }
    }
    const inspected = new Set(dates)
    const own = owed?.get(p.id)
    const due = own ? days.filter((d) => own.has(d)) : days
    // On the night of yesterday after midnight, the administrator's day is still yesterday's.
    const mine = dayOf?.(p.id, now) ?? today
    const missedDays = due.filter((d) => d < mine && !inspected.has(d))
    const dueToday = due.includes(mine) && !inspected.has(mine)
    const status: QuotaStatus = missedDays.length ? 'behind' : dueToday ? 'dueToday' : week.length === 7 ? 'met' : 'onTrack'
    return { staffId: p.id, role: p.role, done: dates.length, required: due.length, missedDays, status }
  })
}

export interface AppraisalLine {
  staffId: string
  /** Nonconformities of the month by checklist item code (a–j). */
  byItem: Record<string, number>
  total: number
  /** Totals of the months before, oldest first (the trend). */
  before: number[]
}

/** The months `month` and the `back` months before it, oldest first: ['2026-09', '2026-10', '2026-11']. */
export function monthsUpTo(month: string, back: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return Array.from({ length: back + 1 }, (_, i) => {
    const k = y * 12 + (m - 1) - (back - i)
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`
  })
}

/**
 * The appraisal summary of `month` (篇2 4.4.3: 作为前台值班人员绩效考核的依据): for each person, their
 * nonconformities by item, the total, and the totals of the `back` months before. A nonconformity
 * counts in the month (site-local) of the inspection that found it.
 */
export function appraisal(staffIds: readonly string[], ncs: readonly Pick<Nonconformity, 'staffId' | 'itemCode' | 'at'>[], month: string, tz: string, back = 3): AppraisalLine[] {
  const months = monthsUpTo(month, back)
  // Month boundaries as instants in the site's time zone, compared as numbers (see quotaStanding).
  const next = monthsUpTo(month, 0)[0]!.split('-').map(Number) as [number, number]
  const after = next[1] === 12 ? `${next[0] + 1}-01` : `${next[0]}-${String(next[1] + 1).padStart(2, '0')}`
  const bounds = [...months, after].map((m) => instantAt(`${m}-01`, '00:00', tz))
  const lines = new Map(staffIds.map((id) => [id, { staffId: id, byItem: {} as Record<string, number>, total: 0, before: months.slice(0, -1).map(() => 0) }]))
  for (const nc of ncs) {
    const line = lines.get(nc.staffId)
    if (!line) continue
    if (nc.at < bounds[0]! || nc.at >= bounds.at(-1)!) continue
    let i = 0
    while (nc.at >= bounds[i + 1]!) i++
    if (i === back) {
      line.byItem[nc.itemCode] = (line.byItem[nc.itemCode] ?? 0) + 1
      line.total++
    } else line.before[i]!++
  }
  return [...lines.values()]
}
