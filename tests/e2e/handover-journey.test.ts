import { describe, expect, it } from 'vitest'
import { useE2eHarness } from '../support/e2e-harness'
import { firstRunSetup, loginAs } from '../support/journeys'
import { source, switchTo, walkHandover } from '../support/desk-journeys'
import { printToText } from '../support/pdf'
import { addStaff, code, enrolTablet, setUpServer } from '../support/enrolment'
import { waitForServiceWorker } from '../support/journeys'

const STAFF = [
  { name: '王管理', role: 'administrator', pin: '2580' },
  { name: '李娜', role: 'assistant', pin: '1357' },
  { name: '赵敏', role: 'assistant', pin: '3691' },
  { name: '张主管', role: 'supervisor', pin: '4826' },
]

describe('a shift from its log to the signed handover (篇2 4.2–4.3)', () => {
  const h = useE2eHarness()

  it('clerk A logs entries and a complaint, waits; clerk B arrives late, takes over every item with one count off; the log is locked, carried over and printed', async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    await page.clock.install({ time: new Date('2026-11-27T02:00:00Z') }) // 10:00 in Shanghai, the day shift
    await firstRunSetup(page, h.server.url, '翠苑小区', STAFF)

    // 李娜 starts duty by logging in; she may not end it while her shift runs.
    await loginAs(page, '李娜', '1357')
    await page.waitForURL(/\/today$/)
    await expect.poll(() => page.getByTestId('end-duty-blocked').textContent()).toContain('本班尚未结束')
    expect(await page.getByTestId('end-duty').isDisabled()).toBe(true)

    await page.goto(`${h.server.url}/duty-log`)
    await expect.poll(() => page.locator('.duty-log__on').textContent()).toContain('李娜')
    await page.getByRole('button', { name: '新增记录' }).click()
    await page.locator('[name="content"]').fill('3号楼电梯异响,已报工程部')
    await source(page, '来电')
    await page.locator('[name="action"]').fill('已通知工程部值班人员')
    await page.locator('[name="followUp"]').check()
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByRole('button', { name: '新增记录' }).click()
    await page.locator('[name="content"]').fill('地下车库B2漏水严重')
    await source(page, '巡查')
    await page.getByText('报客服主管(重大问题)', { exact: true }).click()
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByTestId('duty-log').textContent()).toContain('地下车库B2漏水严重')
    // A slip is corrected by a new entry pointing at it: the log reads the correction, marked as one.
    await page.getByRole('button', { name: '新增记录' }).click()
    await page.locator('[name="content"]').fill('业主来电咨询停水时间')
    await source(page, '来电')
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByTestId('duty-log').locator('tr', { hasText: '业主来电咨询停水时间' }).getByRole('button', { name: '更正' }).click()
    await page.locator('[name="content"]').fill('业主来电咨询停水时间,已答复明早8点恢复')
    await page.getByRole('button', { name: '保存' }).click()
    const water = page.getByTestId('duty-log').locator('tr', { hasText: '业主来电咨询停水时间' })
    await expect.poll(() => water.textContent()).toContain('已答复明早8点恢复')
    expect(await water.count()).toBe(1)
    expect(await water.textContent()).toContain('更正了')
    // A sheet filled in on paper while the tablet was down is entered afterwards, marked 补录.
    await page.getByRole('button', { name: '补录纸质记录' }).click()
    await page.locator('[name="paperRef"]').fill('ZB-1127-01')
    await page.locator('[name="content"]').fill('巡查地下车库,照明正常')
    await source(page, '巡查')
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByTestId('duty-log').locator('tr', { hasText: '巡查地下车库' }).textContent()).toContain('补录(纸质表 ZB-1127-01)')

    // A complaint at the desk: it stays open and is handed over.
    await page.goto(`${h.server.url}/register/new`)
    await page.getByLabel('房号').fill('5-1-302')
    await page.getByLabel('业主姓名').fill('陈红')
    await page.getByText('女士', { exact: true }).click()
    await page.getByLabel('联系电话').fill('13900001111')
    await page.getByLabel('事由').fill('投诉楼上装修噪音')
    await page.getByText('投诉', { exact: true }).click()
    await page.getByRole('button', { name: '登记', exact: true }).click()
    await page.waitForURL(/\/register\/[0-9a-f-]{36}$/)
    // It is in the shift's log without being typed twice.
    await page.goto(`${h.server.url}/duty-log`)
    await expect.poll(() => page.getByTestId('duty-log').textContent()).toContain('投诉楼上装修噪音')

    // 20:10: the day shift has ended and nobody took over — 李娜 waits and records the no-show (4.2.8).
    await page.clock.fastForward('10:10:00')
    await page.waitForURL(/\/login/) // the idle lock
    await switchTo(page, '李娜', '1357')
    await page.goto(`${h.server.url}/today`)
    await expect.poll(() => page.getByTestId('awaiting-handover').textContent()).toContain('等待接班')
    expect(await page.getByTestId('end-duty').isDisabled()).toBe(true)
    await page.getByRole('button', { name: '记录接班人未到岗' }).click()
    await page.locator('[name="noShowNote"]').fill('已电话联系赵敏')
    await page.getByRole('button', { name: '记录接班人未到岗' }).click()
    await expect.poll(() => page.getByTestId('no-show-recorded').textContent()).toContain('已记录')

    // The supervisor sees the major matter and the no-show at once on her today screen (4.2.3).
    await switchTo(page, '张主管', '4826')
    await page.waitForURL(/\/today$/)
    const escalated = page.getByTestId('today-escalated')
    await expect.poll(() => escalated.textContent()).toContain('地下车库B2漏水严重')
    expect(await escalated.textContent()).toContain('接班人未到岗')
    const dayLog = (await escalated.locator('a', { hasText: '地下车库' }).getAttribute('href'))!

    // 赵敏 arrives late: logging in takes her to the handover, marked late (4.2.7).
    await switchTo(page, '赵敏', '3691')
    await page.waitForURL(/\/handover$/)
    await expect.poll(() => page.getByTestId('handover-head').textContent()).toContain('夜班')
    await expect.poll(() => page.locator('select[name="outgoing"]').inputValue()).not.toBe('')
    // She starts and takes over the complaint; the tablet reloads: nothing of it is lost.
    await page.getByRole('button', { name: '开始交接(记录到岗时间)' }).click()
    const complaint = page.locator('[data-item]', { hasText: '投诉楼上装修噪音' })
    await complaint.locator('input').fill('已约业主明早回复')
    await complaint.getByRole('button', { name: '确认接收' }).click()
    await page.reload()
    await expect.poll(() => page.getByText(/已确认 \d+ \/ \d+ 项/).textContent()).toBe('已确认 1 / 2 项')
    expect(await page.locator('[data-item]', { hasText: '投诉楼上装修噪音' }).locator('input').inputValue()).toBe('已约业主明早回复')
    expect(await page.locator('select[name="outgoing"] option:checked').textContent()).toBe('李娜')
    expect(await page.getByTestId('late').count()).toBe(1) // the arrival time recorded before the reload
    await walkHandover(page, { 投诉楼上装修噪音: '已约业主明早回复', 电梯异响: '工程部明早检修' }, { item: '钥匙', counted: '11', note: '少一把3号楼机房钥匙,工程部借用' }, { outgoing: '1357', incoming: '3691' })
    await page.waitForURL(/\/today$/)

    // 赵敏 owns every carried item; her duty started with the handover.
    const carried = page.getByTestId('today-carried')
    await expect.poll(() => carried.textContent()).toContain('投诉楼上装修噪音')
    for (const text of ['李娜', '3号楼电梯异响', '已约业主明早回复']) expect(await carried.textContent()).toContain(text)
    await page.goto(`${h.server.url}/register?queue=mine`)
    await expect.poll(() => page.locator('body').textContent()).toContain('投诉楼上装修噪音')

    // 李娜's log is locked; she may end duty now.
    await page.goto(`${h.server.url}${dayLog}`)
    await expect.poll(() => page.getByTestId('duty-locked').textContent()).toContain('已锁定')
    expect(await page.getByRole('button', { name: '新增记录' }).count()).toBe(0)
    // The follow-up carried over says where it went, not 待跟进 (issue 10 point 22).
    const lift = page.getByTestId('duty-log').locator('tr', { hasText: '3号楼电梯异响' })
    expect(await lift.getByTestId('duty-handed-to').textContent()).toBe('已移交 赵敏')
    expect(await lift.textContent()).not.toContain('待跟进')
    await switchTo(page, '李娜', '1357')
    await page.goto(`${h.server.url}/today`)
    await expect.poll(() => page.getByTestId('end-duty').isDisabled()).toBe(false)
    expect(await page.getByTestId('awaiting-handover').count()).toBe(0)

    // The day's printed duty log holds both signers and the count that was off.
    await page.goto(`${h.server.url}/print/duty-log?date=2026-11-27`)
    const text = (await printToText(page)).compactPages.join('')
    for (const expected of ['客户服务中心值班记录表', '翠苑小区', '李娜', '赵敏', '地下车库B2漏水严重', '投诉楼上装修噪音', '少一把3号楼机房钥匙,工程部借用', '迟到', 'ZB-1127-01', '已答复明早8点恢复']) expect(text, `${expected} in ${text}`).toContain(expected)
    const printedLift = await page.locator('section.print-page > .print-table > tbody > tr', { hasText: '3号楼电梯异响' }).locator('td').allInnerTexts()
    expect(printedLift.slice(1, 2).concat(printedLift.slice(-1))).toEqual(['来电', '已移交赵敏;记录人:李娜'])
    await context.close()
  })

  it('a handover done entirely offline syncs later, and another tablet shows it', async () => {
    const url = h.server.url
    const c = await setUpServer(h.server)
    const at = new Date('2026-11-27T02:00:00Z') // 10:00 in Shanghai
    const contextA = await h.tablet()
    const contextB = await h.tablet()
    const a = await enrolTablet(contextA, url, await code(url, c), '前台平板', at)
    await waitForServiceWorker(a)
    await a.goto(`${url}/settings`)
    await addStaff(a, '李娜', '1357', 'assistant')
    await addStaff(a, '赵敏', '3691', 'assistant')
    await expect.poll(() => a.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toContain('已全部同步')
    // The administrator's tablet lets the app notify; 王管理 keeps the today screen open.
    await contextB.grantPermissions(['notifications'], { origin: url })
    const b = await enrolTablet(contextB, url, await code(url, c), '主管办公室', at)
    await waitForServiceWorker(b)
    await expect.poll(() => b.getByTestId('today-escalated').textContent()).toContain('没有待处理的上报事项')

    // The desk tablet is offline for the whole shift change.
    await contextA.setOffline(true)
    await switchTo(a, '李娜', '1357')
    await a.goto(`${url}/duty-log`)
    await expect.poll(() => a.locator('.duty-log__on').textContent()).toContain('李娜')
    await a.getByRole('button', { name: '新增记录' }).click()
    await a.locator('[name="content"]').fill('消防通道堆放杂物,已通知秩序部')
    await source(a, '巡查')
    await a.getByText('报客服管理员', { exact: true }).click()
    await a.locator('[name="followUp"]').check()
    await a.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => a.getByTestId('duty-log').textContent()).toContain('消防通道堆放杂物')

    // 19:41: 赵敏 comes early for the night shift and takes over, still offline.
    await a.clock.fastForward('09:40:00')
    await a.waitForURL(/\/login/) // the idle lock
    await switchTo(a, '赵敏', '3691')
    await a.waitForURL(/\/handover$/)
    await walkHandover(a, { 消防通道: '秩序部明早清理' }, { item: '对讲机', counted: '3', note: '一台对讲机送修' }, { outgoing: '1357', incoming: '3691' })
    await a.waitForURL(/\/today$/)
    await expect.poll(() => a.getByTestId('status-sync').textContent()).toContain('待同步')

    // Back online, it syncs; the supervisor's office prints the handed-over log.
    await contextA.setOffline(false)
    await expect.poll(() => a.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toContain('已全部同步')

    // The administrator's open today screen gets the matter reported to her at its next sync, with a
    // system notification shown by the service worker (4.2.3).
    await b.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect.poll(() => b.getByTestId('today-escalated').textContent(), { timeout: 20_000 }).toContain('消防通道堆放杂物')
    const shown = (): Promise<string[]> => b.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => `${n.title}|${n.body}`))
    await expect.poll(shown).toEqual(['前台台账:新的上报事项|消防通道堆放杂物,已通知秩序部'])

    await b.goto(`${url}/settings`)
    await b.getByRole('button', { name: '立即同步' }).click()
    await expect.poll(() => b.getByTestId('settings-staff').textContent(), { timeout: 20_000 }).toContain('赵敏')
    await b.goto(`${url}/print/duty-log?date=2026-11-27`)
    const text = (await printToText(b)).compactPages.join('')
    for (const expected of ['消防通道堆放杂物', '秩序部明早清理', '一台对讲机送修', '李娜', '赵敏']) expect(text, `${expected} in ${text}`).toContain(expected)
    expect(text).not.toContain('迟到')

    // A mistake found after the handover: 李娜 corrects her entry of the locked log (issue 10 point 3).
    // The server takes the correction; the other tablet shows it beneath the entry as signed, on screen and in print.
    await switchTo(a, '李娜', '1357')
    await a.goto(`${url}/duty-log`)
    await expect.poll(() => a.getByTestId('duty-locked').textContent()).toContain('已锁定')
    await a.getByTestId('duty-log').locator('tr', { hasText: '消防通道堆放杂物' }).getByRole('button', { name: '更正' }).click()
    await a.locator('[name="content"]').fill('3号楼东侧消防通道堆放杂物,已通知秩序部')
    await a.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => a.getByTestId('duty-late-correction').textContent()).toContain('3号楼东侧消防通道')
    await expect.poll(() => a.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toContain('已全部同步')
    await b.goto(`${url}/duty-log`) // still the morning there: the day shift, locked
    const late = b.getByTestId('duty-late-correction')
    // Each look asks b to sync again: a's status may read 已全部同步 a moment before its correction is queued,
    // so b's first pull can come before the correction reaches the server.
    const lateText = async (): Promise<string> => {
      await b.evaluate(() => window.dispatchEvent(new Event('online')))
      return (await late.allTextContents()).join('')
    }
    await expect.poll(lateText, { timeout: 30_000, interval: 1000 }).toContain('3号楼东侧消防通道堆放杂物')
    expect(await late.textContent()).toMatch(/交班后更正 2026-11-27 19:\d\d 李娜/)
    expect(await b.getByTestId('duty-log').locator('tr', { hasText: '消防通道堆放杂物,已通知秩序部' }).first().textContent()).not.toContain('3号楼东侧')
    await b.goto(`${url}/print/duty-log?date=2026-11-27`)
    await printToText(b)
    const printed = await b.locator('section.print-page > .print-table > tbody > tr', { hasText: '消防通道堆放杂物' }).evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[2]?.textContent ?? ''))
    expect(printed).toEqual(['消防通道堆放杂物,已通知秩序部', expect.stringMatching(/^【交班后更正 2026-11-27 19:\d\d 李娜】3号楼东侧消防通道堆放杂物,已通知秩序部$/)])
    await contextA.close()
    await contextB.close()
  })
})
