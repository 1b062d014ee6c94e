/**
 * Issue 10 point 14: the status bar names a clerk on duty 当班人员 with her shift; a supervisor or a
 * manager, who do not stand the desk (篇2 4.1.2), is 登录人员 with no shift.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import AppStatusBar from '@client/components/AppStatusBar.vue'
import { newId } from '@shared/domain/ids'
import type { Role } from '@shared/domain/role'
import type { DeskbookDb } from '@client/db/database'
import { freshDb } from '../../factories/db'
import { makeStaff } from '../../factories/site'
import { mountApp, signedIn } from '../mount'

const SITE = newId()
let db: DeskbookDb | null = null
let wrapper: VueWrapper | null = null
afterEach(async () => {
  wrapper?.unmount()
  db?.close()
  await db?.delete()
})

describe('AppStatusBar', () => {
  it.each([
    { role: 'assistant', name: '李娜', label: '当班人员', shift: true },
    { role: 'administrator', name: '王管理', label: '当班人员', shift: true },
    { role: 'supervisor', name: '张主管', label: '登录人员', shift: false },
    { role: 'manager', name: '孙经理', label: '登录人员', shift: false },
  ] as { role: Role; name: string; label: string; shift: boolean }[])('shows a $role as $label (a shift: $shift)', ({ role, name, label, shift }) => {
    db = freshDb()
    const who = makeStaff({ siteId: SITE, role, name })
    wrapper = mountApp(AppStatusBar, {}, db, signedIn(SITE, who)).wrapper
    expect(wrapper.find('[data-testid="status-staff"]').text()).toMatch(new RegExp(`^${label}\\s*${name}\\W`))
    expect(wrapper.find('[data-testid="status-shift"]').exists()).toBe(shift)
  })
})
