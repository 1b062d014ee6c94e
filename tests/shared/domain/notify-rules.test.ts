/**
 * The server's time rules (issue 15 point 1), table-driven on an injected clock: the 48 h and 7 d edges as the
 * tablet draws them, the complaint's 2 h warning and its 24 h deadline, time zones for the reviews' morning,
 * duty-log matters reported up while open; every event keyed once per rule, record and level; no phone or
 * full name in what an event carries.
 */
import { describe, expect, it } from 'vitest'
import type { DutyEntry } from '@shared/domain/duty-log'
import { dutyEvents, requestEvents, requestSummary, reviewEvents } from '@shared/domain/notify-rules'
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

describe('dutyEvents', () => {
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
