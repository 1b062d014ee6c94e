import { describe, expect, it } from 'vitest'
import { useE2eHarness } from '../support/e2e-harness'
import { expectAccessible } from '../support/axe'
import { firstRunSetup, loginAs } from '../support/journeys'
import { printToText } from '../support/pdf'
import { putRows, readSite } from '../support/idb-page'
import { makeCustomer, makeRoom } from '../factories/archive'

const STAFF = [
  { name: '王管理', role: 'administrator', pin: '2580' },
  { name: '李娜', role: 'assistant', pin: '1357' },
  { name: '张主管', role: 'supervisor', pin: '4826' },
]

describe('a request from the desk to closure', () => {
  const h = useE2eHarness()

  it('registers a visit, hands it to engineering, escalates to the supervisor after two days, resolves it and closes it with a return visit', async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    await page.clock.install({ time: new Date('2026-11-27T02:00:00Z') }) // 10:00 in Shanghai
    await firstRunSetup(page, h.server.url, '翠苑小区', STAFF)
    await loginAs(page, '李娜', '1357')
    await page.waitForURL(/\/today$/)

    // Register a visit in seconds.
    await page.goto(`${h.server.url}/register/new`)
    await page.getByLabel('房号').fill('3-2-1101')
    await page.getByLabel('业主姓名').fill('王建国')
    await page.getByText('先生', { exact: true }).click()
    await expect.poll(() => page.getByTestId('greeting').textContent()).toContain('王先生,您好')
    await page.getByLabel('联系电话').fill('138 1234 5678')
    await page.getByLabel('事由').fill('厨房水龙头漏水')
    await page.getByRole('button', { name: '登记', exact: true }).click()
    await page.waitForURL(/\/register\/[0-9a-f-]{36}$/)
    const ref = (await page.locator('h1').textContent())!.trim()
    expect(ref).toBe('20261127-A001')

    // Hand it to engineering.
    await page.getByRole('button', { name: '转责任部门' }).click()
    await page.getByTestId('event-form').waitFor()
    await expectAccessible(page, 'register: a step of the timeline')
    await page.locator('select[name="departmentId"]').selectOption({ label: '工程部' })
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByTestId('status-tag').textContent()).toBe('已转部门')
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('工程部')

    // Two days pass (49 h): the tablet locks, the supervisor logs in and finds it escalated to her.
    await page.clock.fastForward('49:00:00')
    await page.waitForURL(/\/login/)
    await page.getByRole('button', { name: '选择其他人' }).click()
    await loginAs(page, '张主管', '4826')
    await page.waitForURL(/\/today$/)
    await expect.poll(() => page.getByTestId('today-register').locator('[data-queue="escalated"]').textContent()).toContain('1')
    await page.getByTestId('today-register').locator('[data-queue="escalated"]').click()
    await page.waitForURL(/\/register\?queue=escalated/)
    await page.locator(`[data-ref="${ref}"]`).click()
    await expect.poll(() => page.getByTestId('level-tag').textContent()).toContain('已转客服主管')

    // She takes it over and records the result; a repair then waits for its return visit.
    await page.getByRole('button', { name: '接手处理' }).click()
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByRole('button', { name: '记录处理结果' }).click()
    await page.getByLabel('处理情况及结果').fill('工程部已更换水龙头')
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByTestId('status-tag').textContent()).toBe('待回访')
    await page.getByRole('button', { name: '回访', exact: true }).click()
    await page.getByText('非常满意', { exact: true }).click()
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByTestId('status-tag').textContent()).toBe('已完成')
    const timeline = (await page.getByTestId('timeline').textContent())!
    for (const step of ['李娜 登记', '转责任部门', '接手处理', '处理结果', '工程部已更换水龙头', '回访', '非常满意']) expect(timeline).toContain(step)

    // The register printed for those days holds the row, with its result and completion.
    await page.goto(`${h.server.url}/print/register?from=2026-11-27&to=2026-11-29`)
    const pdf = await printToText(page)
    const text = pdf.compactPages.join('')
    for (const expected of ['接待业主情况记录', ref, '3-2-1101', '王建国', '厨房水龙头漏水', '部已更换水龙头', '回访:非常满意', '李娜']) expect(text, `${expected} in ${text}`).toContain(expected)
    await context.close()
  })

  it('fills the form at once from a room typed in full with one resident, and names her 陈女士 on screen and on paper', async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    await firstRunSetup(page, h.server.url, '玉兰苑', STAFF)
    await loginAs(page, '李娜', '1357')
    await page.waitForURL(/\/today$/)
    const { siteId } = await readSite(page)
    const room = makeRoom({ siteId, building: '3', unit: '1', number: '1101' })
    await putRows(page, { rooms: [room], customers: [makeCustomer({ siteId, roomId: room.id, name: '陈', honorific: 'ms', phones: ['13900001111'] })] })

    await page.goto(`${h.server.url}/register/new`)
    await page.getByLabel('房号').fill('3-1-1101')
    await expect.poll(() => page.getByLabel('业主姓名').inputValue()).toBe('陈')
    expect(await page.getByLabel('联系电话').inputValue()).toBe('13900001111')
    expect(await page.getByRole('radio', { name: '女士' }).isChecked()).toBe(true)
    expect(await page.getByTestId('archive-filled').textContent()).toContain('已按客户档案填入 3-1-1101 的住户 陈')
    await expect.poll(() => page.getByTestId('greeting').textContent()).toContain('陈女士,您好')
    await page.getByLabel('事由').fill('楼道灯不亮')
    await page.getByRole('button', { name: '登记', exact: true }).click()
    await page.waitForURL(/\/register\/[0-9a-f-]{36}$/)
    expect(await page.getByTestId('detail-customer').textContent()).toBe('陈女士')
    await page.getByRole('button', { name: '打印此记录' }).click()
    const pdf = await printToText(page)
    expect(pdf.compactPages.join('')).toContain('陈女士/13900001111')
    await context.close()
  })

  it("shows a department only what was handed to it, takes its report, and keeps the owner's signature on the timeline", async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    await firstRunSetup(page, h.server.url, '海棠苑', [...STAFF, { name: '赵工', role: 'department', pin: '7391', department: '工程部' }])
    await loginAs(page, '李娜', '1357')
    await page.waitForURL(/\/today$/)
    const register = async (room: string, matter: string): Promise<string> => {
      await page.goto(`${h.server.url}/register/new`)
      await page.getByLabel('房号').fill(room)
      await page.getByLabel('事由').fill(matter)
      await page.getByRole('button', { name: '登记', exact: true }).click()
      await page.waitForURL(/\/register\/[0-9a-f-]{36}$/)
      return (await page.locator('h1').textContent())!.trim()
    }
    const leak = await register('1-1-101', '卫生间漏水')
    await page.getByRole('button', { name: '转责任部门' }).click()
    await page.locator('select[name="departmentId"]').selectOption({ label: '工程部' })
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByTestId('status-tag').textContent()).toBe('已转部门')
    const other = await register('2-1-202', '咨询停车位')

    await page.getByRole('button', { name: '换人' }).click()
    await loginAs(page, '赵工', '7391')
    await page.waitForURL(/\/today$/)
    await page.goto(`${h.server.url}/register`)
    await page.locator(`[data-ref="${leak}"]`).waitFor()
    expect(await page.locator(`[data-ref="${other}"]`).count()).toBe(0)
    await page.locator(`[data-ref="${leak}"]`).click()
    await expect.poll(() => page.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['departmentDone', 'followUp'])
    await page.getByRole('button', { name: '部门完成' }).click()
    await page.getByLabel('说明').fill('已更换密封圈')
    await page.getByRole('button', { name: '保存' }).click()
    // 篇4 4.6: the department's report is the result — a repair now waits for its return visit.
    await expect.poll(() => page.getByTestId('status-tag').textContent()).toBe('待回访')
    await expect.poll(() => page.locator('[data-action]').count()).toBe(0)

    // Back at the desk: it is in her own queue, the return visit offered on the department's report
    // without retyping a result; then the owner signs on the tablet turned to them.
    await page.getByRole('button', { name: '换人' }).click()
    await loginAs(page, '李娜', '1357')
    await page.waitForURL(/\/today$/)
    await page.goto(`${h.server.url}/register`)
    await page.locator(`[data-ref="${leak}"]`).click()
    await expect.poll(() => page.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['returnVisit', 'result', 'handedOver', 'correction', 'signed'])
    expect(await page.getByRole('button', { name: '记录前台处理结果' }).count()).toBe(1)
    await page.getByRole('button', { name: '回访', exact: true }).click()
    await page.getByText('满意', { exact: true }).click()
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByTestId('status-tag').textContent()).toBe('已完成')
    await page.getByRole('button', { name: '请业主签名' }).click()
    await expectAccessible(page, 'register: the owner signs')
    const pad = page.getByTestId('signature-dialog').locator('canvas')
    const box = (await pad.boundingBox())!
    await page.mouse.move(box.x + 40, box.y + 60)
    await page.mouse.down()
    for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 40 + i * 15, box.y + 60 + (i % 2 ? 30 : -20))
    await page.mouse.up()
    await page.getByLabel('签名人').fill('钱女士')
    await page.getByRole('button', { name: '确认签名' }).click()
    await page.getByTestId('signature-dialog').waitFor({ state: 'detached' })
    const timeline = page.getByTestId('timeline')
    await expect.poll(() => timeline.textContent()).toContain('业主签名确认')
    expect(await timeline.locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    await context.close()
  })
})
