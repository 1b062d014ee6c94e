/**
 * 篇2 4.2.5 (issue 5 point 4): the supervisor sees the days of duty log not reviewed yet, reads what a
 * day holds, and signs it off with a comment; the signed review records what it covered.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import DutyLogReviewsPage from '@client/features/duty-log/pages/DutyLogReviewsPage.vue'
import { newId } from '@shared/domain/ids'
import type { Staff } from '@shared/domain/staff'
import { shiftKey } from '@shared/domain/duty-log'
import { instantAt } from '@shared/domain/time'
import type { DeskbookDb } from '@client/db/database'
import { freshDb } from '../../factories/db'
import { makeStaff } from '../../factories/site'
import { makeEntry } from '../../factories/duty-seed'
import { mountApp, signedIn as signedInTo, until } from '../mount'

vi.mock('@client/components/BaseSignaturePad.vue', () => import('../signature-pad-stub'))

const SITE = newId()
const TZ = 'Asia/Shanghai'
const DATE = '2026-11-27'
const DAY = shiftKey(DATE, newId())
const supervisor = makeStaff({ siteId: SITE, role: 'supervisor', name: '张主管' })
const administrator = makeStaff({ siteId: SITE, role: 'administrator', name: '王管理' })
const clerk = makeStaff({ siteId: SITE, role: 'assistant', name: '李娜' })
let db: DeskbookDb
let wrapper: VueWrapper | null = null

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  // The morning after: the day's log has ended and can be reviewed.
  vi.setSystemTime(instantAt('2026-11-28', '09:00', TZ))
  db = freshDb()
  await db.staff.bulkAdd([supervisor, administrator, clerk])
  await db.dutyEntries.bulkAdd([
    makeEntry(SITE, { shiftKey: DAY, at: instantAt(DATE, '09:10', TZ), staffId: clerk.id, content: '3号楼电梯异响', followUp: true }),
    makeEntry(SITE, { shiftKey: DAY, at: instantAt(DATE, '10:30', TZ), staffId: clerk.id, content: '业主来电咨询停水时间' }),
  ])
})
afterEach(async () => {
  wrapper?.unmount()
  wrapper = null
  vi.useRealTimers()
  db.close()
  await db.delete()
})

const signedIn = (who: Staff) => signedInTo(SITE, who, { timezone: TZ })

const dueButton = (w: VueWrapper) => w.find('[data-testid="duty-reviews-due"]').findAll('button').find((b) => b.text().includes(`审核 ${DATE} 的值班记录`))

describe('DutyLogReviewsPage', () => {
  it('flags yesterday’s log as due and today’s as 今日结束后审核; the supervisor reads what it holds and signs it off; it is then no longer due', async () => {
    wrapper = mountApp(DutyLogReviewsPage, {}, db, signedIn(supervisor)).wrapper
    const w = wrapper
    await until(() => expect(dueButton(w)).toBeDefined())
    expect(w.find('[data-testid="duty-reviews-due"]').findAll('button').map((b) => b.text())).toEqual([`审核 ${DATE} 的值班记录`])
    expect(w.find('[data-testid="review-running"]').text()).toBe('今日(2026-11-28)结束后审核')
    await dueButton(w)!.trigger('click')
    await until(() => expect(w.find('[role="status"]').text()).toBe('本次审核 2 条记录,其中待跟进 1 条'))
    await w.find('textarea[name="comment"]').setValue('电梯异响请工程部明日回复')
    await w.findAll('button').find((b) => b.text() === '签名并提交审核')!.trigger('click')

    await until(() => expect(w.find('[data-testid="duty-reviews-due"]').text()).toContain('没有待审核的值班记录'))
    const [review] = await db.reviews.toArray()
    expect(review).toMatchObject({ kind: 'dutyLogDaily', period: DATE, reviewerId: supervisor.id, comment: '电梯异响请工程部明日回复', openCount: 1 })
    expect(review!.covered).toHaveLength(2)
    expect(review!.signatureId).not.toBeNull()
    expect((await db.outbox.toArray()).map((m) => m.name).sort()).toEqual(['review.add', 'signature.add'])
  })

  it('offers the administrator no day to sign off (the review is the supervisor’s) and writes nothing', async () => {
    wrapper = mountApp(DutyLogReviewsPage, {}, db, signedIn(administrator)).wrapper
    const w = wrapper
    // The administrator is not due to review (4.2.5 is the supervisor's): nothing is offered.
    await until(() => expect(w.find('[data-testid="duty-reviews-due"]').text()).toContain('没有待审核的值班记录'))
    expect(dueButton(w)).toBeUndefined()
    expect(await db.reviews.count()).toBe(0)
  })
})
