/**
 * Issue 13 point 4 end to end: with December's roster approved, a clerk not rostered on the day shift logs
 * in at 15:00 only to register a request. She is not 值班人 — not in the status bar, not on the duty log,
 * not on its print, which names the rostered clerk.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { shiftKey } from '@shared/domain/duty-log'
import { daysOf, shiftSnapshot, type RosterStep, type RosterVersion } from '@shared/domain/roster'
import { instantAt } from '@shared/domain/time'
import { useE2eHarness } from '../support/e2e-harness'
import { DEFAULT_STAFF, firstRunSetup, loginAs, registerVisit } from '../support/journeys'
import { printToText } from '../support/pdf'
import { makeSignature } from '../factories/duty-seed'
import { putRows, readSite } from '../support/idb-page'

const TZ = 'Asia/Shanghai'
const DATE = '2026-12-10'
const STAFF = [...DEFAULT_STAFF, { name: '王芳', role: 'assistant', pin: '2468' }, { name: '张主管', role: 'supervisor', pin: '4826' }]

/** December as the supervisor approved it: 李娜 on days, 王芳 on nights (off the night before the 10th), 王管理 off. */
async function approveDecember(page: Page): Promise<void> {
  const site = await readSite(page)
  const id = (name: string): string => site.staff[name]!
  const day = site.shiftTypes.find((s) => s.name === '白班')!
  const night = site.shiftTypes.find((s) => s.name === '夜班')!
  const days = daysOf('2026-12')
  const submitted = instantAt('2026-11-24', '10:00', TZ)
  const versionId = crypto.randomUUID()
  const stepId = crypto.randomUUID()
  const versionSig = makeSignature(site.siteId, 'rosterVersion', versionId, id('王管理'), '王管理', submitted)
  const stepSig = makeSignature(site.siteId, 'rosterStep', stepId, id('张主管'), '张主管', submitted + 3_600_000)
  const row = (name: string, code: (d: string) => string) => ({ staffId: id(name), name, lane: 'desk' as const, days: days.map(code) })
  const version: RosterVersion = {
    id: versionId,
    siteId: site.siteId,
    month: '2026-12',
    source: 'draft',
    basedOnId: null,
    reason: '',
    requestId: null,
    snapshot: { shifts: shiftSnapshot(site.shiftTypes), rows: [row('李娜', () => day.id), row('王芳', (d) => (d === '2026-12-09' ? 'rest' : night.id)), row('王管理', () => 'rest')] },
    staffId: id('王管理'),
    at: submitted,
    signatureId: versionSig.id,
  }
  const step: RosterStep = { id: stepId, siteId: site.siteId, versionId, step: 'approve', comment: '', staffId: id('张主管'), at: stepSig.signedAt, signatureId: stepSig.id }
  await putRows(page, { signatures: [versionSig, stepSig], rosterVersions: [version], rosterSteps: [step] })
}

describe('who is on duty comes from the roster', () => {
  const h = useE2eHarness()
  let context: BrowserContext
  let page: Page
  beforeAll(async () => {
    context = await h.tablet()
    page = await context.newPage()
    await page.clock.install({ time: new Date('2026-12-10T07:00:00Z') }) // 15:00 in Shanghai
    await firstRunSetup(page, h.server.url, '翠苑小区', STAFF)
    await approveDecember(page)
  })

  it('a clerk not rostered logs in at 15:00 and registers a request: the duty log and its print name the rostered clerk, not her', async () => {
    await loginAs(page, '王芳', '2468')
    await page.waitForURL(/\/today$/)
    await expect.poll(() => page.getByTestId('status-on-duty').innerText()).toMatch(/^值班人\s*李娜$/)
    expect(await page.getByTestId('status-staff').innerText()).toMatch(/^登录人员\s*王芳/)
    expect(await page.getByTestId('status-rostered').innerText()).toBe('未排班')
    expect(await page.getByTestId('today-roster-mine').innerText()).toBe('你下一班值班')
    await registerVisit(page, h.server.url, { room: '5-1-302', name: '陈立', phone: '13900001111', matter: '楼道灯不亮' })

    await page.goto(`${h.server.url}/duty-log`)
    await expect.poll(() => page.getByTestId('duty-on-duty').innerText()).toMatch(/^值班人\s*李娜\s*按排班表\(第1版\)$/)
    expect(await page.getByRole('button', { name: '开始值班' }).count()).toBe(0)

    const key = shiftKey(DATE, (await readSite(page)).shiftTypes.find((s) => s.name === '白班')!.id)
    await page.goto(`${h.server.url}/print/duty-log?shift=${key}`)
    const text = (await printToText(page)).compactPages.join('')
    expect(text).toContain('值班人:李娜')
    expect(text).not.toMatch(/值班人:[^时]*王芳/)
    // Her request is in the shift's log, recorded by her.
    expect(text).toContain('陈立/13900001111')
    expect(text).toContain('记录人:王芳')
  })
})
