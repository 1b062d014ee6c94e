/**
 * The register as the paper form 《接待业主情况记录》 (篇4 4.2–4.9) and as a spreadsheet for the office
 * (SPEC §6): one row per request, the same cells on paper, in XLSX and in CSV. Also a single
 * request's full record (its timeline), the date ranges offered for printing, and the filter carried
 * from the register list in the address. Pure: texts come in through `t`, the caller's translator.
 */
import { phoneForViewer } from '@shared/domain/archive'
import type { RegisterColumn } from '@client/components/print-forms'
import { customerNameWithHonorific, type Reception } from '@shared/domain/reception'
import type { ReceptionEvent, EventType } from '@shared/domain/reception-event'
import { receptionState, sortEvents, type ReceptionState } from '@shared/domain/reception-status'
import { defaultSettings } from '@shared/domain/settings'
import { formatDateTime } from '@shared/domain/time'
import type { Translate } from '@client/locales/translate'
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
export function stateOf(entry: RegisterEntry, ctx: Pick<RegisterContext, 'complaintDeadlineHours'>): ReceptionState {
  const r = entry.reception
  return receptionState(r, entry.events, r.receivedAt, { ...defaultSettings(r.siteId), complaintDeadlineHours: ctx.complaintDeadlineHours })
}

export function nameOf(ctx: RegisterContext, staffId: string): string {
  return ctx.staffNames.get(staffId) ?? ctx.t('unknownStaff')
}

export function departmentOf(ctx: RegisterContext, id: string | null): string {
  return (id && ctx.departmentNames.get(id)) || ctx.t('unknownDepartment')
}

/** 来访方式; a relayed request names the post (篇4 4.2). */
export function channelText(r: Reception, ctx: RegisterContext): string {
  return r.channel === 'relayed' && r.relayedBy.trim() ? ctx.t('relayedBy', { post: r.relayedBy.trim() }) : ctx.t(`channels.${r.channel}`)
}

/** 事由 with its category and channel in brackets, as on paper: `厨房水龙头漏水(报修·来电)`. */
export function matterText(r: Reception, ctx: RegisterContext): string {
  return ctx.t('matter', { matter: r.matter, category: ctx.t(`categories.${r.category}`), channel: channelText(r, ctx) })
}

export function customerText(r: Reception, ctx: RegisterContext): string {
  const name = customerNameWithHonorific(r.customerName, r.honorific, ctx.t)
  const phone = phoneForViewer(r.phone, ctx.fullPhones)
  return name && phone ? `${name} / ${phone}` : name || phone
}

/** Steps that say how the handling went (corrections and signatures are not handling). */
const STEP_TYPES: readonly EventType[] = ['followUp', 'departmentDone', 'answered', 'returnVisit', 'handedOver', 'takenOver']

/**
 * 处理情况及结果 (篇4 4.5–4.8) in one cell: to which department it went (篇4 4.6), who took it over (篇4 4.7
 * supervisor, 篇4 4.8 manager), then the result with who recorded it — or 无法处理已关闭 with the reason
 * (篇4 3.3.3, 4.8) — and the return visit (篇3 五); while unresolved, the latest step of the timeline;
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
