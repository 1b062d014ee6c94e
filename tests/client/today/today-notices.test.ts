/**
 * 通知 on the today screen (issue 15 point 4): the notices the server wrote for this role, newest first,
 * unread marked; tapping one marks it read on this tablet and opens it; roles without notices see no card.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Router } from 'vue-router'
import { newId } from '@shared/domain/ids'
import { notificationKey, type Notice, type NotifyLevel, type NotifyRule } from '@shared/domain/notification'
import TodayNotices from '@client/features/today/components/TodayNotices.vue'
import type { DeskbookDb } from '@client/db/database'
import { freshDb } from '../../factories/db'
import { signedIn } from '../archive/session'
import { mountApp, until } from '../mount'

const SITE = newId()
const T = Date.UTC(2026, 11, 3, 2) // 10:00 in Shanghai
const notice = (rule: NotifyRule, level: NotifyLevel, dueAt: number, o: Partial<Notice> = {}): Notice => {
  const subjectId = newId()
  const key = notificationKey(rule, subjectId, level)
  return { id: key, key, siteId: SITE, rule, level, subjectTable: 'receptions', subjectId, dueAt, room: '3-2-1101', summary: '车库漏水', link: `/register/${subjectId}`, ...o }
}

let db: DeskbookDb
afterEach(async () => {
  db.close()
  await db.delete()
})

describe('TodayNotices', () => {
  it('lists the supervisor’s notices newest first, unread marked; a tap marks it read here and opens it', async () => {
    db = freshDb()
    const older = notice('requestToSupervisor', 'supervisor', T - 3_600_000)
    const newer = notice('complaintDueSoon', 'supervisor', T, { room: '5-1-602', summary: '投诉夜间噪音' })
    await db.notices.bulkAdd([older, newer, notice('requestToManager', 'manager', T)])
    const { wrapper } = mountApp(TodayNotices, {}, db, signedIn('supervisor', SITE))
    const items = () => wrapper.findAll('.today-notices__item').map((i) => i.text())
    await until(() => expect(items()).toHaveLength(2))
    expect(wrapper.find('h2').text()).toBe('通知')
    expect(items()).toEqual(['投诉距答复时限不足 2 小时5-1-602 投诉夜间噪音2026-12-03 10:00 · 未读', '登记超过时限未完成,转客服主管3-2-1101 车库漏水2026-12-03 09:00 · 未读'])
    await wrapper.findAll('.today-notices__item')[1]!.trigger('click')
    await until(() => expect((wrapper.vm.$router as Router).currentRoute.value.path).toBe(older.link))
    expect(await db.noticeReads.get(older.id)).toMatchObject({ id: older.id })
    await until(() => expect(items()[1]).not.toContain('未读'))
    expect(await db.outbox.count()).toBe(0)
  })

  it('shows no card to a clerk', async () => {
    db = freshDb()
    await db.notices.add(notice('requestToSupervisor', 'supervisor', T))
    const { wrapper } = mountApp(TodayNotices, {}, db, signedIn('assistant', SITE))
    await flushPromises()
    expect(wrapper.find('[data-testid="today-notices"]').exists()).toBe(false)
  })
})
