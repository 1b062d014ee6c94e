/**
 * The register as the paper form 《接待业主情况记录》 (篇4 4.2–4.9) and as a spreadsheet for the office
 * (SPEC §6): one row per request, the same cells on paper, in XLSX and in CSV. Also a single
 * request's full record (its timeline), the date ranges offered for printing, and the filter carried
 * from the register list in the address. Pure: texts come in through `t`, the caller's translator.
 */
import { phoneForViewer } from '@shared/domain/archive'
import type { RegisterColumn } from '@shared/domain/forms'
import { CATEGORIES, customerNameWithHonorific, type Category, type Reception } from '@shared/domain/reception'
import type { ReceptionEvent, EventType } from '@shared/domain/reception-event'
import { QUEUES, type Queue } from '@shared/domain/reception-queue'
import { receptionState, sortEvents, STATUSES, type ReceptionState, type Status } from '@shared/domain/reception-status'
import { weekStart } from '@shared/domain/review'
import { defaultSettings } from '@shared/domain/settings'
import { addDays, formatDateTime, instantAt, localDate } from '@shared/domain/time'
import type { Translate } from '@shared/domain/text'
import type { RegisterEntry } from '@client/db/register/register-entries'

/**
 * A translator for the keys under `registerPrint` (the feature's locale files), e.g.
 * `t('columns.ref')`, `t('handling.result', { note, name })`.
 */

export interface RegisterContext {
  /** The site's IANA timezone: dates print as `YYYY-MM-DD HH:mm` there. */
  timezone: string
  /** Phones in full only for someone who may `customer.contact`; everyone else sees them masked (issue 4 point 5). */
  fullPhones: boolean
  staffNames: ReadonlyMap<string, string>
  departmentNames: ReadonlyMap<string, string>
  /** The site's deadline for answering a complaint (篇3 五: 24 h by default), for 逾期答复. */
  complaintDeadlineHours: number
  t: Translate
}

/**
 * One request as a row: the paper form's cells (its 事由 with category and channel in brackets) and,
 * for the spreadsheet, the matter, category and channel each on its own.
 */
export type RegisterRow = Record<RegisterColumn | 'matterOnly' | 'category' | 'channel', string>

/** Columns of the XLSX/CSV export: the paper form's, with 类别 and 来访方式 apart from 事由 so the office can sort and filter by them. */
export const EXPORT_COLUMNS = ['index', 'receivedAt', 'customer', 'room', 'matter', 'category', 'channel', 'handling', 'resolvedAt', 'receiver', 'ref'] as const
export type ExportColumn = (typeof EXPORT_COLUMNS)[number]

/**
 * Neutralise a CSV cell against formula injection (Excel, WPS, LibreOffice evaluate `=…` typed in a
 * CSV): a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe,
 * so it is shown as text and never evaluated (OWASP "CSV Injection"). Not for XLSX, whose string
 * cells are text already — there the apostrophe would show.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/**
 * The state of a request from its timeline. Status, result, dates and whether a complaint was answered
 * late do not depend on the clock; only the late answer depends on a setting, the site's deadline.
 */
function stateOf(entry: RegisterEntry, ctx: Pick<RegisterContext, 'complaintDeadlineHours'>): ReceptionState {
  const r = entry.reception
  return receptionState(r, entry.events, r.receivedAt, { ...defaultSettings(r.siteId), complaintDeadlineHours: ctx.complaintDeadlineHours })
}

function nameOf(ctx: RegisterContext, staffId: string): string {
  return ctx.staffNames.get(staffId) ?? ctx.t('unknownStaff')
}

function departmentOf(ctx: RegisterContext, id: string | null): string {
  return (id && ctx.departmentNames.get(id)) || ctx.t('unknownDepartment')
}

/** 来访方式; a relayed request names the post (篇4 4.2). */
function channelText(r: Reception, ctx: RegisterContext): string {
  return r.channel === 'relayed' && r.relayedBy.trim() ? ctx.t('relayedBy', { post: r.relayedBy.trim() }) : ctx.t(`channels.${r.channel}`)
}

/** 事由 with its category and channel in brackets, as on paper: `厨房水龙头漏水(报修·来电)`. */
function matterText(r: Reception, ctx: RegisterContext): string {
  return ctx.t('matter', { matter: r.matter, category: ctx.t(`categories.${r.category}`), channel: channelText(r, ctx) })
}

function customerText(r: Reception, ctx: RegisterContext): string {
  const name = customerNameWithHonorific(r.customerName, r.honorific, ctx.t)
  const phone = phoneForViewer(r.phone, ctx.fullPhones)
  return name && phone ? `${name} / ${phone}` : name || phone
}

/** Steps that say how the handling went (corrections and signatures are not handling). */
const STEP_TYPES: readonly EventType[] = ['followUp', 'departmentDone', 'answered', 'returnVisit', 'handedOver', 'takenOver']

/**
 * 处理情况及结果 (篇4 4.5–4.8) in one cell: to which department it went (4.6), who took it over (4.7
 * supervisor, 4.8 manager), then the result with who recorded it — or 无法处理已关闭 with the reason
 * (3.3.3, 4.8) — and the return visit (篇3 五); while unresolved, the latest step of the timeline;
 * last, 逾期答复 when a complaint was answered after its deadline.
 */
export function handlingText(entry: RegisterEntry, ctx: RegisterContext, state: ReceptionState = stateOf(entry, ctx)): string {
  const { t } = ctx
  const timeline = sortEvents(entry.events)
  const last = (type: EventType): ReceptionEvent | undefined => timeline.findLast((e) => e.type === type)
  const parts: string[] = []
  const handed = last('handedOver')
  if (handed) {
    const department = departmentOf(ctx, handed.departmentId)
    parts.push(handed.assignee.trim() ? t('handling.handedOverTo', { department, assignee: handed.assignee.trim() }) : t('handling.handedOver', { department }))
  }
  const takeover = last('takenOver')
  if (takeover?.level) parts.push(t('handling.takenOver', { level: t(`levels.${takeover.level}`), name: nameOf(ctx, takeover.staffId) }))

  const closed = timeline.find((e) => e.type === 'closedUnresolvable')
  // 篇4 4.6: the department's report stands as the result until the desk records its own.
  const result = state.byDepartment ? last('departmentDone') : last('result')
  if (state.status === 'unresolvable' && closed) {
    parts.push(t('handling.unresolvable', { reason: closed.note, name: nameOf(ctx, closed.staffId) }))
  } else if (result) {
    parts.push(t(state.byDepartment ? 'handling.departmentResult' : 'handling.result', { note: result.note, name: nameOf(ctx, result.staffId) }))
    const visit = last('returnVisit')
    if (state.status === 'awaitingVisit') parts.push(t('handling.awaitingVisit'))
    else if (visit?.satisfaction) parts.push(t('handling.returnVisit', { satisfaction: t(`satisfaction.${visit.satisfaction}`), name: nameOf(ctx, visit.staffId) }))
  } else {
    const step = timeline.findLast((e) => STEP_TYPES.includes(e.type))
    // A hand-over or takeover already said above is not repeated as the latest step.
    if (step && step !== handed && step !== takeover) {
      const params = { event: t(`events.${step.type}`), note: step.note.trim(), name: nameOf(ctx, step.staffId) }
      parts.push(params.note ? t('handling.step', params) : t('handling.stepNoNote', params))
    }
    if (!parts.length) parts.push(t('handling.pending'))
  }
  // 篇3 五: a complaint answered after its deadline stays marked so once it is answered and resolved.
  if (state.answeredLate) parts.push(t('handling.answeredLate', { hours: ctx.complaintDeadlineHours }))
  return parts.join(t('separator'))
}

/** One row of the register form; `index` is the 序号 (1-based). */
export function registerRow(entry: RegisterEntry, index: number, ctx: RegisterContext): RegisterRow {
  const state = stateOf(entry, ctx)
  const r = state.current
  return {
    index: String(index),
    receivedAt: formatDateTime(r.receivedAt, ctx.timezone),
    customer: customerText(r, ctx),
    room: r.room,
    matter: matterText(r, ctx),
    matterOnly: r.matter,
    category: ctx.t(`categories.${r.category}`),
    channel: channelText(r, ctx),
    handling: handlingText(entry, ctx, state),
    resolvedAt: state.resolvedAt === null ? '' : formatDateTime(state.resolvedAt, ctx.timezone),
    receiver: nameOf(ctx, r.receiverId),
    ref: r.ref,
  }
}

/** The register in the order it was written: by time received, then reference number. */
export function registerRows(entries: readonly RegisterEntry[], ctx: RegisterContext): RegisterRow[] {
  return [...entries]
    .sort((a, b) => a.reception.receivedAt - b.reception.receivedAt || a.reception.ref.localeCompare(b.reception.ref))
    .map((entry, i) => registerRow(entry, i + 1, ctx))
}

export interface RegisterTable {
  headers: string[]
  rows: string[][]
}

/** Which cell of a row each export column shows. */
const EXPORT_CELLS: Record<ExportColumn, keyof RegisterRow> = {
  index: 'index',
  receivedAt: 'receivedAt',
  customer: 'customer',
  room: 'room',
  matter: 'matterOnly',
  category: 'category',
  channel: 'channel',
  handling: 'handling',
  resolvedAt: 'resolvedAt',
  receiver: 'receiver',
  ref: 'ref',
}

/** The rows as a spreadsheet, in text as written: Chinese headers as on paper, 类别 and 来访方式 in columns of their own. */
export function registerTable(rows: readonly RegisterRow[], t: Translate): RegisterTable {
  return {
    headers: EXPORT_COLUMNS.map((c) => t(`columns.${c}`)),
    rows: rows.map((row) => EXPORT_COLUMNS.map((c) => row[EXPORT_CELLS[c]])),
  }
}

/** The table for a CSV file: every cell neutralised against formula injection. */
export function neutralisedTable(table: RegisterTable): RegisterTable {
  return { headers: table.headers.map(neutraliseCell), rows: table.rows.map((cells) => cells.map(neutraliseCell)) }
}

// ——— A single request's full record ———

export const RECORD_COLUMNS = ['index', 'at', 'event', 'detail', 'staff'] as const
export type RecordColumn = (typeof RECORD_COLUMNS)[number]
export type RecordRow = Record<RecordColumn, string>

export interface SignatureInfo {
  signerName: string
  signedAt: number
}

const CORRECTABLE = ['room', 'customerName', 'honorific', 'phone', 'matter', 'category', 'urgency'] as const
type Correctable = (typeof CORRECTABLE)[number]

function fieldValue(field: Correctable, r: Reception, ctx: RegisterContext): string {
  switch (field) {
    case 'phone':
      return phoneForViewer(r.phone, ctx.fullPhones)
    case 'honorific':
      return ctx.t(`honorifics.${r.honorific}`)
    case 'category':
      return ctx.t(`categories.${r.category}`)
    case 'urgency':
      return ctx.t(`urgencies.${r.urgency}`)
    default:
      return r[field]
  }
}

function eventDetail(e: ReceptionEvent, before: Reception, ctx: RegisterContext, signatures: ReadonlyMap<string, SignatureInfo>): string {
  const { t } = ctx
  const parts: string[] = []
  switch (e.type) {
    case 'handedOver':
      parts.push(t('detail.department', { department: departmentOf(ctx, e.departmentId) }))
      if (e.assignee.trim()) parts.push(t('detail.assignee', { assignee: e.assignee.trim() }))
      break
    case 'takenOver':
      // The step's name already says at which level (客服主管接手 / 经理接手).
      break
    case 'returnVisit':
      if (e.satisfaction) parts.push(t('detail.satisfaction', { satisfaction: t(`satisfaction.${e.satisfaction}`) }))
      break
    case 'closedUnresolvable':
      parts.push(t('detail.reason', { reason: e.note.trim() }))
      return parts.join(t('separator'))
    case 'correction': {
      const after = { ...before, ...(e.correction ?? {}) } as Reception
      for (const field of CORRECTABLE) {
        if (e.correction?.[field] === undefined) continue
        parts.push(t('detail.corrected', { field: t(`fields.${field}`), from: fieldValue(field, before, ctx) || t('detail.empty'), to: fieldValue(field, after, ctx) || t('detail.empty') }))
      }
      break
    }
    case 'signed': {
      const signature = e.signatureId ? signatures.get(e.signatureId) : undefined
      const signer = signature?.signerName.trim() ?? ''
      parts.push(signer ? t('detail.signer', { name: signer }) : t('detail.signed'))
      // The tablet writes the signer's name as the event's note too: said once.
      if (e.note.trim() && e.note.trim() !== signer) parts.push(e.note.trim())
      return parts.join(t('separator'))
    }
    default:
      if (e.departmentId) parts.push(t('detail.department', { department: departmentOf(ctx, e.departmentId) }))
  }
  if (e.note.trim()) parts.push(e.note.trim())
  return parts.join(t('separator'))
}

/**
 * The timeline of one request for its printed record: the registration first (who, when, the
 * matter as first registered), then every event in the order it happened — corrections with the
 * old and new value, hand-over, takeover, return visit with satisfaction, signature.
 */
export function recordRows(entry: RegisterEntry, ctx: RegisterContext, signatures: ReadonlyMap<string, SignatureInfo> = new Map()): RecordRow[] {
  const first = entry.reception
  const rows: RecordRow[] = [
    {
      index: '1',
      at: formatDateTime(first.receivedAt, ctx.timezone),
      event: ctx.t('events.registered'),
      detail: matterText(first, ctx),
      staff: nameOf(ctx, first.receiverId),
    },
  ]
  let current = first
  for (const e of sortEvents(entry.events)) {
    rows.push({
      index: String(rows.length + 1),
      at: formatDateTime(e.at, ctx.timezone),
      event: e.type === 'takenOver' && e.level ? ctx.t('handling.takenOverShort', { level: ctx.t(`levels.${e.level}`) }) : ctx.t(`events.${e.type}`),
      detail: eventDetail(e, current, ctx, signatures),
      staff: nameOf(ctx, e.staffId),
    })
    if (e.type === 'correction' && e.correction) current = { ...current, ...e.correction } as Reception
  }
  return rows
}

export interface RecordField {
  label: string
  value: string
}

/** The registered fields of one request, corrections applied, for the head of its printed record. */
export function recordFields(entry: RegisterEntry, ctx: RegisterContext): RecordField[] {
  const { t } = ctx
  const state = stateOf(entry, ctx)
  const r = state.current
  const channel = channelText(r, ctx)
  return [
    { label: t('columns.ref'), value: r.ref },
    { label: t('columns.receivedAt'), value: formatDateTime(r.receivedAt, ctx.timezone) },
    { label: t('columns.receiver'), value: nameOf(ctx, r.receiverId) },
    { label: t('fields.channel'), value: channel },
    { label: t('columns.room'), value: r.room },
    { label: t('columns.customer'), value: customerText(r, ctx) },
    { label: t('fields.category'), value: t(`categories.${r.category}`) },
    { label: t('fields.urgency'), value: t(`urgencies.${r.urgency}`) },
    { label: t('fields.status'), value: t(`statuses.${state.status}`) },
    { label: t('columns.resolvedAt'), value: state.resolvedAt === null ? '' : formatDateTime(state.resolvedAt, ctx.timezone) },
  ]
}

// ——— Date ranges and the filter in the address ———

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
  departmentId?: string
}

export function hasFilter(f: RegisterFilter): boolean {
  return (!!f.queue && f.queue !== 'all') || !!f.text?.trim() || !!f.statuses?.length || !!f.categories?.length || !!f.departmentId
}

/** The first value of an address query parameter (vue-router gives a string, null or an array). */
function first(v: unknown): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

function list<T extends string>(v: unknown, allowed: readonly T[]): T[] {
  return first(v)
    .split(',')
    .filter((s): s is T => (allowed as readonly string[]).includes(s))
}

/** The range in an address (`from`, `to`); today when missing or not valid. */
export function rangeFromQuery(query: Record<string, unknown>, now: number, tz: string): DateRange {
  const range = { from: first(query.from), to: first(query.to) }
  return isValidRange(range) ? range : presetRange('today', now, tz)
}

/** The filter in an address: `queue`, `q` (text), `status` and `category` (comma-separated), `department`. */
export function filterFromQuery(query: Record<string, unknown>): RegisterFilter {
  const f: RegisterFilter = {}
  const queue = first(query.queue)
  if ((QUEUES as readonly string[]).includes(queue)) f.queue = queue as Queue
  const text = first(query.q).trim()
  if (text) f.text = text.slice(0, 100)
  const statuses = list(query.status, STATUSES)
  if (statuses.length) f.statuses = statuses
  const categories = list(query.category, CATEGORIES)
  if (categories.length) f.categories = categories
  const department = first(query.department)
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
 * 4.9: the reviewers sign the whole register); the list's filter — the tab it happened to be on — applies
 * only when the clerk chose it (`subset=1`).
 */
export function printScopeFromQuery(query: Record<string, unknown>): PrintScope {
  const offered = filterFromQuery(query)
  return { offered, subset: first(query.subset) === '1' && hasFilter(offered) }
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
  if (f.departmentId) parts.push(t('filter.department', { value: departmentNames.get(f.departmentId) ?? t('unknownDepartment') }))
  if (f.text?.trim()) parts.push(t('filter.text', { value: f.text.trim() }))
  return parts.join(t('separator'))
}

/** The file name of an export: `接待业主情况记录_2026-11-16_2026-11-22.xlsx`. */
export function exportFileName(range: DateRange, extension: 'xlsx' | 'csv', t: Translate): string {
  const title = t('title').replace(/[\\/:*?"<>|《》]/g, '')
  return range.from === range.to ? `${title}_${range.from}.${extension}` : `${title}_${range.from}_${range.to}.${extension}`
}
