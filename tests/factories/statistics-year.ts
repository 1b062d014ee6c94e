/**
 * A site's year of records for the statistics (issue 16 point 5 and the company benchmark), as the tablets
 * write them and in an order the server's rules accept: staff, a department, the shifts and the checklist
 * first; requests of every category and channel with their timelines — completed by the desk, taken over by
 * the supervisor and the manager, handed to a department, closed unresolvable, left open, complaints answered
 * in time, late or not at all, corrected (a category changed), return visits with satisfaction; the duty log
 * (matters reported up, follow-ups closed later, corrections, no-shows); then each day's handover (some late,
 * some counts off) and the inspections (spot, daily, ad hoc) with their nonconformities. Deterministic for a
 * seed; nothing dated after `now`.
 */
import { shiftKey, type DutyEntry } from '@shared/domain/duty-log'
import type { Handover } from '@shared/domain/handover'
import { newId } from '@shared/domain/ids'
import type { Inspection, InspectionKind, Nonconformity } from '@shared/domain/inspection'
import { defaultInspectionTemplate } from '@shared/domain/inspection-template'
import { CATEGORIES, CHANNELS, type Reception } from '@shared/domain/reception'
import { SATISFACTION, type ReceptionEvent } from '@shared/domain/reception-event'
import type { Role } from '@shared/domain/role'
import type { Signature } from '@shared/domain/signature'
import { addDays, DAY, HOUR, instantAt, localDate, MINUTE } from '@shared/domain/time'
import { makeEntry, makeHandover, TINY_PNG } from './duty-seed'
import { answers } from './inspection'
import { makeShiftType } from './site'
import { random } from '../bench/stats'

/** One record to write, with the mutation that writes it and the staff member it is written as. */
export interface YearWrite {
  name: string
  table: string
  record: { id: string } & Record<string, unknown>
  staffId: string
}

export interface YearSite {
  writes: YearWrite[]
  staff: Record<'assistant' | 'colleague' | 'supervisor' | 'manager', string>
}

const VERIFIER = { algorithm: 'PBKDF2-SHA256', iterations: 210000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }
const TZ = 'Asia/Shanghai'

/**
 * `days` days of a site ending the day before `now`, `perDay` requests a day on average. `adminId` is the
 * site's first administrator (already on the server); the others are written first.
 */
export function statisticsYear(opts: { siteId: string; adminId: string; now: number; days?: number; perDay?: number; seed?: number }): YearSite {
  const { siteId, adminId, now } = opts
  const next = random(opts.seed ?? 16)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!
  const writes: YearWrite[] = []
  const write = (name: string, table: string, record: YearWrite['record'], staffId: string): void => void writes.push({ name, table, record, staffId })
  const staff = { assistant: newId(), colleague: newId(), supervisor: newId(), manager: newId() }
  const names: Record<keyof typeof staff, [string, Role]> = { assistant: ['李娜', 'assistant'], colleague: ['张敏', 'assistant'], supervisor: ['赵主管', 'supervisor'], manager: ['陈经理', 'manager'] }
  for (const who of Object.keys(staff) as (keyof typeof staff)[]) {
    const [name, role] = names[who]
    write('staff.put', 'staff', { id: staff[who], siteId, name, role, departmentId: null, pin: VERIFIER, active: true }, adminId)
  }
  // Beside the suggested departments and shifts a new site starts with (names are unique).
  const department = { id: newId(), siteId, name: '维修组', active: true }
  write('department.put', 'departments', department, adminId)
  const day = makeShiftType({ siteId, code: '日', name: '日间班', start: '08:00', end: '20:00' })
  const night = makeShiftType({ siteId, code: '宵', name: '夜间班', start: '20:00', end: '08:00' })
  for (const s of [day, night]) write('shiftType.put', 'shiftTypes', s, adminId)
  const template = defaultInspectionTemplate(siteId, newId(), staff.supervisor, now - 400 * DAY)
  write('inspectionTemplate.add', 'inspectionTemplates', template, staff.supervisor)

  const last = localDate(now - DAY, TZ)
  const first = addDays(last, -((opts.days ?? 365) - 1))
  const later: YearWrite[] = []
  let requestNo = 0
  for (let date = first; date <= last; date = addDays(date, 1)) {
    // Requests of the day, and their timelines as they stand at `now`.
    const n = Math.round(next() * 2 * (opts.perDay ?? 2))
    for (let i = 0; i < n; i++) {
      const receivedAt = instantAt(date, '08:30', TZ) + Math.floor(next() * 12 * HOUR)
      const channel = pick(CHANNELS)
      const category = next() < 0.3 ? 'repair' : next() < 0.25 ? 'complaint' : pick(CATEGORIES)
      const r: Reception = {
        id: newId(),
        siteId,
        ref: `${date.replaceAll('-', '')}-A${String(++requestNo).padStart(3, '0')}`,
        receivedAt,
        channel,
        receiverId: pick([adminId, staff.assistant, staff.colleague]),
        relayedBy: channel === 'relayed' ? '保安岗' : '',
        room: `${1 + Math.floor(next() * 9)}-${1 + Math.floor(next() * 3)}-${1001 + Math.floor(next() * 20)}`,
        roomId: null,
        customerId: null,
        customerName: '王建国',
        honorific: 'mr',
        phone: '13812345678',
        matter: '厨房水龙头漏水,请尽快安排师傅上门',
        category,
        urgency: next() < 0.1 ? 'urgent' : 'normal',
        createdAt: receivedAt,
      }
      write('reception.create', 'receptions', r, r.receiverId)
      const event = (type: ReceptionEvent['type'], at: number, by: string, extra: Partial<ReceptionEvent> = {}): void => {
        if (at > now) return
        write('receptionEvent.add', 'receptionEvents', { id: newId(), siteId, receptionId: r.id, type, at, staffId: by, note: '已处理', departmentId: null, assignee: '', satisfaction: null, level: null, correction: null, signatureId: null, createdAt: at, ...extra }, by)
      }
      let current = category
      if (next() < 0.05) {
        current = current === 'complaint' ? 'enquiry' : 'complaint'
        event('correction', receivedAt + 5 * MINUTE, adminId, { correction: { category: current } })
      }
      if (current === 'complaint') {
        const a = next()
        if (a < 0.7) event('answered', receivedAt + Math.floor(next() * 20 * HOUR), adminId, { note: '已致电答复业主' })
        else if (a < 0.85) event('answered', receivedAt + 30 * HOUR, adminId, { note: '已致电答复业主' })
      }
      const fate = next()
      let resolvedAt: number | null = null
      if (fate < 0.5) resolvedAt = receivedAt + Math.floor(next() * 47 * HOUR)
      else if (fate < 0.65) {
        event('takenOver', receivedAt + 49 * HOUR, staff.supervisor, { level: 'supervisor', note: '主管接手' })
        resolvedAt = receivedAt + 3 * DAY + Math.floor(next() * 3 * DAY)
      } else if (fate < 0.72) {
        event('takenOver', receivedAt + 7 * DAY + HOUR, staff.manager, { level: 'manager', note: '经理接手' })
        resolvedAt = receivedAt + 8 * DAY + Math.floor(next() * 2 * DAY)
      } else if (fate < 0.77) {
        event('closedUnresolvable', receivedAt + (next() < 0.5 ? 2 * DAY : 8 * DAY), staff.manager, { note: '属开发商遗留问题,已告知业主' })
      } else if (fate < 0.87) {
        event('handedOver', receivedAt + HOUR, adminId, { departmentId: department.id, note: '转维修组' })
        event('followUp', receivedAt + 20 * HOUR, adminId, { note: '维修组已安排' })
        resolvedAt = receivedAt + Math.floor(next() * 5 * DAY)
      }
      // Else left open.
      if (resolvedAt === null || resolvedAt > now) continue
      event('result', resolvedAt, fate < 0.5 ? adminId : fate < 0.65 ? staff.supervisor : fate < 0.72 ? staff.manager : adminId, { note: '已处理完毕' })
      if ((current === 'repair' || current === 'complaint') && next() < 0.7) event('returnVisit', resolvedAt + DAY, adminId, { satisfaction: pick(SATISFACTION), note: '电话回访' })
    }

    // The duty log of the day shift; a follow-up closed the next day; a no-show now and then.
    const key = shiftKey(date, day.id)
    const entryAt = instantAt(date, '10:00', TZ) + Math.floor(next() * 8 * HOUR)
    const escalation = next() < 0.15 ? 'supervisor' : next() < 0.2 ? 'administrator' : 'none'
    const entry: DutyEntry = makeEntry(siteId, { shiftKey: key, at: entryAt, staffId: staff.assistant, escalation, followUp: escalation !== 'none' || next() < 0.2 })
    write('dutyEntry.add', 'dutyEntries', entry, staff.assistant)
    if (next() < 0.1) write('dutyEntry.add', 'dutyEntries', makeEntry(siteId, { shiftKey: key, at: entryAt, staffId: staff.assistant, correctsId: entry.id, escalation: 'none', followUp: false, content: '业主来电咨询停水时间(更正)' }), staff.assistant)
    if (entry.followUp && next() < 0.7 && instantAt(addDays(date, 1), '11:00', TZ) < now) {
      write('dutyEntry.add', 'dutyEntries', makeEntry(siteId, { shiftKey: shiftKey(addDays(date, 1), day.id), at: instantAt(addDays(date, 1), '11:00', TZ), staffId: staff.colleague, correctsId: entry.id, resolvesFollowUp: true, content: '已跟进完毕' }), staff.colleague)
    }
    if (next() < 0.03) write('dutyEntry.add', 'dutyEntries', makeEntry(siteId, { shiftKey: key, at: instantAt(date, '19:50', TZ), staffId: staff.assistant, kind: 'noShow', content: '接班人员未到岗', action: '已报告主管' }), staff.assistant)

    // The day's handover (after every entry is written: a handed-over log takes none), and inspections.
    const { handover, signatures } = makeHandover(siteId, {
      fromShiftKey: key,
      toShiftKey: shiftKey(date, night.id),
      outgoingId: staff.assistant,
      incomingId: staff.colleague,
      outgoingName: '李娜',
      incomingName: '张敏',
      shiftStartsAt: instantAt(date, '20:00', TZ),
      arrivedBefore: next() < 0.1 ? 5 : 20,
      counts: [{ itemId: 'keys', name: '钥匙', kind: 'count', expected: 12, counted: next() < 0.08 ? 11 : 12, note: '', nextReceiptNo: '' }],
    })
    for (const s of signatures) later.push({ name: 'signature.add', table: 'signatures', record: s, staffId: s.signerStaffId! })
    later.push({ name: 'handover.add', table: 'handovers', record: handover as Handover & { id: string }, staffId: staff.colleague })
    const inspect = (kind: InspectionKind, by: string, inspected: string, hhmm: string): void => {
      const at = instantAt(date, hhmm, TZ)
      const fails = next() < 0.25 ? ['a/a1'] : []
      const signature: Signature = { id: newId(), siteId, subjectType: 'inspection', subjectId: '', signerName: '检查人', signerStaffId: by, image: TINY_PNG, signedAt: at }
      const inspection: Inspection = { id: newId(), siteId, templateId: template.id, kind, inspectorId: by, shiftKey: key, inspectedIds: [inspected], at, results: answers(template, fails), summary: '', inspectorSignatureId: signature.id, createdAt: at }
      later.push({ name: 'signature.add', table: 'signatures', record: { ...signature, subjectId: inspection.id }, staffId: by })
      later.push({ name: 'inspection.add', table: 'inspections', record: inspection, staffId: by })
      for (const f of fails) {
        const [itemCode, standardId] = f.split('/') as [string, string]
        const nc: Nonconformity = { id: newId(), siteId, inspectionId: inspection.id, itemCode, standardId, staffId: inspected, finding: '未佩戴胸卡', correction: '当场佩戴', cause: '遗忘', measure: '班前互查', dueDate: addDays(date, 7), at, createdAt: at }
        later.push({ name: 'nonconformity.add', table: 'nonconformities', record: nc, staffId: by })
      }
    }
    if (next() < 0.45) inspect('spot', staff.supervisor, staff.assistant, '10:30')
    if (next() < 0.6) inspect('daily', adminId, staff.colleague, '19:45')
    if (next() < 0.05) inspect('adhoc', staff.manager, staff.assistant, '15:00')
  }
  writes.push(...later)
  return { writes, staff }
}
