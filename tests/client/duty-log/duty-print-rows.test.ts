import { describe, expect, it } from 'vitest'
import { shiftKey, type DutyEntry } from '@shared/domain/duty-log'
import { newId } from '@shared/domain/ids'
import { shiftWindow } from '@shared/domain/shift-type'
import { instantAt } from '@shared/domain/time'
import { createAppI18n } from '@client/modules/i18n'
import { MESSAGES } from '@client/locales/messages'
import type { ShiftPrint } from '@client/features/duty-log/print/duty-print-data'
import { ackText, onDutyIds, onDutyText, shiftRows, type DutyPrintContext } from '@client/features/duty-log/print/duty-print-rows'
import { makeShiftType } from '../../factories/site'
import { makeEntry, makeHandover, makeRegistered } from '../../factories/duty-seed'

const TZ = 'Asia/Shanghai'
const SITE = newId()
const DATE = '2026-11-27'
const night = makeShiftType({ siteId: SITE, name: '夜班', start: '20:00', end: '08:00' })
const KEY = shiftKey(DATE, night.id)
const at = (date: string, hhmm: string): number => instantAt(date, hhmm, TZ)
const li = newId()
const wang = newId()
const names = new Map([
  [li, '李娜'],
  [wang, '王管理'],
])
const i18n = createAppI18n('zh-CN', MESSAGES).global
const t = (key: string, params: Record<string, unknown> = {}): string => i18n.t(key, params)
const ctx = (fullPhones: boolean): DutyPrintContext => ({ tz: TZ, fullPhones, staffName: (id) => names.get(id) ?? '?', t: (k, p) => t(k, p) })

function shift(): ShiftPrint {
  const start = makeEntry(SITE, { shiftKey: KEY, at: at(DATE, '20:00'), staffId: li, kind: 'dutyStart', content: '' })
  const live = makeEntry(SITE, { shiftKey: KEY, at: at(DATE, '21:00'), staffId: li, content: '3栋电梯困人', urgency: 'emergency', action: '通知电梯维保', notified: '维保公司', escalation: 'supervisor' })
  const fixed = { ...live, id: newId(), correctsId: live.id, content: '3栋2号电梯困人', staffId: wang, createdAt: at(DATE, '21:30') }
  const paper = makeEntry(SITE, { shiftKey: KEY, at: at('2026-11-28', '01:10'), staffId: li, paperRef: '纸-0412', followUp: true, content: '巡查发现车库积水' })
  const reg = makeRegistered(SITE, li, at(DATE, '22:15'), DATE, 7)
  return {
    key: KEY,
    window: shiftWindow(night, DATE, TZ),
    entries: [start, live, fixed, paper],
    receptions: [{ index: reg.index, customerName: '王建国', phone: '13812345678' }],
    handover: null,
    acks: [],
    outgoingSignature: null,
    incomingSignature: null,
    rostered: false,
    onDuty: [{ staffId: li, offRoster: false }],
  }
}

describe('shiftRows', () => {
  it('prints the log as it reads now, by time: corrections marked 更正, paper entries 补录 with their reference, requests from the register', () => {
    const rows = shiftRows(shift(), ctx(true))
    expect(rows.map((r) => r.time)).toEqual(['21:00', '22:15', '11-28 01:10'])
    expect(rows[0]).toEqual({
      time: '21:00',
      source: '来电',
      content: '【更正 21:30 王管理】3栋2号电梯困人',
      urgency: '紧急',
      action: '通知电梯维保',
      notified: '维保公司',
      followUp: '已上报客服主管;记录人:李娜',
    })
    expect(rows[1]).toMatchObject({ source: '接待登记', urgency: '一般' })
    expect(rows[1]!.content).toMatch(/^【接待登记 \S+】3-2-1107 /)
    // Named with the honorific, as the register names him (issue 10 point 17).
    expect(rows[1]!.content).toContain('王建国先生 / 13812345678')
    expect(rows[1]!.followUp).toBe('登记状态:待处理;记录人:李娜')
    expect(rows[2]!.content).toBe('【补录·纸质表 纸-0412】巡查发现车库积水')
    expect(rows[2]!.followUp).toBe('待跟进;记录人:李娜')
  })

  it('prints the locked log as handed over: a correction made after it on a row of its own beneath, with who and when; a follow-up passed on says to whom (issue 10 points 3, 22)', () => {
    const s = shift()
    const [, , fixed, paper] = s.entries as [DutyEntry, DutyEntry, DutyEntry, DutyEntry]
    const { handover } = makeHandover(SITE, {
      fromShiftKey: KEY,
      toShiftKey: KEY,
      outgoingId: li,
      incomingId: wang,
      outgoingName: '李娜',
      incomingName: '王管理',
      shiftStartsAt: at('2026-11-28', '08:00'),
      acknowledgements: [{ kind: 'dutyEntry', itemId: paper.id, explanation: '等工程部回复', acknowledgedAt: at('2026-11-28', '07:50') }],
    })
    const late = { ...fixed, id: newId(), correctsId: fixed.id, content: '3栋2号电梯困人,10分钟后救出', staffId: li, afterHandoverId: handover.id, createdAt: at('2026-11-29', '09:10') }
    const rows = shiftRows({ ...s, entries: [...s.entries, late], handover }, ctx(true))
    expect(rows.map((r) => r.time)).toEqual(['21:00', '21:00', '22:15', '11-28 01:10'])
    expect(rows[0]).toMatchObject({ content: '【更正 21:30 王管理】3栋2号电梯困人', followUp: '已上报客服主管;记录人:李娜' })
    expect(rows[1]).toEqual({
      time: '21:00',
      source: '来电',
      content: '【交班后更正 2026-11-29 09:10 李娜】3栋2号电梯困人,10分钟后救出',
      urgency: '紧急',
      action: '通知电梯维保',
      notified: '维保公司',
      followUp: '记录人:李娜',
    })
    expect(rows[3]!.followUp).toBe('已移交王管理;记录人:李娜')
  })

  it('masks owners’ phones for whoever may not call them, as the register print does', () => {
    const rows = shiftRows(shift(), ctx(false))
    expect(rows[1]!.content).toContain('王建国先生 / 138****5678')
    expect(rows[1]!.content).not.toContain('13812345678')
  })

  it('names who was on duty without a roster: who started duty, else who handed over — and says there is no roster', () => {
    const s = shift()
    expect(onDutyIds(s)).toEqual([{ staffId: li, offRoster: false }])
    const { handover } = makeHandover(SITE, { fromShiftKey: KEY, toShiftKey: KEY, outgoingId: wang, incomingId: li, outgoingName: '', incomingName: '', shiftStartsAt: at('2026-11-28', '08:00') })
    expect(onDutyIds({ ...s, onDuty: [], handover })).toEqual([{ staffId: wang, offRoster: false }])
    expect(onDutyText(s, ctx(true))).toBe('李娜(本月排班表尚未批准,值班人按登录记录)')
  })

  it('names the rostered clerks with a roster, one who took over off it marked 非排班接班, and nobody else', () => {
    const s = { ...shift(), rostered: true, onDuty: [{ staffId: li, offRoster: false }, { staffId: wang, offRoster: true }] }
    expect(onDutyText(s, ctx(true))).toBe('李娜、王管理(非排班接班)')
    const { handover } = makeHandover(SITE, { fromShiftKey: KEY, toShiftKey: KEY, outgoingId: wang, incomingId: li, outgoingName: '', incomingName: '', shiftStartsAt: at('2026-11-28', '08:00') })
    // Nobody rostered on the shift: the handover's outgoing clerk is not put in.
    expect(onDutyIds({ ...s, onDuty: [], handover })).toEqual([])
  })

  it('describes an acknowledged pending item by what it was, or says it is no longer on this tablet', () => {
    const s = shift()
    const base = { kind: 'dutyEntry' as const, itemId: newId(), explanation: '', acknowledgedAt: 0 }
    expect(ackText({ ...base, entry: s.entries[3]!, reception: null }, DATE, ctx(true))).toBe('值班记录 11-28 01:10 巡查发现车库积水')
    expect(ackText({ ...base, kind: 'reception', entry: null, reception: s.receptions[0]!.index }, DATE, ctx(true))).toBe(`接待登记 ${s.receptions[0]!.index.ref} 3-2-1107 厨房水龙头漏水`)
    expect(ackText({ ...base, entry: null, reception: null }, DATE, ctx(true))).toBe('(本机已无此记录)')
  })
})
