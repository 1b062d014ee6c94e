import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { flushPromises } from '@vue/test-utils'
import { newId } from '@shared/domain/ids'
import PrintJobPage from '@client/components/PrintJobPage.vue'
import PrintSheet from '@client/components/PrintSheet.vue'
import { usePrintPage } from '@client/components/print-page'
import type { SnapshotState } from '@client/composables/usePrintSnapshot'
import { freshDb } from '../../factories/db'
import { makeStaff } from '../../factories/site'
import { mountApp, signedIn } from '../mount'

const SITE = newId()
const OPENED = new Date('2026-11-28T02:03:00Z')
const COLUMNS = [{ key: 'name', label: '姓名', width: '100%' }]

/** A sheet as the print views give it: its form, no site name, no stamp. */
const sheet = (title: string) => h(PrintSheet, { title, formNumber: 'KF-JL-05', columns: COLUMNS, rows: [{ name: '李娜' }] })

/** The site keeps Tokyo time: the stamp must be the site's, not the tablet's or a default zone. */
function mountPage(component: ReturnType<typeof defineComponent>) {
  return mountApp(component, {}, freshDb(), signedIn(SITE, makeStaff({ siteId: SITE }), { timezone: 'Asia/Tokyo' })).wrapper
}

const footers = (wrapper: ReturnType<typeof mountPage>): string[] => wrapper.findAll('section.print-page .print-footer').map((f) => f.text())

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(OPENED)
})

afterEach(() => {
  vi.useRealTimers()
})

describe('the print-job page (issue 11 point 5)', () => {
  it('prints the site’s name and the moment the page opened, in the site’s time zone, on every sheet under it', async () => {
    const wrapper = mountPage(defineComponent(() => () => h(PrintJobPage, { title: '员工名单' }, { default: () => [sheet('第一张'), sheet('第二张')] })))
    await flushPromises()
    await flushPromises()
    expect(wrapper.findAll('section.print-page .print-header__site').map((s) => s.text())).toEqual(['翠苑小区', '翠苑小区'])
    expect(footers(wrapper)).toHaveLength(2)
    for (const footer of footers(wrapper)) expect(footer).toContain('打印时间:2026-11-28 11:03')
  })

  it('prints a blank form without a printed-at stamp', async () => {
    const wrapper = mountPage(defineComponent(() => () => h(PrintJobPage, { title: '空白表', blank: true }, { default: () => [sheet('空白表')] })))
    await flushPromises()
    await flushPromises()
    expect(footers(wrapper)).toHaveLength(1)
    expect(footers(wrapper)[0]).not.toContain('打印时间')
    expect(footers(wrapper)[0]).toContain('第 1 页 / 共 1 页')
  })

  it('has one moment per page: a view that reads the page first shares it with sheets laid out later', async () => {
    const shown = ref(false)
    let viewSaw = 0
    const View = defineComponent(() => {
      viewSaw = usePrintPage().now
      return () => h(PrintJobPage, { title: '值班记录' }, { default: () => (shown.value ? [sheet('值班记录')] : []) })
    })
    const wrapper = mountPage(View)
    vi.setSystemTime(new Date(OPENED.getTime() + 5 * 60_000))
    shown.value = true
    await flushPromises()
    await flushPromises()
    expect(viewSaw).toBe(OPENED.getTime())
    expect(footers(wrapper)[0]).toContain('打印时间:2026-11-28 11:03')
  })

  it('says where the snapshot stands in the texts of its group, and lays out one sheet for each thing it holds', async () => {
    const state = ref<SnapshotState>('loading')
    const sheets = ref<{ key: string; name: string }[] | null>(null)
    const View = defineComponent(() => () =>
      h(
        PrintJobPage<{ key: string; name: string }>,
        { title: '值班记录', snapshot: { state: state.value, sheets: sheets.value, texts: 'dutyLogPrint' }, sheetKey: (s: { key: string }) => s.key },
        { status: () => ';另附说明', sheet: ({ sheet: s }: { sheet: { name: string } }) => h('p', { class: 'one-sheet' }, s.name) },
      ),
    )
    const wrapper = mountPage(View)
    const panel = (): string => wrapper.get('.print-snapshot-panel').text()
    expect(panel()).toBe('正在读取值班记录…')
    state.value = 'ready'
    sheets.value = [
      { key: 'a', name: '白班' },
      { key: 'b', name: '夜班' },
    ]
    await flushPromises()
    expect(panel()).toBe('共 2 个班次,每个班次从新的一页开始;另附说明')
    expect(wrapper.findAll('.one-sheet').map((p) => p.text())).toEqual(['白班', '夜班'])
    sheets.value = []
    await flushPromises()
    expect(panel()).toBe('所选时间内没有班次')
    state.value = 'notFound'
    sheets.value = null
    await flushPromises()
    expect(panel()).toBe('找不到要打印的班次或日期')
    expect(wrapper.findAll('.one-sheet')).toHaveLength(0)
  })
})
