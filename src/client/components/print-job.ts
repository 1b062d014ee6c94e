/**
 * One print job: every A4 sheet under one print preview (a day's or a month's duty log, a month's
 * inspections, the register). Its pages are numbered through the whole job — 第5页/共8页 — so a
 * filing clerk can tell the set is complete, each sheet keeping its own header (issue 10 point 10);
 * and it is printed only once every sheet is laid out, never as a blank page (point 21).
 *
 * PrintPreview provides the job; each PrintSheet joins it with its page count (0 until laid out); a
 * snapshot panel gates it while its data is still loading, or says the job settled with no sheet.
 */
import { computed, inject, nextTick, onBeforeUnmount, provide, shallowReactive, watch, type ComputedRef, type InjectionKey, type Ref } from 'vue'
import { numberSheets } from './print-pagination'

/** What a gate says: still loading; its sheets are what to print; nothing to print (empty, not found, failed). */
export type PrintGate = 'wait' | 'sheets' | 'nothing'

interface JobSheet {
  el: () => Element | undefined
  pages: Ref<number>
}

export interface PrintJob {
  /** A sheet joins the job: its first page number and the job's page count, both known once every sheet is laid out. */
  join(sheet: JobSheet): { first: ComputedRef<number>; total: ComputedRef<number> }
  /** Hold the job while `gate` says 'wait' (the component's lifetime). */
  gate(gate: () => PrintGate): void
  /** Every sheet laid out and nothing loading. */
  ready: ComputedRef<boolean>
  /** Resolves once the job is ready (at once when it is). */
  whenReady(): Promise<void>
}

const KEY: InjectionKey<PrintJob> = Symbol('print-job')

/** Sheets in the order they print (document order), whatever order they joined in. */
function inPrintOrder(sheets: readonly JobSheet[]): JobSheet[] {
  return [...sheets].sort((a, b) => {
    const x = a.el()
    const y = b.el()
    return x && y && x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1
  })
}

export function providePrintJob(): PrintJob {
  const sheets = shallowReactive<JobSheet[]>([])
  const gates = shallowReactive<(() => PrintGate)[]>([])
  const laidOut = computed(() => sheets.every((s) => s.pages.value > 0))
  const numbering = computed(() => {
    if (!laidOut.value) return null
    const ordered = inPrintOrder(sheets)
    const { firsts, total } = numberSheets(ordered.map((s) => s.pages.value))
    return { first: new Map(ordered.map((s, i) => [s, firsts[i]!])), total }
  })
  const ready = computed(() => {
    const said = gates.map((g) => g())
    if (said.includes('wait')) return false
    // No sheet yet is data still coming, unless a gate said there is nothing to print.
    return sheets.length ? laidOut.value : said.includes('nothing')
  })
  const job: PrintJob = {
    join(sheet) {
      sheets.push(sheet)
      onBeforeUnmount(() => sheets.splice(sheets.indexOf(sheet), 1))
      return { first: computed(() => numbering.value?.first.get(sheet) ?? 1), total: computed(() => numbering.value?.total ?? sheet.pages.value) }
    },
    gate(g) {
      gates.push(g)
      onBeforeUnmount(() => gates.splice(gates.indexOf(g), 1))
    },
    ready,
    whenReady: () =>
      new Promise<void>((resolve) => {
        // After the render that made it ready, so the pages are in the document.
        const stop = watch(
          ready,
          (r) => {
            if (!r) return
            queueMicrotask(() => stop())
            void nextTick(resolve)
          },
          { immediate: true, flush: 'post' },
        )
      }),
  }
  provide(KEY, job)
  return job
}

/** The job the component is printed in, or null outside a print preview. */
export function usePrintJob(): PrintJob | null {
  return inject(KEY, null)
}
