/**
 * 个人信息查阅记录 in settings (issue 14 point 2): the manager reads who did what, when, on which tablet —
 * a console export too; nobody else is shown the card.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { newId } from '@shared/domain/ids'
import type { AccessEntry } from '@shared/domain/access-trail'
import SettingsAccessTrail from '@client/features/settings/components/SettingsAccessTrail.vue'
import type { DeskbookDb } from '@client/db/database'
import { freshDb } from '../../factories/db'
import { makeStaff } from '../../factories/site'
import { signedIn } from '../archive/session'
import { mountApp, until } from '../mount'

const SITE = newId()
const li = makeStaff({ siteId: SITE, name: '李娜', role: 'assistant' })
const tablet = { id: newId(), siteId: SITE, letter: 'B', name: '前台平板', createdAt: 0 }
const at = Date.UTC(2026, 11, 3, 2) // 10:00 in Shanghai
const entry = (o: Partial<AccessEntry>): AccessEntry => ({ id: newId(), siteId: SITE, staffId: li.id, consoleUser: '', deviceId: tablet.id, at, kind: 'printPhones', subjectTable: '', subjectId: '', what: '接待登记 2026-12-01 至 2026-12-31', ...o })

let db: DeskbookDb
afterEach(async () => {
  db.close()
  await db.delete()
})

describe('SettingsAccessTrail', () => {
  it('lists for the manager who, when, on which tablet and what, newest first', async () => {
    db = freshDb()
    await db.staff.add(li)
    await db.devices.add(tablet)
    await db.accessTrail.bulkAdd([entry({}), entry({ staffId: null, consoleUser: 'admin', deviceId: null, at: at + 60_000, kind: 'exportSite', what: '项目数据 XLSX(业主电话已打码)' })])
    const { wrapper } = mountApp(SettingsAccessTrail, {}, db, signedIn('manager', SITE))
    const cells = () => wrapper.findAll('[data-testid="settings-access-trail"] .van-cell').map((c) => c.text())
    await until(() => expect(cells()).toHaveLength(2))
    expect(cells()).toEqual([
      '导出项目数据 · 项目数据 XLSX(业主电话已打码)服务器控制台 admin · 2026-12-03 10:01 · 服务器',
      '打印含完整电话的清单 · 接待登记 2026-12-01 至 2026-12-31李娜 · 2026-12-03 10:00 · B 号平板',
    ])
  })

  it('is not shown to a clerk', async () => {
    db = freshDb()
    await db.accessTrail.add(entry({}))
    const { wrapper } = mountApp(SettingsAccessTrail, {}, db, signedIn('assistant', SITE))
    await flushPromises()
    expect(wrapper.find('[data-testid="settings-access-trail"]').exists()).toBe(false)
  })
})
