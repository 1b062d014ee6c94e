/**
 * What a register print or export covers: the date ranges offered (今天、昨天、本周、上周、自定义) and the
 * filter carried from the register list in the address, with the title and file name that say so. Pure.
 */
import { CATEGORIES, CHANNELS, type Category, type Channel } from '@shared/domain/reception'
import { QUEUES, type Queue } from '@client/db/register/reception-queue'
import { ESCALATION_LEVELS, STATUSES, type EscalationLevel, type Status } from '@shared/domain/reception-status'
import { weekStart } from '@shared/domain/review'
import { addDays, instantAt, localDate } from '@shared/domain/time'
import type { Translate } from '@client/locales/translate'

export const RANGE_PRESETS = ['today', 'yesterday', 'thisWeek', 'lastWeek', 'custom'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

/** Local dates `YYYY-MM-DD` in the site's timezone, both included. */
export interface DateRange {
  from: string
  to: string
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

function isDate(s: string): boolean {
  return DATE.test(s) && addDays(s, 0) === s
}

/** A range is usable when both ends are real dates and it does not run backwards. */
export function isValidRange(range: DateRange): boolean {
  return isDate(range.from) && isDate(range.to) && range.from <= range.to
}

/** 今天、昨天、本周 (Monday to today)、上周 (Monday to Sunday) in the site's timezone. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: number, tz: string): DateRange {
  const today = localDate(now, tz)
  const monday = weekStart(today)
  switch (preset) {
    case 'today':
      return { from: today, to: today }
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) }
    case 'thisWeek':
      return { from: monday, to: today }
    case 'lastWeek':
      return { from: addDays(monday, -7), to: addDays(monday, -1) }
  }
}

/** Which preset a range is (for the picker), or `custom`. */
export function presetOf(range: DateRange, now: number, tz: string): RangePreset {
  const same = (r: DateRange): boolean => r.from === range.from && r.to === range.to
  return RANGE_PRESETS.find((p) => p !== 'custom' && same(presetRange(p, now, tz))) ?? 'custom'
}

/** The instants a range covers: from local midnight of `from` up to (not including) local midnight after `to`. */
export function rangeInstants(range: DateRange, tz: string): { start: number; end: number } {
  return { start: instantAt(range.from, '00:00', tz), end: instantAt(addDays(range.to, 1), '00:00', tz) }
}

/** What the register list was filtered by; carried to the print and the export in the address. */
export interface RegisterFilter {
  queue?: Queue
  text?: string
  statuses?: Status[]
  categories?: Category[]
  channels?: Channel[]
  levels?: EscalationLevel[]
  departmentId?: string
}

export function hasFilter(f: RegisterFilter): boolean {
  return (!!f.queue && f.queue !== 'all') || !!f.text?.trim() || !!f.statuses?.length || !!f.categories?.length || !!f.channels?.length || !!f.levels?.length || !!f.departmentId
}

/** The first value of an address query parameter (vue-router gives a string, null or an array). */
export function firstParam(v: unknown): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

/** A comma-separated query parameter as the allowed values it names. */
export function listParam<T extends string>(v: unknown, allowed: readonly T[]): T[] {
  return firstParam(v)
    .split(',')
    .filter((s): s is T => (allowed as readonly string[]).includes(s))
}

/** The range in an address (`from`, `to`); today when missing or not valid. */
export function rangeFromQuery(query: Record<string, unknown>, now: number, tz: string): DateRange {
  const range = { from: firstParam(query.from), to: firstParam(query.to) }
  return isValidRange(range) ? range : presetRange('today', now, tz)
}

/** The filter in an address: `queue`, `q` (text), `status`, `category`, `channel` and `level` (comma-separated), `department`. */
export function filterFromQuery(query: Record<string, unknown>): RegisterFilter {
  const f: RegisterFilter = {}
  const queue = firstParam(query.queue)
  if ((QUEUES as readonly string[]).includes(queue)) f.queue = queue as Queue
  const text = firstParam(query.q).trim()
  if (text) f.text = text.slice(0, 100)
  const statuses = listParam(query.status, STATUSES)
  if (statuses.length) f.statuses = statuses
  const categories = listParam(query.category, CATEGORIES)
  if (categories.length) f.categories = categories
  const channels = listParam(query.channel, CHANNELS)
  if (channels.length) f.channels = channels
  const levels = listParam(query.level, ESCALATION_LEVELS)
  if (levels.length) f.levels = levels
  const department = firstParam(query.department)
  if (department) f.departmentId = department
  return f
}

/**
 * The address query of a range and filter, for `/print/register` (the register list links to it with
 * its filter). The filter is only offered there; `subset` is the clerk's choice to print it alone.
 */
export function registerPrintQuery(range: DateRange, filter: RegisterFilter = {}, subset = false): Record<string, string> {
  const q: Record<string, string> = { from: range.from, to: range.to }
  if (filter.queue && filter.queue !== 'all') q.queue = filter.queue
  if (filter.text?.trim()) q.q = filter.text.trim()
  if (filter.statuses?.length) q.status = filter.statuses.join(',')
  if (filter.categories?.length) q.category = filter.categories.join(',')
  if (filter.channels?.length) q.channel = filter.channels.join(',')
  if (filter.levels?.length) q.level = filter.levels.join(',')
  if (filter.departmentId) q.department = filter.departmentId
  if (subset && hasFilter(filter)) q.subset = '1'
  return q
}

/** What a register print holds: the filter the list offered, and whether it was chosen. */
export interface PrintScope {
  /** The list's filter, carried in the address; may be empty. */
  offered: RegisterFilter
  /** Print only what the filter lets through — never by default. */
  subset: boolean
}

/**
 * The print's scope from its address. A date range prints every request of the site in it (篇4 4.3,
 * 篇4 4.9: the reviewers sign the whole register); the list's filter — the tab it happened to be on — applies
 * only when the clerk chose it (`subset=1`).
 */
export function printScopeFromQuery(query: Record<string, unknown>): PrintScope {
  const offered = filterFromQuery(query)
  return { offered, subset: firstParam(query.subset) === '1' && hasFilter(offered) }
}

/** The filter a print applies: none, unless the subset was chosen. */
export function appliedFilter(scope: PrintScope): RegisterFilter {
  return scope.subset ? scope.offered : {}
}

/** The sheet's title: `接待业主情况记录`, or `接待业主情况记录(仅:我的待办)` for a subset, so a partial print never passes for the whole. */
export function registerPrintTitle(scope: PrintScope, departmentNames: ReadonlyMap<string, string>, t: Translate): string {
  return scope.subset ? t('subsetTitle', { title: t('title'), subset: filterSummary(scope.offered, departmentNames, t) }) : t('title')
}

/** The filter in words for the printed header, e.g. `类别:报修、投诉;关键词:漏水`; '' without a filter. */
export function filterSummary(f: RegisterFilter, departmentNames: ReadonlyMap<string, string>, t: Translate): string {
  const list = (items: string[]): string => items.join(t('listSeparator'))
  const parts: string[] = []
  if (f.queue && f.queue !== 'all') parts.push(t('filter.queue', { value: t(`queues.${f.queue}`) }))
  if (f.statuses?.length) parts.push(t('filter.statuses', { value: list(f.statuses.map((s) => t(`statuses.${s}`))) }))
  if (f.categories?.length) parts.push(t('filter.categories', { value: list(f.categories.map((c) => t(`categories.${c}`))) }))
  if (f.channels?.length) parts.push(t('filter.channels', { value: list(f.channels.map((c) => t(`channels.${c}`))) }))
  if (f.levels?.length) parts.push(t('filter.levels', { value: list(f.levels.map((l) => t(`levels.${l}`))) }))
  if (f.departmentId) parts.push(t('filter.department', { value: departmentNames.get(f.departmentId) ?? t('unknownDepartment') }))
  if (f.text?.trim()) parts.push(t('filter.text', { value: f.text.trim() }))
  return parts.join(t('separator'))
}

/** The file name of an export: `接待业主情况记录_2026-11-16_2026-11-22.xlsx`. */
export function exportFileName(range: DateRange, extension: 'xlsx' | 'csv', t: Translate): string {
  const title = t('title').replace(/[\\/:*?"<>|《》]/g, '')
  return range.from === range.to ? `${title}_${range.from}.${extension}` : `${title}_${range.from}_${range.to}.${extension}`
}
