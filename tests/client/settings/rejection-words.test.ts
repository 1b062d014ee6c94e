/** 设置 → 服务器拒收的记录 says why in words: the server's codes never reach the screen. */
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@client/modules/i18n'
import { MESSAGES } from '@client/locales/messages'
import { rejectionWords } from '@client/features/settings/components/rejection-words'
import SettingsDeadLetters from '@client/features/settings/components/SettingsDeadLetters.vue'
import { newId } from '@shared/domain/ids'
import type { Mutation } from '@shared/sync/mutation'
import { freshDb } from '../../factories/db'
import { makeStaff } from '../../factories/site'
import { mountApp, signedIn, until } from '../mount'

const { t, te } = createAppI18n('zh-CN', MESSAGES).global
const words = (reason: string): string => rejectionWords(t, te, reason)

describe('rejectionWords', () => {
  it.each([
    ['invalid: overtaken', '这一版之后又批准了新的变更(如请假),通过会把它撤销:请退回,由客服管理员按现行排班表重新提交。'],
    ['invalid: versionNotApproved', '它所生成的排班表版本未被批准(另一台平板先批准了其他变更):这项申请仍待审批,请按现行排班表重新审批。'],
    ['invalid: shiftStarted', '申请的班次已经开始,不能再批准。'],
    ['invalid: signature missing', '记录不符合服务器的规则,未被接受。'],
    ['invalid: /fields/name must NOT have more than 40 characters', '记录不符合服务器的规则,未被接受。'],
    ['notAllowed: the outgoing clerk may not sign a handover', '登录人员的岗位不能进行这项操作。'],
    ['wrongSite', '记录不属于本机的项目。'],
    ['unknownRosterRequest', '服务器上找不到它所答复的申请。'],
    ['something new', '服务器未接受这条记录。'],
    ['', '服务器未接受这条记录。'],
  ])('%s → %s', (reason, text) => {
    expect(words(reason)).toBe(text)
  })

  it('says each known code of a list once', () => {
    expect(words('invalid: coverBusy, coverBusy, shiftStarted')).toBe('替班人那天已有班次、在请假,或前后一天的班次与要替的班次相连。 申请的班次已经开始,不能再批准。')
  })
})

describe('the refused records in 设置 → 同步', () => {
  it('names the kind of record and says why in words', async () => {
    const db = freshDb()
    const site = newId()
    const admin = makeStaff({ siteId: site, role: 'administrator', name: '王管理' })
    const mutation = (table: string, name: string): Mutation => ({ id: newId(), name, version: 1, table, recordId: newId(), fields: {}, hlc: '', staffId: admin.id, deviceId: 'd', siteId: site, createdAt: Date.UTC(2026, 11, 9, 2, 0) })
    const [step, odd] = [mutation('rosterSteps', 'rosterStep.add'), mutation('gizmos', 'gizmo.add')]
    await db.deadLetters.bulkPut([
      { id: step.id, mutation: step, reason: 'invalid: overtaken', at: 2_000 },
      { id: odd.id, mutation: odd, reason: 'invalid: gizmo', at: 1_000 },
    ])
    const { wrapper } = mountApp(SettingsDeadLetters, {}, db, signedIn(site, admin))
    const list = (): string => wrapper.find('[data-testid="settings-dead-letters"]').text()
    await until(() => expect(list()).toContain('排班表审批 · 2026-12-09 10:00'))
    expect(list()).toContain('原因:这一版之后又批准了新的变更')
    expect(list()).toContain('记录 · 2026-12-09 10:00')
    expect(list()).toContain('原因:记录不符合服务器的规则,未被接受。')
    expect(list()).not.toMatch(/rosterStep|overtaken|invalid|gizmo/)
    wrapper.unmount()
    db.close()
    await db.delete()
  })
})
