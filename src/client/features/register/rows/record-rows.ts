/**
 * A single request's full record as printed (篇4 4.2–4.9; issue 4 point 7): the registered fields with
 * corrections applied, then every step of its timeline with who and when, signatures named. Pure.
 */
import { phoneForViewer } from '@shared/domain/archive'
import { type Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { sortEvents } from '@shared/domain/reception-status'
import { formatDateTime } from '@shared/domain/time'
import type { RegisterEntry } from '@client/db/register/register-entries'
import { channelText, customerText, departmentOf, matterText, nameOf, stateOf, type RegisterContext } from './register-rows'

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

/** Does the printed record show an owner's phone: the one registered, or one a correction wrote? */
export function recordShowsPhone(entry: RegisterEntry): boolean {
  return !!entry.reception.phone.trim() || entry.events.some((e) => e.type === 'correction' && !!e.correction?.phone?.trim())
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
