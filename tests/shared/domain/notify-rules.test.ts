/**
 * The server's time rules (issue 15 point 1), table-driven on an injected clock: the 48 h and 7 d edges as the
 * tablet draws them, the complaint's 2 h warning and its 24 h deadline, time zones for the reviews' morning,
 * duty-log matters reported up while open; every event keyed once per rule, record and level; no phone or
 * full name in what an event carries.
 */
import { describe, expect, it } from 'vitest'
import type { DutyEntry } from '@shared/domain/duty-log'
import { dutyEvents, handoverEvents, requestEvents, requestSummary, reviewEvents, rosterEvents } from '@shared/domain/notify-rules'
import { at as sh, dayAndNight, keyOf } from '../../factories/duty'
import { makeStep, makeVersion } from '../../factories/roster'
import { holdsPhone } from '@shared/domain/access-trail'
import { defaultSettings } from '@shared/domain/settings'
import { HOUR, instantAt, MINUTE } from '@shared/domain/time'
import { makeEvent, makeReception, nextId, SITE, T0 } from '../../factories/register-print'

const settings = defaultSettings(SITE)
const keys = (events: { key: string }[]): string[] => events.map((e) => e.key).sort()

describe('requestEvents', () => {
  const r = makeReception({ receivedAt: T0, category: 'repair' })
  const complaint = makeReception({ receivedAt: T0, category: 'complaint' })
  it.each([
    { name: '47:59:59.999 open: nothing yet', request: r, events: [], at: T0 + 48 * HOUR - 1, rules: [] },
    { name: 'exactly 48 h: still the desk’s (strictly more, as the tablet)', request: r, events: [], at: T0 + 48 * HOUR, rules: [] },
    { name: '48 h and 1 ms: to the supervisor', request: r, events: [], at: T0 + 48 * HOUR + 1, rules: ['requestToSupervisor'] },
    { name: '7 days and 1 ms: to the supervisor and the manager', request: r, events: [], at: T0 + 168 * HOUR + 1, rules: ['requestToManager', 'requestToSupervisor'] },
    { name: 'resolved before: nothing however old', request: r, events: [makeEvent(r, 'result', T0 + HOUR)], at: T0 + 500 * HOUR, rules: [] },
    { name: 'a complaint with 2 h left: the warning', request: complaint, events: [], at: T0 + 22 * HOUR, rules: ['complaintDueSoon'] },
    { name: 'a complaint with 2 h and 1 ms left: nothing yet', request: complaint, events: [], at: T0 + 22 * HOUR - 1, rules: [] },
    { name: 'a complaint past 24 h: overdue, no more a warning', request: complaint, events: [], at: T0 + 24 * HOUR + 1, rules: ['complaintOverdue'] },
    { name: 'a complaint answered in time: nothing for it, but it still escalates unresolved', request: complaint, events: [makeEvent(complaint, 'answered', T0 + HOUR)], at: T0 + 49 * HOUR, rules: ['requestToSupervisor'] },
  ])('$name', ({ request, events, at, rules }) => {
    expect(requestEvents([{ reception: request, events }], at, settings).map((e) => e.rule).sort()).toEqual(rules)
  })

  it('keys each event by rule, request and level, with when its time passed and a link', () => {
    const [e] = requestEvents([{ reception: r, events: [] }], T0 + 49 * HOUR, settings)
    expect(e).toEqual({
      key: `requestToSupervisor:${r.id}:supervisor`,
      siteId: SITE,
      rule: 'requestToSupervisor',
      level: 'supervisor',
      subjectTable: 'receptions',
      subjectId: r.id,
      dueAt: T0 + 48 * HOUR,
      room: '3-2-1101',
      summary: '厨房水龙头漏水',
      link: `/register/${r.id}`,
    })
    // The same instant again, or later, gives the same key: notified once.
    expect(keys(requestEvents([{ reception: r, events: [] }], T0 + 60 * HOUR, settings))).toEqual([e!.key])
  })

  it('follows the site’s own thresholds', () => {
    const site = { ...settings, supervisorEscalationHours: 24, managerEscalationHours: 72 }
    expect(requestEvents([{ reception: r, events: [] }], T0 + 73 * HOUR, site).map((e) => e.rule).sort()).toEqual(['requestToManager', 'requestToSupervisor'])
  })
})

describe('requestSummary', () => {
  it.each([
    [{ matter: '业主王建国来电,13812345678,厨房漏水', customerName: '王建国', honorific: 'mr' as const }, '业主王先生来电,138****5678,厨房漏水'],
    [{ matter: '门禁卡失灵', customerName: '', honorific: 'none' as const }, '门禁卡失灵'],
    [{ matter: '一'.repeat(60), customerName: '', honorific: 'none' as const }, `${'一'.repeat(39)}…`],
  ])('%o → %s', (r, text) => {
    expect(requestSummary(r)).toBe(text)
    expect(holdsPhone(requestSummary(r))).toBe(false)
  })
})

const entry = (o: Partial<DutyEntry>): DutyEntry => ({
  id: nextId(),
  siteId: SITE,
  shiftKey: '2026-11-16/01930000-0000-7000-8000-0000000000f1',
  kind: 'entry',
  at: T0,
  source: 'call',
  content: '3 号楼电梯困人,业主 13812345678',
  urgency: 'emergency',
  action: '已通知维保',
  notified: '赵主管',
  followUp: false,
  escalation: 'supervisor',
  staffId: '01930000-0000-7000-8000-0000000000a1',
  correctsId: null,
  resolvesFollowUp: false,
  paperRef: '',
  createdAt: T0,
  ...o,
})

describe('dutyEvents', () => {
  it('reports matters to whom they were reported, a no-show as its own rule — never what was written', () => {
    const up = entry({})
    const admin = entry({ escalation: 'administrator' })
    const noShow = entry({ kind: 'noShow', content: '', escalation: 'supervisor' })
    const quiet = entry({ escalation: 'none' })
    const events = dutyEvents([up, admin, noShow, quiet], SITE)
    expect(events.map((e) => [e.rule, e.level, e.subjectId]).sort()).toEqual(
      [
        ['dutyMatterReported', 'supervisor', up.id],
        ['dutyMatterReported', 'administrator', admin.id],
        ['noShow', 'supervisor', noShow.id],
      ].sort(),
    )
    expect(JSON.stringify(events)).not.toMatch(/电梯|1381234/)
    expect(events[0]).toMatchObject({ summary: '2026-11-16', link: '/duty-log?date=2026-11-16&shift=01930000-0000-7000-8000-0000000000f1', dueAt: T0 })
  })
})

describe('reviewEvents', () => {
  const SH = 'Asia/Shanghai'
  const at = (date: string, time: string, tz = SH): number => instantAt(date, time, tz)
  it.each([
    { name: 'yesterday’s reviews at 08:59 Shanghai: not overdue yet', now: at('2026-11-17', '08:59'), tz: SH, want: [] },
    {
      name: 'at 09:00 Shanghai: the register’s and the duty log’s daily reviews of yesterday',
      now: at('2026-11-17', '09:00'),
      tz: SH,
      want: ['reviewOverdue:dutyLogDaily/2026-11-16:supervisor', 'reviewOverdue:registerDaily/2026-11-16:supervisor'],
    },
    { name: 'the same instant on a site in London (01:00 there): not yet', now: at('2026-11-17', '09:00'), tz: 'Europe/London', want: [] },
    {
      name: 'Tuesday 09:00 after a week without the manager’s review: the week too',
      now: at('2026-11-24', '09:00'),
      tz: SH,
      want: expect.arrayContaining(['reviewOverdue:registerWeekly/2026-11-16:manager']),
    },
  ])('$name', ({ now, tz, want }) => {
    expect(keys(reviewEvents([], now, tz, '2026-11-16', SITE))).toEqual(want)
  })

  it('a done review is not overdue', () => {
    const done = [
      { kind: 'registerDaily' as const, period: '2026-11-16' },
      { kind: 'dutyLogDaily' as const, period: '2026-11-16' },
    ]
    expect(reviewEvents(done, at('2026-11-17', '10:00'), SH, '2026-11-16', SITE)).toEqual([])
    expect(reviewEvents([], at('2026-11-17', '10:00') + MINUTE, SH, '2026-11-17', SITE)).toEqual([])
  })
})

describe('handoverEvents', () => {
  const { day, night, shifts } = dayAndNight(SITE)
  const started = (key: string): DutyEntry => entry({ kind: 'dutyStart', shiftKey: key, escalation: 'none', content: '' })
  const dayKey = keyOf(day, '2026-11-16')
  it.each([
    { name: 'the day shift ended at 20:00, not handed over at 20:14:59', now: sh('2026-11-16', '20:15') - 1, handed: [], want: [] },
    { name: 'at 20:15: late, to the supervisor', now: sh('2026-11-16', '20:15'), handed: [], want: [`handoverLate:${dayKey}:supervisor`] },
    { name: 'handed over: nothing', now: sh('2026-11-16', '21:00'), handed: [{ fromShiftKey: dayKey }], want: [] },
    { name: 'two days on: no longer looked at', now: sh('2026-11-18', '20:01'), handed: [], want: [] },
  ])('$name', ({ now, handed, want }) => {
    expect(keys(handoverEvents([started(dayKey)], handed, shifts, now, 'Asia/Shanghai', SITE))).toEqual(want)
  })

  it('a shift nobody stood is not late; the night shift ends the next morning', () => {
    const nightKey = keyOf(night, '2026-11-16')
    expect(handoverEvents([], [], shifts, sh('2026-11-17', '12:00'), 'Asia/Shanghai', SITE)).toEqual([])
    const [e] = handoverEvents([started(nightKey)], [], shifts, sh('2026-11-17', '08:15'), 'Asia/Shanghai', SITE)
    expect(e).toMatchObject({ rule: 'handoverLate', dueAt: sh('2026-11-17', '08:15'), summary: '2026-11-16 夜班', link: '/handover' })
  })
})

describe('rosterEvents', () => {
  const december = makeVersion({ siteId: SITE, month: '2026-12', at: sh('2026-11-20', '10:00') })
  const november = makeVersion({ siteId: SITE, month: '2026-11', at: sh('2026-10-20', '10:00') })
  it.each([
    { name: 'the 24th: nothing yet', versions: [november], now: sh('2026-11-24', '12:00'), want: [] },
    { name: 'the 25th before 09:00: nothing yet', versions: [november], now: sh('2026-11-25', '08:59'), want: [] },
    { name: 'the 25th at 09:00: the administrator is reminded', versions: [november], now: sh('2026-11-25', '09:00'), want: ['rosterNotSubmitted:2026-12:administrator'] },
    { name: 'the 26th: the supervisor hears of it too', versions: [november], now: sh('2026-11-26', '00:00'), want: ['rosterNotSubmitted:2026-12:administrator', 'rosterNotSubmitted:2026-12:supervisor'] },
    { name: 'submitted: nothing', versions: [november, december], now: sh('2026-11-26', '10:00'), want: [] },
    { name: 'a site that keeps no roster here: nothing', versions: [], now: sh('2026-11-26', '10:00'), want: [] },
  ])('$name', ({ versions, now, want }) => {
    expect(keys(rosterEvents(versions, [], now, 'Asia/Shanghai', SITE))).toEqual(want)
  })

  it('a returned draft is not submitted', () => {
    expect(keys(rosterEvents([november, december], [makeStep(december, 'return')], sh('2026-11-26', '10:00'), 'Asia/Shanghai', SITE))).toHaveLength(2)
  })
})
