import { describe, expect, it } from 'vitest'
import SettingsShiftTypes from '@client/features/settings/components/SettingsShiftTypes.vue'
import { newId } from '@shared/domain/ids'
import { freshDb } from '../../factories/db'
import { dayAndNight } from '../../factories/duty'
import { makeStaff } from '../../factories/site'
import { mountApp, signedIn, until } from '../mount'

describe('the shifts in settings: fewest at the desk (issue 13 point 1)', () => {
  it('lets the administrator set a shift’s 最少值班人数; only that field travels', async () => {
    const db = freshDb()
    const site = newId()
    const { day, shifts } = dayAndNight(site)
    await db.shiftTypes.bulkPut(shifts)
    const admin = makeStaff({ siteId: site, role: 'administrator', name: '王管理' })
    const { wrapper } = mountApp(SettingsShiftTypes, {}, db, signedIn(site, admin))
    await until(() => expect(wrapper.find('input[name="minStaff-白"]').exists()).toBe(true))
    expect((wrapper.find('input[name="minStaff-白"]').element as HTMLInputElement).value).toBe('1')
    expect(wrapper.text()).toContain('白 白班(08:00–20:00)最少值班人数')

    await wrapper.find('input[name="minStaff-白"]').setValue('25')
    expect(wrapper.text()).toContain('请填写 0 到 20 之间的整数')
    await wrapper.find('input[name="minStaff-白"]').setValue('2')
    // 夜 is typed too but not saved yet: saving 白 (the shifts are read again) keeps what was typed for 夜.
    await wrapper.find('input[name="minStaff-夜"]').setValue('3')
    await wrapper.findAll('button')[0]!.trigger('click')
    await until(async () => expect((await db.shiftTypes.get(day.id))?.minStaff).toBe(2))
    await new Promise((r) => setTimeout(r, 50))
    expect((wrapper.find('input[name="minStaff-夜"]').element as HTMLInputElement).value).toBe('3')
    expect((wrapper.find('input[name="minStaff-白"]').element as HTMLInputElement).value).toBe('2')
    const [m] = await db.outbox.toArray()
    expect(m).toMatchObject({ name: 'shiftType.put', fields: { minStaff: 2 } })
    wrapper.unmount()
    db.close()
    await db.delete()
  })

  it('shows a clerk the minimums without a way to change them', async () => {
    const db = freshDb()
    const site = newId()
    await db.shiftTypes.bulkPut(dayAndNight(site).shifts)
    const { wrapper } = mountApp(SettingsShiftTypes, {}, db, signedIn(site, makeStaff({ siteId: site, name: '李娜' })))
    await until(() => expect(wrapper.find('input[name="minStaff-夜"]').exists()).toBe(true))
    expect(wrapper.find('input[name="minStaff-夜"]').attributes('readonly')).toBeDefined()
    expect(wrapper.findAll('button')).toHaveLength(0)
    wrapper.unmount()
    db.close()
    await db.delete()
  })
})
