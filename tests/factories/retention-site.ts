/**
 * A standalone tablet's site with three requests for the contact-retention tests (issue 14 point 3), seen
 * from 2026-12-03: one closed on 2022-06-02 (with a correction and a note holding phones), one open since
 * 2021, one closed on 2025-06-02. The staff member is the site's 客服管理员 (settings.manage).
 */
import { completeFirstRun } from '@client/db/site/first-run'
import { addReceptionEvent, registerReception, type RegisteringActor } from '@client/db/register/receptions'
import type { Reception } from '@shared/domain/reception'
import { instantAt } from '@shared/domain/time'
import type { Staff } from '@shared/domain/staff'
import type { DeskbookDb } from '@client/db/database'
import { makeRegisterInput } from './reception'

const at = (date: string, time = '10:00'): number => instantAt(date, time, 'Asia/Shanghai')

export interface RetentionSite {
  actor: RegisteringActor
  staff: Staff
  old: Reception
  open: Reception
  recent: Reception
}

export async function seedRetentionSite(db: DeskbookDb): Promise<RetentionSite> {
  const { site, device } = await completeFirstRun(
    db,
    {
      siteName: '翠苑小区',
      timezone: 'Asia/Shanghai',
      deviceName: '前台平板',
      departments: [{ name: '工程部' }],
      shiftTypes: [{ code: '白', name: '白班', start: '08:00', end: '20:00' }],
      staff: [{ name: '王管理', role: 'administrator', departmentIndex: null, pin: '2580', pinAgain: '2580' }],
    },
    at('2021-01-01'),
  )
  const staff = (await db.staff.where('siteId').equals(site.id).first())!
  const staffId = staff.id
  const actor: RegisteringActor = { siteId: site.id, deviceId: device.id, staffId, letter: 'A', timezone: 'Asia/Shanghai' }
  const register = (date: string, overrides = {}) => registerReception(db, actor, makeRegisterInput({ receivedAt: at(date), category: 'enquiry', ...overrides }), at(date))
  const old = await register('2022-06-01', { matter: '请回电 13812345678 咨询停车位' })
  await addReceptionEvent(db, actor, 'administrator', old.id, { type: 'correction', note: '', correction: { customerName: '王建华', phone: '13900001111' } }, at('2022-06-01', '10:05'))
  await addReceptionEvent(db, actor, 'administrator', old.id, { type: 'followUp', note: '已致电 13900001111' }, at('2022-06-01', '11:00'))
  await addReceptionEvent(db, actor, 'administrator', old.id, { type: 'result', note: '已答复' }, at('2022-06-02'))
  const open = await register('2021-03-01')
  const recent = await register('2025-06-01')
  await addReceptionEvent(db, actor, 'administrator', recent.id, { type: 'result', note: '已答复' }, at('2025-06-02'))
  return { actor, staff, old, open, recent }
}
