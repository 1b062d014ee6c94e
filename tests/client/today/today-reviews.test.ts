/**
 * The supervisor's and manager's today screen (issue 10 point 8): every review owed — the register's
 * daily (篇4 4.3) and the duty log's daily (篇2 4.2.5) for the supervisor, last week's register on
 * Mondays (4.9) for the manager — counted over past days only, each linking to its page; today's
 * shown as 今日结束后审核 and never counted, so the count clears in the morning.
 */
import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import { newId } from '@shared/domain/ids'
import type { Staff } from '@shared/domain/staff'
import type { Review } from '@shared/domain/review'
import { dutyStartEntry } from '@client/db/duty/duty-log'
import { registerReception } from '@client/db/register/receptions'
import { makeStaff } from '../../factories/site'
import { makeRegisteringActor, makeRegisterInput } from '../../factories/reception'
import { at, dayAndNight, keyOf } from '../../factories/duty'
import { until } from '../mount'
import { signedInAt, useTodayFixture } from './today-session'

const SITE = newId()
const DEVICE = newId()
const { day, shifts } = dayAndNight(SITE)
const lina = makeStaff({ siteId: SITE, role: 'assistant', name: '李娜' })
const chen = makeStaff({ siteId: SITE, role: 'supervisor', name: '陈主管' })
const sun = makeStaff({ siteId: SITE, role: 'manager', name: '孙经理' })

const review = (kind: Review['kind'], period: string): Review => ({ id: newId(), siteId: SITE, kind, period, reviewerId: chen.id, at: at('2026-11-26', '09:00'), covered: [], openCount: 0, comment: '', signatureId: null })

// The site started on the 25th: a request and 李娜's duty that day; the register of the 25th is reviewed.
const fixture = useTodayFixture(async (db) => {
  await db.staff.bulkAdd([lina, chen, sun])
  await db.shiftTypes.bulkAdd(shifts)
  await db.dutyEntries.add(dutyStartEntry({ siteId: SITE, deviceId: DEVICE, staffId: lina.id }, keyOf(day, '2026-11-25'), at('2026-11-25', '07:55')))
  const actor = makeRegisteringActor({ siteId: SITE, deviceId: DEVICE, staffId: lina.id })
  await registerReception(db, actor, makeRegisterInput({ receivedAt: at('2026-11-25', '10:00') }), at('2026-11-25', '10:00'))
  await db.reviews.add(review('registerDaily', '2026-11-25'))
})
const signedIn = (who: Staff, date: string, hhmm: string): Pinia => signedInAt(SITE, DEVICE, who, at(date, hhmm))
const openToday = fixture.open

/** Each review row as the supervisor reads it: count, what is due, today's note, where it links. */
function rows(w: VueWrapper): { kind: string; count: string; due: string; running: string | null; href: string }[] {
  return w.findAll('[data-testid="today-reviews"] li').map((li) => ({
    kind: li.attributes('data-review')!,
    count: li.find('[data-testid="today-review-count"]').text(),
    due: li.find('[data-testid="today-review-due"]').text(),
    running: li.find('[data-testid="today-review-running"]').exists() ? li.find('[data-testid="today-review-running"]').text() : null,
    href: li.find('a').attributes('href')!,
  }))
}

describe('TodayPage: the reviews due', () => {
  it('shows the supervisor both daily reviews due for past days, each linking to its page, and today’s as 今日结束后审核', async () => {
    const w = await openToday(signedIn(chen, '2026-11-27', '08:30'))
    await until(() => expect(rows(w)).toEqual([
      { kind: 'registerDaily', count: '1', due: '1 天待审核:2026-11-26', running: '今日(2026-11-27)结束后审核', href: '/register/reviews' },
      { kind: 'dutyLogDaily', count: '2', due: '2 天待审核:2026-11-26、2026-11-25', running: '今日(2026-11-27)结束后审核', href: '/duty-log/reviews' },
    ]))
    expect(w.find('[data-testid="today-reviews"] h2').text()).toBe('待审核')
    // Both signed off: nothing is due in the morning, although today's are still to come.
    await fixture.db().reviews.bulkAdd([review('registerDaily', '2026-11-26'), review('dutyLogDaily', '2026-11-26'), review('dutyLogDaily', '2026-11-25')])
    await until(() => expect(rows(w).map((r) => [r.count, r.due, r.running])).toEqual([
      ['0', '已全部审核', '今日(2026-11-27)结束后审核'],
      ['0', '已全部审核', '今日(2026-11-27)结束后审核'],
    ]))
  })

  it('counts a day as due from the site’s midnight on, not before', async () => {
    const w = await openToday(signedIn(chen, '2026-11-26', '23:59'))
    await until(() => expect(rows(w).map((r) => [r.kind, r.count, r.running])).toEqual([
      ['registerDaily', '0', '今日(2026-11-26)结束后审核'],
      ['dutyLogDaily', '1', '今日(2026-11-26)结束后审核'],
    ]))
    const after = await openToday(signedIn(chen, '2026-11-27', '00:00'))
    await until(() => expect(rows(after).map((r) => [r.kind, r.count, r.running])).toEqual([
      ['registerDaily', '1', '今日(2026-11-27)结束后审核'],
      ['dutyLogDaily', '2', '今日(2026-11-27)结束后审核'],
    ]))
  })

  it('shows the manager last week’s register on Monday, linking to the review page, with nothing of today', async () => {
    const w = await openToday(signedIn(sun, '2026-11-30', '09:00'))
    await until(() => expect(rows(w)).toEqual([{ kind: 'registerWeekly', count: '1', due: '1 周待审核:2026-11-23 至 2026-11-29', running: null, href: '/register/reviews' }]))
  })

  it('shows a clerk no reviews', async () => {
    const w = await openToday(signedIn(lina, '2026-11-27', '08:30'))
    await until(() => expect(w.find('[data-testid="today-register"]').exists()).toBe(true))
    expect(w.find('[data-testid="today-reviews"]').exists()).toBe(false)
  })
})
