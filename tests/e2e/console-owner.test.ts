/**
 * An owner's request in the console (issue 14 point 4), in the browser against the real server: the
 * administrator finds 王建国 by phone (a masked summary), downloads his Excel copy, opens the print view in
 * its own tab and prints it to PDF (his records, not his brother's), and records the answer.
 */
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { formatHlc } from '@shared/sync/hlc'
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type EnrolResponse, type PullResponse } from '@shared/sync/protocol'
import { useE2eHarness } from '../support/e2e-harness'
import { expectAccessible } from '../support/axe'
import { code, setUpServer } from '../support/enrolment'
import { printToText } from '../support/pdf'
import { OWNER, ownerPair, pairWrites } from '../factories/owners'

/** A desk tablet of the site pushes the two owners' records, as tablets would have. */
async function seed(url: string, c: { token: string; siteId: string }): Promise<ReturnType<typeof ownerPair>> {
  const headers = { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }
  const enrolled = (await (await fetch(`${url}/api/devices/enrol`, { method: 'POST', headers, body: JSON.stringify({ code: await code(url, c), name: '前台平板' }) })).json()) as EnrolResponse
  const auth = { ...headers, authorization: `Bearer ${enrolled.token}` }
  const pulled = (await (await fetch(`${url}/api/sync/pull?cursor=0&limit=500`, { headers: auth })).json()) as PullResponse
  const staffId = pulled.changes.find((x) => x.table === 'staff')!.id
  const pair = ownerPair(c.siteId, staffId)
  let n = 0
  const mutations = pairWrites(pair).map((w) => ({
    id: newId(), name: w.name, version: 1, table: w.table, recordId: w.record.id, fields: { ...w.record }, hlc: formatHlc({ wall: Date.now(), counter: n++, node: enrolled.device.id }),
    staffId, deviceId: enrolled.device.id, siteId: c.siteId, createdAt: Date.now(),
  }))
  const res = await fetch(`${url}/api/sync/push`, { method: 'POST', headers: auth, body: JSON.stringify({ mutations }) })
  const { results } = (await res.json()) as { results: { status: string }[] }
  expect(results.filter((r) => r.status !== 'applied')).toEqual([])
  return pair
}

describe('an owner’s request in the console', () => {
  const h = useE2eHarness()

  it('finds the owner, gives the Excel copy and the printed PDF of his records only, and records the answer', async () => {
    const c = await setUpServer(h.server)
    const pair = await seed(h.server.url, c)
    const context = await h.tablet()
    const admin = await context.newPage()
    await admin.goto(`${h.server.url}/admin`)
    await admin.getByLabel('用户名').fill('admin')
    await admin.getByLabel('密码').fill('correct-horse-1')
    await admin.getByRole('button', { name: '登录' }).click()
    await admin.getByTestId('console-sites').locator('[data-site="翠苑小区"]').getByRole('button', { name: '查看设备' }).click()

    const panel = admin.getByTestId('console-owner-request')
    await panel.getByLabel('业主姓名').fill(OWNER.name)
    await panel.getByRole('button', { name: '查找' }).click()
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('请同时填写房号')
    await panel.getByLabel('业主姓名').fill('')
    await panel.getByLabel('业主电话').fill('138 1234 5678')
    await panel.getByRole('button', { name: '查找' }).click()
    const found = panel.getByTestId('owner-found')
    await expect.poll(() => found.textContent()).toContain('接待登记 4 件')
    expect(await found.textContent()).toContain('王先生 · 3-2-1101 · 业主 · 138****5678')
    expect(await found.textContent()).not.toContain('13812345678')
    await expectAccessible(admin, 'console: owner request')
    for (const control of await panel.locator('button, label').all()) expect((await control.boundingBox())!.height, (await control.textContent()) ?? '').toBeGreaterThanOrEqual(44)

    const [file] = await Promise.all([admin.waitForEvent('download'), found.getByRole('button', { name: '导出 Excel 副本' }).click()])
    expect(file.suggestedFilename()).toMatch(/^业主个人信息-\d{4}-\d\d-\d\d\.xlsx$/)

    // The print view opens in its own tab, given who the owner is by this tab's sessionStorage.
    const [print] = await Promise.all([context.waitForEvent('page'), found.getByRole('button', { name: '打印 / 存为 PDF' }).click()])
    expect(print.url()).toBe(`${h.server.url}/admin/print/owner`)
    const pdf = await printToText(print)
    await print.screenshot({ path: path.join(os.tmpdir(), 'console-owner-print.png'), fullPage: true })
    const all = pdf.compactPages.join('')
    for (const r of pair.owner.receptions) expect(all).toContain(r.ref)
    expect(all).toContain('翠苑小区')
    expect(all).toContain('客户档案')
    expect(all).toContain('13812345678')
    expect(all).not.toMatch(/王建华|13987654321|李娜/)
    // A4 portrait (595 × 842 points, to the printer's rounding).
    expect(Math.round(pdf.size.w)).toBe(595)
    expect(Math.round(pdf.size.h)).toBe(842)

    const answer = panel.getByTestId('owner-answer')
    await expect.poll(() => answer.getByLabel('处理结果').inputValue()).toBe('已向业主提供其个人信息副本:Excel 表格、PDF 打印件')
    await answer.getByRole('button', { name: '记录答复' }).click()
    await expect.poll(() => panel.getByTestId('owner-requests').locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('查阅、复制138****5678已向业主提供其个人信息副本:Excel 表格、PDF 打印件')])
    const trail = admin.getByTestId('console-access-trail')
    await trail.getByRole('button', { name: '刷新' }).click()
    await expect.poll(() => trail.textContent()).toContain('业主个人信息 PDF · 王先生 3-2-1101')
  })
})
