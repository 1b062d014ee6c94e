/**
 * The company's statistics in the console (issue 16 point 4): the period chosen (本月, 上月 or custom dates,
 * in the company's time zone), every site's figures for it and the period before as the server works them
 * out, and the same as an Excel workbook. Online only, like the rest of the console; every action answers a
 * message for a person or nothing.
 */
import { computed, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { currentPeriod, customPeriod, previousPeriod, type Period } from '@shared/domain/statistics'
import { DEFAULT_TIMEZONE } from '@shared/domain/time'
import type { CompanyStatistics } from '@shared/sync/statistics-api'
import { saveFile } from '@client/components/save-file'
import { XLSX_TYPE } from '@client/components/exceljs'
import { attempt, type ConsoleFile, type ConsoleMethod } from './useConsoleApi'

export const PERIOD_CHOICES = ['thisMonth', 'lastMonth', 'custom'] as const
export type PeriodChoice = (typeof PERIOD_CHOICES)[number]

export interface StatisticsApi {
  call: <T>(method: ConsoleMethod, path: string) => Promise<T>
  download: (path: string, fallbackName: string) => Promise<ConsoleFile>
}

/** The address's query for a period: a month by its `YYYY-MM`, custom dates by both ends. */
export function periodQuery(p: Period): string {
  return p.kind === 'custom' ? `from=${p.from}&to=${p.to}` : `kind=${p.kind}&from=${p.kind === 'month' ? p.from.slice(0, 7) : p.from}`
}

export function useCompanyStatistics(api: StatisticsApi, opts: { now?: () => number; timezone?: string; badPeriod: string }) {
  const now = opts.now ?? Date.now
  const tz = opts.timezone ?? DEFAULT_TIMEZONE
  const choice: Ref<PeriodChoice> = ref('thisMonth')
  const thisMonth = currentPeriod('month', now(), tz)
  const from = ref(thisMonth.from)
  const to = ref(thisMonth.to)
  const stats: ShallowRef<CompanyStatistics | null> = shallowRef(null)
  const busy: Ref<'load' | 'xlsx' | null> = ref(null)

  /** The period chosen; null while custom dates name none (malformed, reversed, longer than a year). */
  const period = computed<Period | null>(() => {
    if (choice.value === 'thisMonth') return thisMonth
    if (choice.value === 'lastMonth') return previousPeriod(thisMonth)
    return customPeriod(from.value, to.value)
  })

  async function busyWith(what: 'load' | 'xlsx', fn: (p: Period) => Promise<void>): Promise<string | null> {
    const p = period.value
    if (!p) return opts.badPeriod
    busy.value = what
    try {
      return await attempt(() => fn(p))
    } finally {
      busy.value = null
    }
  }

  return {
    choice,
    from,
    to,
    period,
    stats,
    busy,
    load: () =>
      busyWith('load', async (p) => {
        stats.value = await api.call<CompanyStatistics>('GET', `/api/admin/statistics?${periodQuery(p)}`)
      }),
    exportXlsx: () =>
      busyWith('xlsx', async (p) => {
        const file = await api.download(`/api/admin/statistics/xlsx?${periodQuery(p)}`, 'company-statistics.xlsx')
        saveFile(file.bytes, file.name, XLSX_TYPE)
      }),
  }
}

export type CompanyStatisticsState = ReturnType<typeof useCompanyStatistics>
