/**
 * The console's 公司统计 (issue 16 point 4): the sites side by side with the company's sums, shares in
 * percent and — where there is nothing to divide — a dash, no raw key on screen; 本月 on opening, 上月 and
 * custom dates asking the server for their period (a reversed one refused before asking); the Excel
 * workbook downloaded for the period shown; the charts loaded with the figures, each named; a login asked for first.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HOUR } from '@shared/domain/time'
import { monthPeriod, previousPeriod, siteStatistics } from '@shared/domain/statistics'
import type { CompanyStatistics } from '@shared/sync/statistics-api'
import { companyFigures } from '@server/admin/statistics'
import { companyTotal } from '@server/admin/statistics-total'
import ConsoleStatisticsPage from '@client/features/console/pages/ConsoleStatisticsPage.vue'
import { emptyInput, request } from '../../factories/statistics'
import { instantAt } from '@shared/domain/time'
import { mountApp, until } from '../mount'

const NOW = Date.UTC(2026, 10, 27, 2)
const at = (date: string): number => instantAt(date, '10:00', 'Asia/Shanghai')

function answer(period = monthPeriod('2026-11')): CompanyStatistics {
  const busy = companyFigures(
    siteStatistics(
      emptyInput({
        requests: [
          request('repair', at('2026-11-03'), [['result', at('2026-11-03') + 3 * HOUR], ['returnVisit', at('2026-11-04'), { satisfaction: 'satisfied' }]]),
          request('complaint', at('2026-11-05'), [['answered', at('2026-11-05') + HOUR], ['result', at('2026-11-09')]]),
          request('enquiry', at('2026-10-05'), [['result', at('2026-10-05') + HOUR]]),
        ],
      }),
      period,
      NOW,
    ),
  )
  const quiet = companyFigures(siteStatistics(emptyInput(), period, NOW))
  const sites = [
    { siteId: 's1', name: '翠苑小区', statistics: busy },
    { siteId: 's2', name: '金桂园', statistics: quiet },
  ]
  return { period, previous: previousPeriod(period), now: NOW, sites, total: companyTotal(sites.map((s) => s.statistics)) }
}

const asked: string[] = []

beforeEach(() => {
  // happy-dom lays nothing out: ECharts says it has no size, which is all it can say here.
  const warn = console.warn.bind(console)
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void (String(args[0]).startsWith('[ECharts]') || warn(...args)))
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] })
  asked.length = 0
  sessionStorage.setItem('deskbook.console', 'adm_test')
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      asked.push(url)
      if (url.startsWith('/api/admin/statistics/xlsx')) return new Response(new Uint8Array([80, 75, 3, 4]), { headers: { 'content-disposition': "attachment; filename*=UTF-8''%E5%85%AC%E5%8F%B8%E7%BB%9F%E8%AE%A1.xlsx" } })
      const month = /from=(\d{4}-\d{2})/.exec(url)?.[1]
      return new Response(JSON.stringify(answer(month ? monthPeriod(month) : undefined)), { headers: { 'content-type': 'application/json' } })
    }),
  )
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  sessionStorage.clear()
  document.body.innerHTML = ''
})

describe('ConsoleStatisticsPage', () => {
  it('shows this month’s sites side by side with the company’s sums, in words and percentages', async () => {
    const { wrapper } = mountApp(ConsoleStatisticsPage)
    await until(() => expect(wrapper.find('[data-testid="company-stats-table"]').exists()).toBe(true))
    expect(asked).toEqual(['/api/admin/statistics?kind=month&from=2026-11'])
    const rows = wrapper.findAll('[data-testid="company-stats-table"] tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()))
    expect(rows.map((r) => r[0])).toEqual(['翠苑小区', '金桂园', '公司合计'])
    // 翠苑小区: 2 requests this month, 1 the month before; one done within 2 days, both within 7.
    expect(rows[0]!.slice(1, 5)).toEqual(['2', '1', '50.0%1', '100.0%2'])
    expect(rows[0]![8]).toBe('100.0%1 / 1')
    expect(rows[1]!.slice(1, 5)).toEqual(['0', '0', '—0', '—0'])
    expect(rows[2]![7]).toBe('—')
    expect(wrapper.text()).toContain('本期 2026-11-01 至 2026-11-30,上期 2026-10-01 至 2026-10-31。')
    expect(wrapper.text()).not.toMatch(/companyStats\.|[a-z]+\.[a-z]+\.[a-z]+/)
    await until(() => expect(wrapper.find('[data-testid="company-stats-charts"]').exists()).toBe(true))
    expect(wrapper.findAll('figure figcaption').map((f) => f.text())).toEqual(['各项目登记量(本期与上期)', '本期登记事项的完成情况', '完成率、投诉及时答复率与满意率'])
    expect(wrapper.findAll('[data-testid="company-stats-charts"] [role="img"]').map((c) => c.attributes('aria-label'))).toEqual(['各项目登记量(本期与上期)', '本期登记事项的完成情况', '完成率、投诉及时答复率与满意率'])
  })

  it('asks for last month, and for custom dates only once they name a period', async () => {
    const { wrapper } = mountApp(ConsoleStatisticsPage)
    await until(() => expect(asked).toHaveLength(1))
    await wrapper.findAll('input[type="radio"]').find((r) => (r.element as HTMLInputElement).value === 'lastMonth')!.setValue(true)
    await until(() => expect(asked.at(-1)).toBe('/api/admin/statistics?kind=month&from=2026-10'))
    await wrapper.findAll('input[type="radio"]').find((r) => (r.element as HTMLInputElement).value === 'custom')!.setValue(true)
    expect(wrapper.findAll('label').map((l) => l.text())).toEqual(expect.arrayContaining(['开始日期', '结束日期']))
    await wrapper.get('input[name="statisticsFrom"]').setValue('2026-11-10')
    await wrapper.get('input[name="statisticsTo"]').setValue('2026-11-01')
    expect(wrapper.text()).toContain('请选择有效的日期')
    expect(wrapper.findAll('button').find((b) => b.text() === '查看')!.attributes('disabled')).toBeDefined()
    await wrapper.get('input[name="statisticsTo"]').setValue('2026-11-20')
    await wrapper.get('form').trigger('submit')
    await until(() => expect(asked.at(-1)).toBe('/api/admin/statistics?from=2026-11-10&to=2026-11-20'))
  })

  it('downloads the workbook of the period shown', async () => {
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    const { wrapper } = mountApp(ConsoleStatisticsPage)
    await until(() => expect(asked).toHaveLength(1))
    await wrapper.findAll('button').find((b) => b.text() === '导出 Excel')!.trigger('click')
    await until(() => expect(clicked).toHaveBeenCalled())
    expect(asked.at(-1)).toBe('/api/admin/statistics/xlsx?kind=month&from=2026-11')
  })

  it('asks a company administrator to log in first, and asks the server nothing', async () => {
    sessionStorage.clear()
    const { wrapper } = mountApp(ConsoleStatisticsPage)
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('请先在服务器管理页登录。')
    expect(asked).toEqual([])
  })
})
