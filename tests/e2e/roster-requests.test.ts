import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { newId } from '@shared/domain/ids'
import { daysOf, shiftSnapshot, type RosterVersion, type RosterStep } from '@shared/domain/roster'
import { useE2eHarness } from '../support/e2e-harness'
import { expectAccessible } from '../support/axe'
import { DEFAULT_STAFF, firstRunSetup, loginAs } from '../support/journeys'
import { switchTo } from '../support/desk-journeys'
import { drawSignature, putRows, readSite } from '../support/idb-page'

const STAFF = [...DEFAULT_STAFF, { name: '张敏', role: 'assistant', pin: '2468' }, { name: '张主管', role: 'supervisor', pin: '4826' }]
const MONTH = '2026-12'

/** December approved as the roster screens would leave it: 李娜 on the first shift every day, 张敏 on the second; 王管理 free. */
async function approveDecember(page: Page): Promise<void> {
  const site = await readSite(page)
  const day = site.shiftTypes.find((s) => s.name === '白班')
  const night = site.shiftTypes.find((s) => s.active && s.id !== day?.id)
  const days = daysOf(MONTH)
  const row = (name: string, code: string) => ({ staffId: site.staff[name]!, name, lane: 'desk' as const, days: days.map(() => code) })
  const image = await drawSignature(page)
  const sig = (subjectType: string, subjectId: string, name: string) => ({ id: newId(), siteId: site.siteId, subjectType, subjectId, signerName: name, signerStaffId: site.staff[name]!, image, signedAt: Date.now() })
  const versionId = newId()
  const stepId = newId()
  const vSig = sig('rosterVersion', versionId, '王管理')
  const sSig = sig('rosterStep', stepId, '张主管')
  const version: RosterVersion = { id: versionId, siteId: site.siteId, month: MONTH, source: 'draft', basedOnId: null, reason: '', requestId: null, snapshot: { shifts: shiftSnapshot(site.shiftTypes), rows: [row('王管理', ''), row('李娜', day!.id), row('张敏', night!.id)] }, staffId: site.staff['王管理']!, at: Date.now(), signatureId: vSig.id }
  const step: RosterStep = { id: stepId, siteId: site.siteId, versionId, step: 'approve', comment: '', staffId: site.staff['张主管']!, at: Date.now(), signatureId: sSig.id }
  await putRows(page, { signatures: [vSig, sSig], rosterVersions: [version], rosterSteps: [step] })
}

async function drawOn(page: Page): Promise<void> {
  const box = (await page.locator('.sign-with-pin canvas').boundingBox())!
  await page.mouse.move(box.x + 30, box.y + 60)
  await page.mouse.down()
  for (let i = 1; i <= 14; i++) await page.mouse.move(box.x + 30 + i * 15, box.y + 60 + (i % 2 ? 25 : -15))
  await page.mouse.up()
}

describe('leave on the roster (篇2 4.2.6; issue 13 point 3)', () => {
  const h = useE2eHarness()

  it('the clerk asks for leave a day ahead, the supervisor approves it naming the cover, the clerk and the cover read it on their today screens', async () => {
    const url = h.server.url
    const page = await (await h.tablet()).newPage()
    await page.clock.install({ time: new Date('2026-12-09T02:00:00Z') }) // 10:00 in Shanghai
    await firstRunSetup(page, url, '翠苑小区', STAFF)
    await loginAs(page, '李娜', '1357')
    await page.waitForURL(/\/today$/)
    await approveDecember(page)

    await page.goto(`${url}/roster/requests`)
    const form = page.getByTestId('request-ask')
    await form.waitFor()
    await form.getByText('12月10日 白班', { exact: true }).click()
    await form.getByLabel('原因').fill('孩子生病,需陪同就医')
    await expectAccessible(page, 'roster requests: the clerk’s form')
    await form.getByRole('button', { name: '提交主管审批' }).click()
    await expect.poll(() => page.getByTestId('request-mine').textContent()).toContain('待主管审批')

    await switchTo(page, '张主管', '4826')
    await page.goto(`${url}/today`)
    const card = page.getByTestId('today-roster-requests')
    await expect.poll(() => card.textContent()).toContain('1 项申请待你审批')
    await card.getByRole('link').click()
    await page.waitForURL(/\/roster\/requests\?month=2026-12$/)
    await page.getByTestId('request-approve').click()
    await expect.poll(() => page.getByTestId('request-understaffed').textContent()).toContain('12月10日白班将只有0人,少于最少1人')
    await page.getByTestId('request-cover').getByText('王管理(空闲)').click()
    await expect.poll(() => page.getByTestId('request-outcome').textContent()).toContain('12月10日白班:王管理')
    await drawOn(page)
    await page.getByLabel('张主管 的 PIN').fill('4826')
    await expectAccessible(page, 'roster requests: approving with a cover')
    await page.getByRole('button', { name: '签名并批准' }).click()
    await expect.poll(() => page.getByTestId('request-open').textContent()).toContain('没有待审批的申请')
    expect(await page.locator('.roster-requests__version').textContent()).toBe('按现行排班表 第2版')

    await switchTo(page, '李娜', '1357')
    await page.goto(`${url}/today`)
    await expect.poll(() => page.getByTestId('today-roster-requests').textContent()).toContain('你的请假申请(12月10日)已批准,替班:王管理')
    await switchTo(page, '王管理', '2580')
    await page.goto(`${url}/today`)
    await expect.poll(() => page.getByTestId('today-roster-requests').textContent()).toContain('你被安排替班:12月10日 白班(替李娜)')
  })
})
