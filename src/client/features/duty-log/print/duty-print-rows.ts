/**
 * A shift's printed 客户服务中心值班记录表 as rows of the print frame (篇2 4.2.2: objective, clear,
 * complete — nothing left out): each entry as the log was handed over, marked 更正 when corrected and
 * 补录 with the paper sheet's reference when copied from paper afterwards, a correction made after the
 * handover on a row of its own beneath it (who and when), a follow-up the handover passed on with whom
 * it went to (篇2 4.3.5); the requests registered in
 * the shift's time, from the register (SPEC §2: never typed twice), owner phones masked for whoever
 * may not call owners, as the register print does. Pure: texts come in through `t`.
 */
import { loggedEntries } from '@shared/domain/duty-log'
import type { DutyLogColumn } from '@client/components/print-forms'
import { phoneForViewer } from '@shared/domain/archive'
import { customerNameWithHonorific } from '@shared/domain/reception'
import type { PrintedAck, ShiftPrint } from '@client/features/duty-log/print/duty-print-data'
import type { Translate } from '@client/locales/translate'
import type { OnDutyPerson } from '@shared/domain/duty-roster'
import { printDateTime, printTime } from './print-clock'


export interface DutyPrintContext {
  tz: string
  /** `customer.contact`: phones in full; otherwise masked. */
  fullPhones: boolean
  staffName: (id: string) => string
  t: Translate
}

export type DutyPrintRow = Record<DutyLogColumn, string>

export { printTime } from './print-clock'

/**
 * `t` answering a text asked for again from what it said the first time: a shift's rows ask for the
 * same few words (sources, urgencies, 记录人 of the same clerks, the separator) on every row, and a
 * month is 3,000 rows (issue 17).
 */
function remembered(t: Translate): Translate {
  const said = new Map<string, string>()
  return (key, params) => {
    const k = params ? `${key}\u0000${Object.values(params).join('\u0001')}` : key
    let text = said.get(k)
    if (text === undefined) said.set(k, (text = t(key, params)))
    return text
  }
}

/** The entries table of one shift, by time: entries (latest corrections, no-shows) and registered requests. */
export function shiftRows(shift: ShiftPrint, ctx: DutyPrintContext): DutyPrintRow[] {
  const { tz } = ctx
  const t = remembered(ctx.t)
  const date = shift.window.date
  const byId = new Map(shift.entries.map((e) => [e.id, e]))
  const rows: { at: number; row: DutyPrintRow }[] = []
  const h = shift.handover
  for (const c of loggedEntries(shift.entries, h ? { to: h.incomingId, itemIds: h.acknowledgements.map((a) => a.itemId) } : null)) {
    const e = c.entry
    if (e.kind !== 'entry' && e.kind !== 'noShow') continue
    const root = byId.get(c.rootId) ?? e
    const marks = [
      e.kind === 'noShow' ? t('dutyLogPrint.noShow') : '',
      e.paperRef ? t('dutyLogPrint.paper', { ref: e.paperRef }) : '',
      c.corrected ? t('dutyLogPrint.corrected', { time: printTime(e.createdAt, date, tz), name: ctx.staffName(e.staffId) }) : '',
    ].join('')
    const followUp = [
      c.handedTo ? t('dutyLogPrint.handedTo', { name: ctx.staffName(c.handedTo) }) : e.followUp && !c.resolved ? t('dutyLogPrint.followUpOpen') : '',
      c.resolved ? t('dutyLogPrint.resolved') : '',
      e.escalation !== 'none' ? t('dutyLogPrint.escalated', { to: t(`dutyLogPrint.escalations.${e.escalation}`) }) : '',
    ].filter(Boolean)
    rows.push({
      at: root.at,
      row: {
        time: printTime(root.at, date, tz),
        source: t(`dutyLog.sources.${e.source}`),
        content: `${marks}${e.content}`,
        urgency: t(`register.urgencies.${e.urgency}`),
        action: e.action,
        notified: e.notified,
        followUp: [...followUp, t('dutyLogPrint.recorder', { name: ctx.staffName(root.staffId) })].join(t('dutyLogPrint.separator')),
      },
    })
    // Beneath the entry as signed, in the order made: the same `at` keeps them together (a stable sort).
    for (const late of c.lateCorrections) {
      rows.push({
        at: root.at,
        row: {
          time: printTime(late.at, date, tz),
          source: t(`dutyLog.sources.${late.source}`),
          content: `${t('dutyLogPrint.lateCorrected', { time: printDateTime(late.createdAt, tz), name: ctx.staffName(late.staffId) })}${late.content}`,
          urgency: t(`register.urgencies.${late.urgency}`),
          action: late.action,
          notified: late.notified,
          followUp: t('dutyLogPrint.recorder', { name: ctx.staffName(late.staffId) }),
        },
      })
    }
  }
  for (const r of shift.receptions) {
    const phone = phoneForViewer(r.phone, ctx.fullPhones)
    // 陈女士, as the register shows her (issue 10 point 17); the register's own texts name her.
    const name = customerNameWithHonorific(r.customerName, r.index.honorific ?? 'none', (key, params) => t(`registerPrint.${key}`, params))
    const customer = [name, phone].filter(Boolean).join(' / ')
    rows.push({
      at: r.index.receivedAt,
      row: {
        time: printTime(r.index.receivedAt, date, tz),
        source: t('dutyLogPrint.register'),
        content: t('dutyLogPrint.receptionContent', { ref: r.index.ref, room: r.index.room, customer, matter: r.index.matter }),
        urgency: t(`register.urgencies.${r.index.urgency}`),
        action: '',
        notified: '',
        followUp: [t('dutyLogPrint.status', { status: t(`register.statuses.${r.index.status}`) }), t('dutyLogPrint.recorder', { name: ctx.staffName(r.index.receiverId) })].join(t('dutyLogPrint.separator')),
      },
    })
  }
  return rows.sort((a, b) => a.at - b.at).map((r) => r.row)
}

/**
 * Who was on duty (值班人): with the month's roster approved, its clerks of the shift and whoever took it
 * over off the roster (issue 13 point 4) — a clerk who only logged in is not; without one, who started duty
 * on the shift, else whoever handed it over.
 */
export function onDutyIds(shift: Pick<ShiftPrint, 'rostered' | 'onDuty' | 'handover'>): OnDutyPerson[] {
  if (shift.rostered || shift.onDuty.length) return shift.onDuty
  return shift.handover ? [{ staffId: shift.handover.outgoingId, offRoster: false }] : []
}

/** The 值班人 line of the printed header: names, 非排班接班 marked, and without a roster a note saying so. */
export function onDutyText(shift: Pick<ShiftPrint, 'rostered' | 'onDuty' | 'handover'>, ctx: Pick<DutyPrintContext, 't' | 'staffName'>): string {
  const names = onDutyIds(shift).map((p) => (p.offRoster ? ctx.t('dutyLogPrint.offRoster', { name: ctx.staffName(p.staffId) }) : ctx.staffName(p.staffId)))
  return names.join('、') + (shift.rostered ? '' : ctx.t('dutyLogPrint.noRoster'))
}

/** A pending item the handover acknowledged, in one line: the request or entry it was (篇2 4.3.2 a, b). */
export function ackText(ack: PrintedAck, shiftDate: string, ctx: Pick<DutyPrintContext, 't' | 'tz'>): string {
  const { t } = ctx
  if (ack.reception) return t('dutyLogPrint.handover.itemReception', { ref: ack.reception.ref, room: ack.reception.room, matter: ack.reception.matter })
  if (ack.entry) return t('dutyLogPrint.handover.itemEntry', { time: printTime(ack.entry.at, shiftDate, ctx.tz), content: ack.entry.content })
  return t('dutyLogPrint.handover.missing')
}
