import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref, type PropType, type Ref } from 'vue'
import { flushPromises } from '@vue/test-utils'
import PrintPreview from '@client/components/PrintPreview.vue'
import PrintSnapshotPanel from '@client/components/PrintSnapshotPanel.vue'
import PrintNothingNotice from '@client/components/PrintNothingNotice.vue'
import { usePrintJob } from '@client/components/print-job'
import type { SnapshotState } from '@client/composables/usePrintSnapshot'
import DutyLogBlankPrint from '@client/features/duty-log/print/DutyLogBlankPrint.vue'
import { mountApp } from '../mount'

/** A sheet as the print frame joins the job: its page count is 0 until it is laid out. */
const FakeSheet = defineComponent({
  props: { name: { type: String, required: true }, pages: { type: Object as PropType<Ref<number>>, required: true } },
  setup(props) {
    const el = ref<HTMLElement>()
    const numbers = usePrintJob()!.join({ el: () => el.value, pages: props.pages })
    return () => h('div', { ref: el, class: 'fake-sheet', 'data-name': props.name }, Array.from({ length: props.pages.value }, (_, p) => h('span', { class: 'fake-page' }, `${props.name}:${numbers.first.value + p}/${numbers.total.value}`)))
  },
})

const TEXTS = { loading: '正在读取', failed: '失败', notFound: '找不到', none: '没有', count: '共几张' }

function mountJob(sheets: { name: string; pages: Ref<number> }[], panel?: { state: Ref<SnapshotState>; count: Ref<number | null> }) {
  const content = (): unknown[] => [
    ...(panel ? [h(PrintSnapshotPanel, { state: panel.state.value, count: panel.count.value, texts: TEXTS })] : []),
    ...sheets.map((s) => h(FakeSheet, { key: s.name, name: s.name, pages: s.pages })),
  ]
  return mountApp(PrintPreview, { props: { title: '值班记录' }, slots: { default: content } }).wrapper
}

const pagesText = (wrapper: ReturnType<typeof mountJob>): string[] => wrapper.findAll('.fake-page').map((p) => p.text())
const readyFlag = (wrapper: ReturnType<typeof mountJob>): string | undefined => wrapper.find('.print-preview__toolbar').attributes('data-print-ready')

/** The browser's print dialog (happy-dom has none). */
function stubPrint(): ReturnType<typeof vi.fn> {
  const print = vi.fn()
  Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true })
  return print
}

afterEach(() => {
  Reflect.deleteProperty(window, 'print')
})

describe('a print job (issue 10 points 10 and 21)', () => {
  it('numbers the pages through the whole job, sheet after sheet, once every sheet is laid out', async () => {
    const day = ref(0)
    const appendix = ref(0)
    const night = ref(0)
    const wrapper = mountJob([
      { name: 'day', pages: day },
      { name: 'appendix', pages: appendix },
      { name: 'night', pages: night },
    ])
    day.value = 4
    appendix.value = 3
    await nextTick()
    expect(readyFlag(wrapper)).toBe('false')
    night.value = 1
    await nextTick()
    expect(pagesText(wrapper)).toEqual(['day:1/8', 'day:2/8', 'day:3/8', 'day:4/8', 'appendix:5/8', 'appendix:6/8', 'appendix:7/8', 'night:8/8'])
    expect(readyFlag(wrapper)).toBe('true')
  })

  it('prints, when 打印 is tapped at once, only after every sheet is laid out — never a blank page', async () => {
    const print = stubPrint()
    const first = ref(0)
    const second = ref(0)
    const wrapper = mountJob([
      { name: 'a', pages: first },
      { name: 'b', pages: second },
    ])
    await wrapper.get('[data-testid="print-button"]').trigger('click')
    await flushPromises()
    expect(print).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('正在排版')
    first.value = 2
    await flushPromises()
    expect(print).not.toHaveBeenCalled()
    second.value = 1
    await flushPromises()
    expect(print).toHaveBeenCalledOnce()
    // It printed the pages, numbered through the job.
    expect(pagesText(wrapper)).toEqual(['a:1/3', 'a:2/3', 'b:3/3'])
    expect(wrapper.text()).not.toContain('正在排版')
  })

  it('waits for the snapshot being read: no sheet yet is not an empty job; an empty or missing one is ready at once', async () => {
    const print = stubPrint()
    const state = ref<SnapshotState>('loading')
    const count = ref<number | null>(null)
    const wrapper = mountJob([], { state, count })
    await wrapper.get('[data-testid="print-button"]').trigger('click')
    await flushPromises()
    expect(print).not.toHaveBeenCalled()
    expect(readyFlag(wrapper)).toBe('false')
    state.value = 'ready'
    count.value = 0
    await flushPromises()
    expect(print).toHaveBeenCalledOnce()
    expect(readyFlag(wrapper)).toBe('true')
  })

  it('is not ready without any sheet and without a snapshot saying there is nothing (the register before its rows are read)', async () => {
    const wrapper = mountJob([])
    await flushPromises()
    expect(readyFlag(wrapper)).toBe('false')
  })

  it('lays a real sheet out once: the job’s state changing does not re-render (and re-measure) the sheets under it', async () => {
    // The blank sheet's page passes its rows as a literal `[]`: any re-render of the preview hands the sheet new props.
    const { wrapper } = mountApp(DutyLogBlankPrint)
    await flushPromises()
    await flushPromises()
    expect(wrapper.find('.print-measure').exists()).toBe(false)
    expect(wrapper.get('.print-sheet').attributes('data-pages')).toBe('1')
    expect(readyFlag(wrapper)).toBe('true')
    expect(wrapper.get('.print-footer').text()).toContain('第 1 页 / 共 1 页')
  })

  it('is ready, with nothing to print, once a page says why it has nothing (a record not found or not allowed)', async () => {
    const missing = ref(false)
    const wrapper = mountApp(PrintPreview, { props: { title: '接待业主情况记录' }, slots: { default: () => (missing.value ? [h(PrintNothingNotice, null, () => '未找到这条登记')] : []) } }).wrapper
    await nextTick()
    expect(readyFlag(wrapper)).toBe('false')
    missing.value = true
    await nextTick()
    await nextTick()
    expect(readyFlag(wrapper)).toBe('true')
    expect(wrapper.find('[role="alert"]').text()).toBe('未找到这条登记')
  })
})
