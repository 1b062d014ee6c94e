import { describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import AppNav from '@client/components/AppNav.vue'
import { useSessionStore } from '@client/stores/session'
import { staffCard } from '@shared/domain/staff'
import type { Role } from '@shared/domain/role'
import { mountApp } from '../mount'
import { makeStaff } from '../../factories/site'

function sectionsShownTo(role: Role): string[] {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore(pinia).signIn(staffCard(makeStaff({ role })), 0)
  const { wrapper } = mountApp(AppNav, {}, undefined, pinia)
  return wrapper.findAll('[data-section]').map((a) => `${a.attributes('data-section')}:${a.text()}`)
}

describe('AppNav', () => {
  it.each<[Role, string[]]>([
    // Issue 6 point 7: the inspected clerk sees her inspections (and answers them).
    ['assistant', ['today:今日', 'register:接待登记', 'dutyLog:值班记录', 'handover:交接班', 'roster:排班表', 'inspection:质量检查', 'archive:客户档案', 'settings:设置']],
    // Issue 16: 统计 for the administrator (read-only), the supervisor and the manager.
    ['administrator', ['today:今日', 'register:接待登记', 'dutyLog:值班记录', 'handover:交接班', 'roster:排班表', 'inspection:质量检查', 'archive:客户档案', 'statistics:统计', 'settings:设置']],
    ['supervisor', ['today:今日', 'register:接待登记', 'dutyLog:值班记录', 'handover:交接班', 'roster:排班表', 'inspection:质量检查', 'archive:客户档案', 'statistics:统计', 'settings:设置']],
    ['manager', ['today:今日', 'register:接待登记', 'dutyLog:值班记录', 'roster:排班表', 'inspection:质量检查', 'archive:客户档案', 'statistics:统计', 'settings:设置']],
    // 篇2 4.2.4: departments never see the duty log.
    ['department', ['today:今日', 'register:接待登记', 'settings:设置']],
    ['admin', ['today:今日', 'roster:排班表', 'settings:设置']],
  ])('offers a %s the sections of the role, labelled in Chinese', (role, expected) => {
    expect(sectionsShownTo(role)).toEqual(expected)
  })
})
