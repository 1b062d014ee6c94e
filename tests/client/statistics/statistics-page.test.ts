/**
 * 统计 (issue 16): the supervisor sees the period's figures as cards against the period before, a tap on a
 * bar (here through a stand-in for vue-echarts, which happy-dom cannot draw) or on a row opens the register
 * filtered to it; the administrator sees the figures without the report's buttons; the period lives in the address.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type PropType } from 'vue'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import StatisticsPage from '@client/features/statistics/pages/StatisticsPage.vue'
import type { DeskbookDb } from '@client/db/database'
import { instantAt } from '@shared/domain/time'
import type { Role } from '@shared/domain/role'
import { SITE } from '../../factories/register-print'
import { freshDb } from '../../factories/db'
import { makeStaff } from '../../factories/site'
import { request, storeRequests } from '../../factories/statistics'
import { mountApp, signedIn, until } from '../mount'

vi.mock('vue-echarts', () => ({
  default: defineComponent({
    props: { option: { type: Object as PropType<{ xAxis: { data: string[] } }>, required: true } },
    emits: ['click'],
    setup(props, { emit }) {
      return () => h('div', { class: 'chart-stub' }, props.option.xAxis.data.map((label, i) => h('button', { 'data-bar': label, onClick: () => emit('click', { componentType: 'series', dataIndex: i }) }, label)))
    },
  }),
}))

const TZ = 'Asia/Shanghai'
const at = (date: string, hhmm: string): number => instantAt(date, hhmm, TZ)
let db: DeskbookDb
afterEach(async () => {
  db.close()
  await db.delete()
})

async function open(role: Role, path = '/statistics?period=month&from=2026-11'): Promise<{ wrapper: VueWrapper; router: Router }> {
  db = freshDb()
  const who = makeStaff({ siteId: SITE, name: role === 'supervisor' ? '张主管' : '王管理', role })
  await db.staff.add(who)
  await storeRequests(db, [
    request('repair', at('2026-11-02', '09:00'), [['result', at('2026-11-02', '12:00')]], 'visit'),
    request('repair', at('2026-11-30', '23:59'), [], 'phone'),
    request('complaint', at('2026-11-10', '09:00'), [['answered', at('2026-11-10', '11:00')]], 'phone'),
    request('enquiry', at('2026-10-15', '09:00'), [['result', at('2026-10-15', '10:00')]], 'online'),
    request('praise', at('2026-12-01', '00:00'), [], 'relayed'),
  ])
  const { wrapper } = mountApp(StatisticsPage, {}, db, signedIn(SITE, who))
  const router = wrapper.vm.$router as Router
  await router.push(path)
  await flushPromises()
  return { wrapper, router }
}

const rowsOf = (wrapper: VueWrapper, card: string): string[] => wrapper.findAll(`[data-card="${card}"] .statistics-card__row`).map((r) => r.text())

describe('StatisticsPage', () => {
  it('shows the month against the month before, in Chinese, with the report’s buttons for the supervisor', async () => {
    const { wrapper } = await open('supervisor')
    await until(() => expect(wrapper.find('[data-card="byCategory"]').exists()).toBe(true))
    expect(wrapper.find('h1').text()).toBe('统计')
    expect(wrapper.find('[data-testid="statistics-period"]').text()).toBe('统计期间:2026-11-01 至 2026-11-30,对比上期:2026-10-01 至 2026-10-31')
    expect(wrapper.find('[data-figure="total"]').text()).toBe('接待量3上期 1')
    // 报修 2 this month, none the month before; 咨询 0 / 1.
    expect(rowsOf(wrapper, 'byCategory').slice(0, 3)).toEqual(['报修2 / 0', '投诉1 / 0', '咨询0 / 1'])
    expect(rowsOf(wrapper, 'byChannel')).toEqual(['上门1 / 0', '来电2 / 0', '网络0 / 1', '转告0 / 0'])
    // 23:59 on the 30th is November's last day; 00:00 on 1 December is not November's.
    expect(rowsOf(wrapper, 'byDay').at(-1)).toBe('11-301')
    expect(rowsOf(wrapper, 'complaints')[0]).toBe('24 小时内答复1 / 0')
    expect(wrapper.find('[data-testid="statistics-export"]').exists()).toBe(true)
    expect(wrapper.text()).not.toMatch(/statistics\.\w/)
  })

  it('prints the month’s report from 打印 … 月度报告', async () => {
    const { wrapper, router } = await open('supervisor')
    await until(() => expect(wrapper.find('[data-testid="statistics-print"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="statistics-print"]').text()).toBe('打印 2026-11 月度报告')
    expect(wrapper.find('[data-testid="statistics-print"]').attributes('href')).toBe('/print/statistics-report?month=2026-11')
    expect(router.resolve('/print/statistics-report?month=2026-11').name).toBe('print-statistics-report')
  })

  it('opens the register filtered to a bar: 报修 of the month', async () => {
    const { wrapper, router } = await open('supervisor')
    await until(() => expect(wrapper.find('[data-card="byCategory"] [data-bar="报修"]').exists()).toBe(true))
    await wrapper.find('[data-card="byCategory"] [data-bar="报修"]').trigger('click')
    await until(() => expect(router.currentRoute.value.name).toBe('register'))
    expect(router.currentRoute.value.query).toEqual({ queue: 'all', category: 'repair', from: '2026-11-01', to: '2026-11-30' })
  })

  it('opens the register by channel and by escalation level, as the bars count them', async () => {
    const { wrapper } = await open('supervisor')
    await until(() => expect(wrapper.find('[data-card="byChannel"] [data-row="1"]').exists()).toBe(true))
    expect(wrapper.find('[data-card="byChannel"] [data-row="1"]').attributes('href')).toBe('/register?queue=all&channel=phone&from=2026-11-01&to=2026-11-30')
    expect(wrapper.find('[data-card="openQueue"] [data-row="1"]').attributes('href')).toBe('/register?queue=open&status=open&level=supervisor')
  })

  it('opens a day’s register from its row, and the open queue’s from the open-now card', async () => {
    const { wrapper, router } = await open('supervisor')
    await until(() => expect(wrapper.find('[data-card="byDay"] [data-row="1"]').exists()).toBe(true))
    expect(wrapper.find('[data-card="byDay"] [data-row="1"]').attributes('href')).toBe('/register?queue=all&from=2026-11-02&to=2026-11-02')
    expect(wrapper.find('[data-card="openQueue"] [data-row="4"]').attributes('href')).toBe('/register?queue=open&status=awaitingVisit')
    await wrapper.find('[data-card="openQueue"] [data-bar="责任部门处理中"]').trigger('click')
    await until(() => expect(router.currentRoute.value.query).toEqual({ queue: 'open', status: 'withDepartment' }))
  })

  it('lets the administrator read without printing or exporting the report', async () => {
    const { wrapper } = await open('administrator')
    await until(() => expect(wrapper.find('[data-card="byCategory"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="statistics-print"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="statistics-export"]').exists()).toBe(false)
  })

  it('keeps the period in the address: 自定义 dates, then 本周', async () => {
    const { wrapper, router } = await open('supervisor', '/statistics?period=custom&from=2026-11-02&to=2026-11-10')
    await until(() => expect(wrapper.find('[data-figure="total"]').text()).toBe('接待量2上期 0'))
    expect(wrapper.find('[data-testid="statistics-period"]').text()).toContain('对比上期:2026-10-24 至 2026-11-01')
    await wrapper.find('[data-kind="week"]').trigger('click')
    await until(() => expect(router.currentRoute.value.query.period).toBe('week'))
    expect(String(router.currentRoute.value.query.from)).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})
