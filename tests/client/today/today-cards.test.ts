import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Component } from 'vue'
import TodayInspectionQuota from '@client/features/today/components/TodayInspectionQuota.vue'
import TodayNonconformities from '@client/features/today/components/TodayNonconformities.vue'
import { newId } from '@shared/domain/ids'
import { shiftKey } from '@shared/domain/duty-log'
import { makeSite } from '@shared/domain/site'
import { defaultSettings } from '@shared/domain/settings'
import { staffCard, type Staff } from '@shared/domain/staff'
import { instantAt } from '@shared/domain/time'
import { kindFor, type Nonconformity } from '@shared/domain/inspection'
import type { Role } from '@shared/domain/role'
import { useSessionStore } from '@client/stores/session'
import type { DeskbookDb } from '@client/db/database'
import { freshDb } from '../../factories/db'
import { makeStaff } from '../../factories/site'
import { makeInspection, makeNonconformity, makeVerification } from '../../factories/inspection'
import { mountApp, until as untilPasses } from '../mount'

const SITE = newId()
const TZ = 'Asia/Shanghai'
const TEMPLATE = newId()
/** A site-local wall-clock time in Shanghai as an instant. */
const at = (date: string, hhmm: string): number => instantAt(date, hhmm, TZ)

let db: DeskbookDb
let wrapper: VueWrapper | null = null
// Only Date is faked: the clock stands still at the chosen "now", while fake-indexeddb and Dexie's
// live queries keep their real timers.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  db = freshDb()
})
afterEach(async () => {
  wrapper?.unmount()
  wrapper = null
  vi.useRealTimers()
  db.close()
  await db.delete()
})

const person = (name: string, role: Role, active = true): Staff => makeStaff({ siteId: SITE, name, role, active })

/** A set-up tablet in Shanghai with `who` logged in at `now`. */
function signedIn(who: Staff, now: number): Pinia {
  vi.setSystemTime(now)
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore(pinia)
  session.setSite({ site: makeSite(SITE, '翠苑小区'), settings: { ...defaultSettings(SITE), timezone: TZ }, device: { id: newId(), siteId: SITE, letter: 'A', name: '前台平板', createdAt: 0 } })
  session.signIn(staffCard(who), now)
  return pinia
}

function open(component: Component, pinia: Pinia): VueWrapper {
  wrapper = mountApp(component, {}, db, pinia).wrapper
  return wrapper
}

async function until(w: VueWrapper, check: () => void): Promise<void> {
  await untilPasses(async () => {
    check()
  })
}

/** An inspection by `inspector` at a Shanghai wall-clock time. */
const inspected = (inspector: Staff, date: string, hhmm: string, siteId = SITE) =>
  makeInspection({ siteId, templateId: TEMPLATE, inspectorId: inspector.id, inspectedIds: [newId()], at: at(date, hhmm), shiftKey: shiftKey(date, newId()), kind: kindFor(inspector.role) ?? 'spot' })

describe('TodayInspectionQuota', () => {
  const chen = person('陈主管', 'supervisor')
  const zhou = person('周主管', 'supervisor')
  const wang = person('王管理', 'administrator')
  const manager = person('赵经理', 'manager')
  const lina = person('李娜', 'assistant')
  const gone = person('刘离职', 'supervisor', false)

  const line = (w: VueWrapper, name: string) => w.findAll('[data-testid="today-inspection-quota"] li').find((li) => li.text().includes(name))

  it('on a Thursday: three done is 已完成, none is 落后, and the administrator who missed Tuesday is 落后 with the day', async () => {
    // 2026-11-23 is a Monday; "now" is Thursday 2026-11-26 10:00 in Shanghai.
    await db.staff.bulkAdd([chen, zhou, wang, manager, lina, gone])
    await db.inspections.bulkAdd([
      inspected(chen, '2026-11-23', '09:00'),
      inspected(chen, '2026-11-24', '21:30'),
      inspected(chen, '2026-11-26', '08:15'),
      inspected(wang, '2026-11-23', '08:00'),
      inspected(wang, '2026-11-25', '20:05'),
      inspected(wang, '2026-11-26', '08:00'),
      inspected(zhou, '2026-11-20', '10:00'), // last week's Friday: not this week
      inspected(zhou, '2026-11-24', '10:00', newId()), // another site
      inspected(gone, '2026-11-24', '10:00'),
    ])
    const w = open(TodayInspectionQuota, signedIn(chen, at('2026-11-26', '10:00')))
    await until(w, () => expect(w.findAll('[data-testid="today-inspection-quota"] li')).toHaveLength(3))
    expect(w.find('h2').text()).toBe('本周检查进度')

    const chenLine = line(w, '陈主管')!
    expect(chenLine.attributes('data-status')).toBe('met')
    expect(chenLine.text()).toContain('客服主管')
    expect(chenLine.text()).toContain('3 / 3')
    expect(chenLine.text()).toContain('已完成')

    // Thursday is day 4: ⌈3×3/7⌉ = 2 were due by Wednesday.
    const zhouLine = line(w, '周主管')!
    expect(zhouLine.attributes('data-status')).toBe('behind')
    expect(zhouLine.text()).toContain('0 / 3')
    expect(zhouLine.text()).toContain('落后')
    expect(zhouLine.text()).not.toContain('漏查')

    const wangLine = line(w, '王管理')!
    expect(wangLine.attributes('data-status')).toBe('behind')
    expect(wangLine.text()).toContain('客服管理员')
    expect(wangLine.text()).toContain('3 / 4')
    expect(wangLine.text()).toContain('落后')
    expect(wangLine.text()).toContain('漏查:11-24')

    // Only active supervisors and administrators are listed.
    expect(w.text()).not.toContain('赵经理')
    expect(w.text()).not.toContain('李娜')
    expect(w.text()).not.toContain('刘离职')
    expect(w.text()).toContain('客服主管每周至少抽查三次')
  })

  it('starts a new week at Monday 00:00 in Shanghai: Sunday 23:59 no longer counts', async () => {
    await db.staff.bulkAdd([chen, wang])
    await db.inspections.bulkAdd([
      // Sunday 2026-11-29 23:59 in Shanghai (15:59 UTC): last week.
      inspected(chen, '2026-11-29', '23:59'),
      inspected(wang, '2026-11-29', '23:59'),
      // Monday 00:00 in Shanghai is still Sunday in UTC, yet it is this week's.
      inspected(wang, '2026-11-30', '00:00'),
    ])
    const w = open(TodayInspectionQuota, signedIn(chen, at('2026-11-30', '00:00')))
    await until(w, () => expect(line(w, '王管理')?.text()).toContain('1 / 1'))
    const chenLine = line(w, '陈主管')!
    expect(chenLine.text()).toContain('0 / 3')
    expect(chenLine.attributes('data-status')).toBe('dueToday')
    expect(chenLine.text()).toContain('今日待查')
    expect(line(w, '王管理')!.text()).toContain('进度正常')
    expect(w.text()).not.toContain('落后')
    expect(w.text()).not.toContain('漏查')
  })

  it('owes nothing for the days before the site’s first tablet joined (a site started on Wednesday)', async () => {
    await db.staff.bulkAdd([chen, wang])
    await db.devices.add({ id: newId(), siteId: SITE, letter: 'A', name: '前台平板', createdAt: at('2026-11-25', '09:00') })
    await db.inspections.bulkAdd([inspected(wang, '2026-11-25', '20:05')])
    const w = open(TodayInspectionQuota, signedIn(chen, at('2026-11-26', '10:00')))
    // Wednesday to Sunday: ⌈3×5/7⌉ = 3 for the supervisor, at a pace of ⌈3×1/5⌉ = 1 by Wednesday's end.
    await until(w, () => expect(line(w, '王管理')?.text()).toContain('1 / 2'))
    expect(line(w, '王管理')!.attributes('data-status')).toBe('dueToday')
    expect(w.text()).not.toContain('漏查')
    expect(line(w, '陈主管')!.text()).toContain('0 / 3')
    expect(line(w, '陈主管')!.attributes('data-status')).toBe('behind')
  })

  it('says so when the site has no supervisor or administrator to inspect', async () => {
    await db.staff.bulkAdd([manager, lina])
    const w = open(TodayInspectionQuota, signedIn(manager, at('2026-11-26', '10:00')))
    await until(w, () => expect(w.text()).toContain('本项目没有需要检查的主管或管理员。'))
    expect(w.findAll('li')).toHaveLength(0)
  })
})

describe('TodayNonconformities', () => {
  const lina = person('李娜', 'assistant')
  const fang = person('王芳', 'assistant')
  const chen = person('陈主管', 'supervisor')
  const inspection = newId()
  const nc = (staff: Staff, dueDate: string, finding: string, overrides: Partial<Nonconformity> = {}) =>
    makeNonconformity({ siteId: SITE, inspectionId: inspection, staffId: staff.id, at: at('2026-11-19', '10:00'), dueDate, finding, ...overrides })

  const card = (w: VueWrapper) => w.find('[data-testid="today-nonconformities"]')
  /** Her nonconformities and others', read by the card, as it holds them. */
  const loaded = (w: VueWrapper): number => (w.vm as unknown as { data: { nonconformities: unknown[] } }).data.nonconformities.length

  it('lists the clerk’s own open and overdue nonconformities, earliest due first, each linking to its inspection', async () => {
    const overdue = nc(lina, '2026-11-25', '值班期间未佩戴胸卡', { itemCode: 'a', standardId: 'a1', measure: '班前互查仪容仪表' })
    const dueToday = nc(lina, '2026-11-26', '接听电话未使用礼貌用语', { itemCode: 'c', standardId: 'c2', inspectionId: newId() })
    const closed = nc(lina, '2026-11-24', '前台桌面杂乱')
    const notMine = nc(fang, '2026-11-22', '交接班记录未签字')
    const elsewhere = nc(lina, '2026-11-21', '别的项目的不合格项', { siteId: newId() })
    await db.staff.bulkAdd([lina, fang, chen])
    await db.nonconformities.bulkAdd([dueToday, overdue, closed, notMine, elsewhere])
    await db.verifications.bulkAdd([
      makeVerification({ siteId: SITE, nonconformityId: closed.id, staffId: chen.id, at: at('2026-11-24', '15:00'), effective: true }),
      // Found not effective: still hers to act on.
      makeVerification({ siteId: SITE, nonconformityId: overdue.id, staffId: chen.id, at: at('2026-11-25', '15:00'), effective: false }),
    ])
    // Just after midnight in Shanghai (still 2026-11-25 in UTC): the 25th is past.
    const w = open(TodayNonconformities, signedIn(lina, at('2026-11-26', '00:30')))
    await until(w, () => expect(card(w).findAll('li')).toHaveLength(2))
    expect(card(w).find('h2').text()).toBe('我的不合格项')
    expect(card(w).text()).toContain('以下不合格项待改进并验证')

    const [first, second] = card(w).findAll('li')
    expect(first!.attributes('data-state')).toBe('overdue')
    expect(first!.text()).toContain('a1')
    expect(first!.text()).toContain('值班期间未佩戴胸卡')
    expect(first!.text()).toContain('已逾期')
    expect(first!.text()).toContain('改进措施:班前互查仪容仪表')
    expect(first!.text()).toContain('期限 2026-11-25')
    expect(first!.find('a').text()).toBe('查看检查记录')
    expect(first!.find('a').attributes('href')).toBe(`/inspection/${overdue.inspectionId}`)

    // Due today is not overdue yet.
    expect(second!.attributes('data-state')).toBe('open')
    expect(second!.text()).toContain('接听电话未使用礼貌用语')
    expect(second!.text()).toContain('待验证')
    expect(second!.text()).toContain('期限 2026-11-26')
    expect(second!.find('a').attributes('href')).toBe(`/inspection/${dueToday.inspectionId}`)

    expect(w.text()).not.toContain('前台桌面杂乱')
    expect(w.text()).not.toContain('交接班记录未签字')
    expect(w.text()).not.toContain('别的项目的不合格项')
  })

  it('renders nothing when she has none open, and appears when one is recorded', async () => {
    const closed = nc(lina, '2026-11-24', '前台桌面杂乱')
    await db.staff.bulkAdd([lina, fang, chen])
    await db.nonconformities.bulkAdd([closed, nc(fang, '2026-11-22', '交接班记录未签字')])
    await db.verifications.add(makeVerification({ siteId: SITE, nonconformityId: closed.id, staffId: chen.id, at: at('2026-11-24', '15:00'), effective: true }))
    const w = open(TodayNonconformities, signedIn(lina, at('2026-11-26', '10:00')))
    // The card has read the site's nonconformities, and shows none of them.
    await until(w, () => expect(loaded(w)).toBe(2))
    expect(card(w).exists()).toBe(false)
    expect(w.text()).toBe('')

    const fresh = nc(lina, '2026-12-03', '未按规定着工装')
    await db.nonconformities.add(fresh)
    await until(w, () => expect(card(w).text()).toContain('未按规定着工装'))
    expect(card(w).text()).toContain('待验证')
    expect(card(w).text()).toContain('期限 2026-12-03')
  })
})
