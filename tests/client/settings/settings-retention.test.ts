/**
 * The retention period in 设置 → 时限与保留期限 (issue 14 point 3): the dry run beside the field says how many
 * closed requests are due with the period being typed, before anything changes; saving a shorter period
 * asks first, then reduces them on this tablet; cancelling changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import SettingsLimits from '@client/features/settings/components/SettingsLimits.vue'
import type { DeskbookDb } from '@client/db/database'
import { loadLocalSite } from '@client/db/site/site'
import { instantAt } from '@shared/domain/time'
import { freshDb } from '../../factories/db'
import { seedRetentionSite } from '../../factories/retention-site'
import { mountApp, signedIn, until } from '../mount'

let db: DeskbookDb
beforeEach(() => {
  // Only the clock is fake: the dry run reads "now" from it.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(instantAt('2026-12-03', '10:00', 'Asia/Shanghai'))
})
afterEach(async () => {
  vi.useRealTimers()
  document.body.innerHTML = ''
  db.close()
  await db.delete()
})

async function open() {
  db = freshDb()
  const site = await seedRetentionSite(db)
  const { settings } = (await loadLocalSite(db))!
  const { wrapper } = mountApp(SettingsLimits, {}, db, signedIn(site.actor.siteId, site.staff, settings))
  const field = () => wrapper.find('input[name="contactRetentionYears"]')
  const preview = () => wrapper.find('[data-testid="retention-preview"]').text()
  await until(() => expect(preview()).toContain('现有 1 条已结案登记到期'))
  return { site, wrapper, field, preview }
}

describe('SettingsLimits: the retention period', () => {
  it('shows 3 years and what is due with the period being typed, changing nothing', async () => {
    const { site, wrapper, field, preview } = await open()
    expect(wrapper.text()).toContain('已结案登记保留业主姓名和电话(年)')
    expect((field().element as HTMLInputElement).value).toBe('3')
    expect(preview()).toContain('期满后只留姓氏和打码的电话')
    await field().setValue('1')
    await until(() => expect(preview()).toContain('按 1 年计,现有 2 条已结案登记到期'))
    await field().setValue('10')
    await until(() => expect(preview()).toContain('按 10 年计,现在没有到期的已结案登记。'))
    await field().setValue('0')
    await until(() => expect(wrapper.text()).toContain('请填写 1–30 之间的整数'))
    expect(await db.receptions.get(site.old.id)).toMatchObject({ customerName: '王建国', phone: '13812345678' })
  })

  it('asks before saving a shorter period; cancelling keeps everything, confirming reduces on this tablet', async () => {
    const { site, wrapper, field, preview } = await open()
    await field().setValue('1')
    await until(() => expect(preview()).toContain('现有 2 条'))
    const save = () => wrapper.findAll('button').find((b) => b.text() === '保存')!.trigger('click')
    await save()
    await until(() => expect(document.body.querySelector('.van-dialog__confirm')).not.toBeNull())
    expect(document.body.querySelector('.van-dialog')!.textContent).toContain('保存后立即缩减 2 条已结案登记的业主姓名和电话(保留 1 年),不能恢复。')
    ;(document.body.querySelector('.van-dialog__cancel') as HTMLElement).click()
    await until(() => expect(document.body.querySelector('.van-dialog')?.getAttribute('style') ?? '').toContain('display: none'))
    expect((await loadLocalSite(db))!.settings.contactRetentionYears).toBe(3)
    expect(await db.receptions.get(site.recent.id)).toMatchObject({ customerName: '王建国' })

    await save()
    await until(() => expect(document.body.querySelectorAll('.van-dialog__confirm').length).toBeGreaterThan(0))
    ;([...document.body.querySelectorAll('.van-dialog__confirm')].at(-1) as HTMLElement).click()
    await until(() => expect(preview()).toContain('按 1 年计,现在没有到期的已结案登记。'))
    expect((await loadLocalSite(db))!.settings.contactRetentionYears).toBe(1)
    for (const r of [site.old, site.recent]) expect(await db.receptions.get(r.id)).toMatchObject({ customerName: '王', phone: '138****5678' })
    expect(await db.receptions.get(site.open.id)).toMatchObject({ customerName: '王建国', phone: '13812345678' })
  })
})
