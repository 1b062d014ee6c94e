/**
 * Issue 16 end to end: two repairs registered at the desk; the supervisor opens 统计, sees the charts drawn
 * (SVG), taps the 报修 bar and lands on the register filtered to this month's repairs; then prints the
 * month's 月度客服工作报告 — its PDF holds the title, the site, every table with its figures and the page numbers.
 */
import { describe, expect, it } from 'vitest'
import { monthPeriod } from '@shared/domain/statistics'
import { localDate } from '@shared/domain/time'
import { useE2eHarness } from '../support/e2e-harness'
import { DEFAULT_STAFF, firstRunSetup, loginAs, registerVisit } from '../support/journeys'
import { expectAccessible } from '../support/axe'
import { printToText } from '../support/pdf'

const month = monthPeriod(localDate(Date.now(), 'Asia/Shanghai').slice(0, 7))

describe('统计 for the supervisor', () => {
  const h = useE2eHarness()

  it('charts, a bar opening the filtered register, and the printed monthly report', async () => {
    const page = await (await h.tablet()).newPage()
    const base = h.server.url
    await firstRunSetup(page, base, '翠苑小区', [...DEFAULT_STAFF, { name: '张主管', role: 'supervisor', pin: '4826' }])
    await loginAs(page, '李娜', '1357')
    await page.waitForURL(/\/(today|handover)/)
    await registerVisit(page, base, { room: '3-2-1101', name: '王建国', phone: '13812345678', matter: '厨房水龙头漏水' })
    await registerVisit(page, base, { room: '5-1-602', name: '赵磊', phone: '13900139000', matter: '楼道灯不亮' })
    await page.getByRole('button', { name: '换人' }).click()
    await loginAs(page, '张主管', '4826')
    await page.waitForURL(/\/today$/)

    await page.getByRole('link', { name: '统计' }).click()
    await page.waitForURL(/\/statistics/)
    const chart = page.locator('[data-chart="byCategory"]')
    await chart.locator('svg').waitFor()
    expect(await page.locator('[data-figure="total"] strong').textContent()).toBe('2')
    expect(await page.locator('[data-card="byCategory"] .statistics-card__row').first().textContent()).toContain('报修2 / 0')
    await expectAccessible(page, '统计')
    // To look at the screen: SHOT_DIR=/tmp/x keeps a screenshot of it there.
    if (process.env.SHOT_DIR) await page.screenshot({ path: `${process.env.SHOT_DIR}/statistics.png`, fullPage: true })
    if (process.env.SHOT_DIR) await page.screenshot({ path: `${process.env.SHOT_DIR}/statistics-top.png` })

    // The axis label under the bar of 报修 opens the register as the bar does.
    await chart.locator('text', { hasText: /^报修$/ }).first().click()
    await page.waitForURL((url) => url.pathname === '/register' && url.searchParams.get('category') === 'repair')
    const url = new URL(page.url())
    expect([url.searchParams.get('queue'), url.searchParams.get('from'), url.searchParams.get('to')]).toEqual(['all', month.from, month.to])
    await page.getByText('共 2 条').waitFor()
    await page.getByText('厨房水龙头漏水').waitFor()

    // The channel's row opens the register by how the requests came in, said in its tags.
    await page.goBack()
    await page.locator('[data-card="byChannel"] .statistics-card__row').first().click()
    await page.waitForURL((url) => url.pathname === '/register' && url.searchParams.get('channel') === 'visit')
    await page.getByText('来访方式:上门').waitFor()
    await page.getByText('共 2 条').waitFor()
    if (process.env.SHOT_DIR) await page.screenshot({ path: `${process.env.SHOT_DIR}/register-by-channel.png` })

    await page.goBack()
    await page.getByTestId('statistics-print').click()
    await page.waitForURL(/\/print\/statistics-report\?month=/)
    const pdf = await printToText(page)
    const all = pdf.compactPages.join('')
    expect([Math.round(pdf.size.w), Math.round(pdf.size.h)]).toEqual([595, 842])
    expect(pdf.compactPages[0]).toContain('月度客服工作报告')
    expect(pdf.compactPages[0]).toContain('翠苑小区')
    expect(all).toContain(`${month.from}—${month.to}`)
    for (const table of ['主要指标', '每日接待量', '按类别', '按来访方式', '当前未完成·按处理环节', '完成情况', '投诉答复时限', '回访与满意度', '值班上报与交接班', '质量检查次数', '无法处理而关闭的事项']) expect(all, table).toContain(table)
    expect(all).toContain('接待量20')
    expect(all).toContain('报修20')
    expect(all).toContain('上门20')
    expect(all).toContain('前台处理中2')
    expect(all).toContain('张主管(客服主管)0')
    expect(all).toContain('制表签名')
    expect(all).toContain('审核签名')
    pdf.compactPages.forEach((p, i) => expect(p).toContain(`第${i + 1}页/共${pdf.pages}页`))
    expect(all).not.toMatch(/王建国|13812345678|赵磊/)
    // The registration's toast may still be up when 打印 is pressed: it is not printed.
    expect(all).not.toContain('已登记')
  })
})
