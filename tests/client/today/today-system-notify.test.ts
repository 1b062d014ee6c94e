/**
 * 开启系统通知 on the supervisor's today screen: 通知 and 报给客服主管的重大事项 both notify, and the
 * tablet's permission is one for the app — so the screen offers one button, and after it both lists notify.
 */
import { describe, expect, it, vi } from 'vitest'
import { newId } from '@shared/domain/ids'
import { notificationKey } from '@shared/domain/notification'
import { makeStaff } from '../../factories/site'
import { at, dayAndNight } from '../../factories/duty'
import { until } from '../mount'
import { signedInAt, useTodayFixture } from './today-session'

const asked = vi.hoisted(() => {
  const calls: string[] = []
  class FakeNotification {
    static permission: NotificationPermission = 'default'
    static requestPermission(): Promise<NotificationPermission> {
      calls.push('asked')
      FakeNotification.permission = 'granted'
      return Promise.resolve('granted')
    }
  }
  Object.defineProperty(globalThis, 'Notification', { value: FakeNotification, configurable: true, writable: true })
  return calls
})

const SITE = newId()
const DATE = '2026-11-26'
const chen = makeStaff({ siteId: SITE, role: 'supervisor', name: '陈主管' })
const fixture = useTodayFixture(async (db) => {
  await db.staff.add(chen)
  await db.shiftTypes.bulkAdd(dayAndNight(SITE).shifts)
  const subjectId = newId()
  const key = notificationKey('requestToSupervisor', subjectId, 'supervisor')
  await db.notices.add({ id: key, key, siteId: SITE, rule: 'requestToSupervisor', level: 'supervisor', subjectTable: 'receptions', subjectId, dueAt: at(DATE, '09:00'), room: '3-2-1101', summary: '车库漏水', link: `/register/${subjectId}` })
})

describe('TodayPage — system notifications', () => {
  it('offers 开启系统通知 once for the supervisor’s two lists, and none once it is allowed', async () => {
    const w = await fixture.open(signedInAt(SITE, newId(), chen, at(DATE, '10:00')))
    await until(() => expect(w.find('[data-testid="today-notices"]').exists()).toBe(true))
    expect(w.find('[data-testid="today-escalated"]').exists()).toBe(true)
    const buttons = () => w.findAll('button').filter((b) => b.text() === '开启系统通知')
    expect(buttons()).toHaveLength(1)
    await buttons()[0]!.trigger('click')
    await until(() => expect(buttons()).toHaveLength(0))
    expect(asked).toEqual(['asked'])
  })
})
