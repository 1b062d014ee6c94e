import { describe, expect, it } from 'vitest'
import type { Category, Reception } from '@shared/domain/reception'
import type { EventType, ReceptionEvent } from '@shared/domain/reception-event'
import { escalationLevel, liveState, receptionState, sortEvents, type EscalationLevel, type Status } from '@shared/domain/reception-status'
import { defaultSettings, type Settings } from '@shared/domain/settings'
import { HOUR, MINUTE, instantAt, localDate } from '@shared/domain/time'

const SITE = '01930000-0000-7000-8000-000000000001'
const RECEIVER = '01930000-0000-7000-8000-0000000000a1'
const SUPERVISOR = '01930000-0000-7000-8000-0000000000a2'
const MANAGER = '01930000-0000-7000-8000-0000000000a3'
const ENGINEERING = '01930000-0000-7000-8000-0000000000d1'
const SECURITY = '01930000-0000-7000-8000-0000000000d2'
/** 2026-11-27 10:00 in Shanghai. */
const T0 = Date.UTC(2026, 10, 27, 2)
const SETTINGS = defaultSettings(SITE)
const FAST: Settings = { ...SETTINGS, supervisorEscalationHours: 24, managerEscalationHours: 72 }

function reception(overrides: Partial<Reception> = {}): Reception {
  return {
    id: '01930000-0000-7000-8000-0000000000f1',
    siteId: SITE,
    ref: '20261127-A001',
    receivedAt: T0,
    channel: 'visit',
    receiverId: RECEIVER,
    relayedBy: '',
    room: '3-2-1101',
    roomId: null,
    customerId: null,
    customerName: '王建国',
    honorific: 'mr',
    phone: '13812345678',
    matter: '厨房水管漏水',
    category: 'enquiry',
    urgency: 'normal',
    createdAt: T0,
    ...overrides,
  }
}

let counter = 0
/** Ids sort in the order events are made here, as UUIDv7 ids do. */
function nextId(): string {
  return `01930000-0000-7000-8000-${String(++counter).padStart(12, '0')}`
}

function ev(type: EventType, at: number, overrides: Partial<ReceptionEvent> = {}): ReceptionEvent {
  return {
    id: nextId(),
    siteId: SITE,
    receptionId: reception().id,
    type,
    at,
    staffId: RECEIVER,
    note: '已处理',
    departmentId: null,
    assignee: '',
    satisfaction: type === 'returnVisit' ? 'satisfied' : null,
    level: type === 'takenOver' ? 'supervisor' : null,
    correction: null,
    signatureId: null,
    createdAt: at,
    ...overrides,
  }
}

const h = (hours: number): number => T0 + hours * HOUR

type Step = [EventType, number, Partial<ReceptionEvent>?]
const build = (steps: Step[]): ReceptionEvent[] => steps.map(([type, hours, o]) => ev(type, h(hours), o))

describe('receptionState: status for every timeline shape', () => {
  it.each<{ name: string; category?: Category; steps: Step[]; status: Status; resolved: boolean; departmentId?: string | null }>([
    { name: 'nothing yet', steps: [], status: 'open', resolved: false },
    { name: 'a follow-up only', steps: [['followUp', 1]], status: 'open', resolved: false },
    { name: 'answered but not resolved', category: 'complaint', steps: [['answered', 1]], status: 'open', resolved: false },
    { name: 'taken over only', steps: [['takenOver', 50, { staffId: SUPERVISOR }]], status: 'open', resolved: false },
    { name: 'signed only', steps: [['signed', 0, { signatureId: SITE }]], status: 'open', resolved: false },
    { name: 'handed to engineering', steps: [['handedOver', 1, { departmentId: ENGINEERING }]], status: 'withDepartment', resolved: false, departmentId: ENGINEERING },
    {
      name: 'handed over, the department reports done: its report is the result',
      steps: [
        ['handedOver', 1, { departmentId: ENGINEERING }],
        ['departmentDone', 5],
      ],
      status: 'closed',
      resolved: true,
      departmentId: null,
    },
    {
      name: 'a repair the department reports done waits for the return visit at once',
      category: 'repair',
      steps: [
        ['handedOver', 1, { departmentId: ENGINEERING }],
        ['departmentDone', 5],
      ],
      status: 'awaitingVisit',
      resolved: true,
      departmentId: null,
    },
    {
      name: 'a repair the department reports done, then visited, without a result of the desk',
      category: 'repair',
      steps: [
        ['handedOver', 1, { departmentId: ENGINEERING }],
        ['departmentDone', 5],
        ['returnVisit', 30],
      ],
      status: 'closed',
      resolved: true,
      departmentId: null,
    },
    {
      name: 'done by engineering, then handed on to security: with security again',
      steps: [
        ['handedOver', 1, { departmentId: ENGINEERING }],
        ['departmentDone', 5],
        ['handedOver', 6, { departmentId: SECURITY }],
      ],
      status: 'withDepartment',
      resolved: false,
      departmentId: SECURITY,
    },
    {
      name: 'handed twice, done after the latest',
      steps: [
        ['handedOver', 1, { departmentId: ENGINEERING }],
        ['handedOver', 2, { departmentId: SECURITY }],
        ['departmentDone', 3],
      ],
      status: 'closed',
      resolved: true,
      departmentId: null,
    },
    { name: 'department done without a hand-over does not count', steps: [['departmentDone', 1]], status: 'open', resolved: false },
    { name: 'an enquiry answered with a result', steps: [['result', 1]], status: 'closed', resolved: true },
    { name: 'a suggestion with a result', category: 'suggestion', steps: [['result', 1]], status: 'closed', resolved: true },
    { name: 'a repair with a result waits for the return visit', category: 'repair', steps: [['result', 1]], status: 'awaitingVisit', resolved: true },
    {
      name: 'a repair visited afterwards',
      category: 'repair',
      steps: [
        ['result', 1],
        ['returnVisit', 30],
      ],
      status: 'closed',
      resolved: true,
    },
    { name: 'a complaint with a result waits for the return visit', category: 'complaint', steps: [['result', 1]], status: 'awaitingVisit', resolved: true },
    {
      name: 'a complaint visited afterwards',
      category: 'complaint',
      steps: [
        ['answered', 1],
        ['result', 10],
        ['returnVisit', 30],
      ],
      status: 'closed',
      resolved: true,
    },
    {
      name: 'handed over, done, result on a repair: awaiting the visit, no longer with the department',
      category: 'repair',
      steps: [
        ['handedOver', 1, { departmentId: ENGINEERING }],
        ['departmentDone', 5],
        ['result', 6],
      ],
      status: 'awaitingVisit',
      resolved: true,
      departmentId: null,
    },
    { name: 'closed as unresolvable', steps: [['closedUnresolvable', 200, { staffId: MANAGER }]], status: 'unresolvable', resolved: true },
    {
      name: 'closed as unresolvable after a result: unresolvable wins',
      category: 'repair',
      steps: [
        ['result', 10],
        ['closedUnresolvable', 200, { staffId: MANAGER }],
      ],
      status: 'unresolvable',
      resolved: true,
    },
    {
      name: 'a result after closing as unresolvable: unresolvable still wins',
      steps: [
        ['closedUnresolvable', 200, { staffId: MANAGER }],
        ['result', 210],
        ['returnVisit', 220],
      ],
      status: 'unresolvable',
      resolved: true,
    },
    {
      name: 'with a department when closed as unresolvable: department cleared',
      steps: [
        ['handedOver', 1, { departmentId: ENGINEERING }],
        ['closedUnresolvable', 200, { staffId: MANAGER }],
      ],
      status: 'unresolvable',
      resolved: true,
      departmentId: null,
    },
    {
      name: 'an enquiry corrected to a repair after its result now waits for a visit',
      steps: [
        ['result', 1],
        ['correction', 2, { correction: { category: 'repair' } }],
      ],
      status: 'awaitingVisit',
      resolved: true,
    },
    {
      name: 'a repair corrected to an enquiry no longer waits for a visit',
      category: 'repair',
      steps: [
        ['result', 1],
        ['correction', 2, { correction: { category: 'enquiry' } }],
      ],
      status: 'closed',
      resolved: true,
    },
    {
      name: 'corrections applied in order: repair, then back to enquiry',
      steps: [
        ['result', 1],
        ['correction', 2, { correction: { category: 'repair' } }],
        ['correction', 3, { correction: { category: 'enquiry' } }],
      ],
      status: 'closed',
      resolved: true,
    },
    {
      name: 'corrections applied in the order they happened, not as listed',
      steps: [
        ['result', 1],
        ['correction', 3, { correction: { category: 'repair' } }],
        ['correction', 2, { correction: { category: 'enquiry' } }],
      ],
      status: 'awaitingVisit',
      resolved: true,
    },
  ])('$name → $status', ({ category, steps, status, resolved, departmentId }) => {
    const state = receptionState(reception({ category: category ?? 'enquiry' }), build(steps), h(1000), SETTINGS)
    expect(state.status).toBe(status)
    expect(state.resolved).toBe(resolved)
    if (departmentId !== undefined) expect(state.departmentId).toBe(departmentId)
  })

  it('the department’s report resolves it until the desk records its own result (篇4 4.6)', () => {
    const r = reception({ category: 'repair' })
    const reported = build([
      ['handedOver', 1, { departmentId: ENGINEERING }],
      ['departmentDone', 5],
    ])
    expect(receptionState(r, reported, h(100), SETTINGS)).toMatchObject({ status: 'awaitingVisit', resolved: true, resolvedAt: h(5), byDepartment: true, level: 'desk' })
    const confirmed = [...reported, ev('result', h(8))]
    expect(receptionState(r, confirmed, h(100), SETTINGS)).toMatchObject({ status: 'awaitingVisit', resolved: true, resolvedAt: h(8), byDepartment: false })
    const handedOn = [...reported, ev('handedOver', h(6), { departmentId: SECURITY })]
    expect(receptionState(r, handedOn, h(100), SETTINGS)).toMatchObject({ status: 'withDepartment', resolved: false, resolvedAt: null, byDepartment: false, departmentId: SECURITY })
    expect(receptionState(r, [...reported, ev('closedUnresolvable', h(9), { staffId: MANAGER })], h(100), SETTINGS)).toMatchObject({ status: 'unresolvable', byDepartment: false })
  })

  it('a complaint the department resolves is answered by its report (篇3 五)', () => {
    const r = reception({ category: 'complaint' })
    const onTime = build([['handedOver', 1, { departmentId: ENGINEERING }], ['departmentDone', 20]])
    expect(receptionState(r, onTime, h(100), SETTINGS)).toMatchObject({ answeredAt: h(20), overdue: false, answeredLate: false })
    const late = build([['handedOver', 1, { departmentId: ENGINEERING }], ['departmentDone', 30]])
    expect(receptionState(r, late, h(100), SETTINGS)).toMatchObject({ answeredAt: h(30), overdue: false, answeredLate: true })
  })

  it('resolvedAt is the latest result, or the unresolvable closing, or null', () => {
    expect(receptionState(reception(), [], h(5), SETTINGS).resolvedAt).toBeNull()
    expect(receptionState(reception(), build([['result', 2], ['result', 4]]), h(5), SETTINGS).resolvedAt).toBe(h(4))
    expect(receptionState(reception(), build([['result', 2], ['closedUnresolvable', 3]]), h(5), SETTINGS).resolvedAt).toBe(h(3))
  })

  it('applies every correction in order without touching the registered request', () => {
    const registered = reception()
    const events = build([
      ['correction', 3, { correction: { room: '3-2-1102', phone: '13900000000' } }],
      ['correction', 1, { correction: { room: '3-2-1103', customerName: '王建军' } }],
      ['correction', 2, { correction: { urgency: 'urgent' } }],
    ])
    const { current } = receptionState(registered, events, h(5), SETTINGS)
    expect(current).toMatchObject({ room: '3-2-1102', phone: '13900000000', customerName: '王建军', urgency: 'urgent', matter: registered.matter })
    expect(registered).toEqual(reception())
  })

  it.each<{ name: string; steps: Step[]; owner: string }>([
    { name: 'the receiver while nobody took over', steps: [['handedOver', 1, { departmentId: ENGINEERING }]], owner: RECEIVER },
    { name: 'the supervisor who took over', steps: [['takenOver', 49, { staffId: SUPERVISOR }]], owner: SUPERVISOR },
    {
      name: 'the manager who took over after the supervisor',
      steps: [
        ['takenOver', 49, { staffId: SUPERVISOR }],
        ['takenOver', 170, { staffId: MANAGER, level: 'manager' }],
      ],
      owner: MANAGER,
    },
    {
      name: 'the latest take-over by time, whatever the order listed',
      steps: [
        ['takenOver', 170, { staffId: MANAGER, level: 'manager' }],
        ['takenOver', 49, { staffId: SUPERVISOR }],
      ],
      owner: MANAGER,
    },
  ])('ownerId is $name', ({ steps, owner }) => {
    expect(receptionState(reception(), build(steps), h(200), SETTINGS).ownerId).toBe(owner)
  })

  it('lastEventAt is the latest event, or when it was received', () => {
    expect(receptionState(reception(), [], h(5), SETTINGS).lastEventAt).toBe(T0)
    expect(receptionState(reception(), build([['followUp', 4], ['followUp', 2]]), h(5), SETTINGS).lastEventAt).toBe(h(4))
  })
})

describe('sortEvents', () => {
  it('orders by when it happened, then by id (the order entered), and leaves the input alone', () => {
    const a = ev('followUp', h(2))
    const b = ev('followUp', h(1))
    const c = ev('followUp', h(2))
    const d = ev('followUp', h(0.5))
    const input = [c, a, b, d]
    expect(sortEvents(input).map((e) => e.id)).toEqual([d.id, b.id, a.id, c.id])
    expect(input).toEqual([c, a, b, d])
  })

  it('breaks a tie at the same instant by id: the later-entered take-over owns it', () => {
    const first = ev('takenOver', h(50), { staffId: SUPERVISOR })
    const second = ev('takenOver', h(50), { staffId: MANAGER, level: 'manager' })
    expect(receptionState(reception(), [second, first], h(60), SETTINGS).ownerId).toBe(MANAGER)
    expect(receptionState(reception(), [first, second], h(60), SETTINGS).ownerId).toBe(MANAGER)
  })
})

describe('escalationLevel: 篇4 4.7 open > 2 days → supervisor, 4.8 open > 7 days → manager', () => {
  const ms = (hours: number, minutes = 0, seconds = 0, millis = 0): number => hours * HOUR + minutes * MINUTE + seconds * 1000 + millis
  it.each<{ name: string; open: number; settings: Settings; level: EscalationLevel }>([
    { name: 'just received', open: 0, settings: SETTINGS, level: 'desk' },
    { name: '47:59:59.999', open: ms(47, 59, 59, 999), settings: SETTINGS, level: 'desk' },
    { name: 'exactly 48:00 (not yet > 2 days)', open: ms(48), settings: SETTINGS, level: 'desk' },
    { name: '48:00:00.001', open: ms(48, 0, 0, 1), settings: SETTINGS, level: 'supervisor' },
    { name: '3 days', open: ms(72), settings: SETTINGS, level: 'supervisor' },
    { name: '167:59:59.999', open: ms(167, 59, 59, 999), settings: SETTINGS, level: 'supervisor' },
    { name: 'exactly 168:00 (not yet > 7 days)', open: ms(168), settings: SETTINGS, level: 'supervisor' },
    { name: '168:00:00.001', open: ms(168, 0, 0, 1), settings: SETTINGS, level: 'manager' },
    { name: '90 days', open: ms(90 * 24), settings: SETTINGS, level: 'manager' },
    { name: 'now before receivedAt (a clock behind)', open: -ms(0, 10), settings: SETTINGS, level: 'desk' },
    { name: '24 h site: exactly 24:00', open: ms(24), settings: FAST, level: 'desk' },
    { name: '24 h site: 24:00:00.001', open: ms(24, 0, 0, 1), settings: FAST, level: 'supervisor' },
    { name: '24 h site: 47:59 is already the supervisor', open: ms(47, 59), settings: FAST, level: 'supervisor' },
    { name: '72 h site: exactly 72:00', open: ms(72), settings: FAST, level: 'supervisor' },
    { name: '72 h site: 72:00:00.001', open: ms(72, 0, 0, 1), settings: FAST, level: 'manager' },
  ])('$name → $level', ({ open, settings, level }) => {
    expect(escalationLevel(T0, T0 + open, settings)).toBe(level)
  })
})

describe('receptionState: escalation counts while unresolved, and stops when resolved', () => {
  it.each<{ name: string; steps: Step[]; now: number; settings?: Settings; level: EscalationLevel }>([
    { name: 'open 47 h', steps: [], now: 47, level: 'desk' },
    { name: 'open 50 h', steps: [], now: 50, level: 'supervisor' },
    { name: 'open 200 h', steps: [], now: 200, level: 'manager' },
    { name: 'with a department 50 h', steps: [['handedOver', 1, { departmentId: ENGINEERING }]], now: 50, level: 'supervisor' },
    { name: 'answered (not resolved) keeps counting', steps: [['answered', 1]], now: 170, level: 'manager' },
    { name: 'taken over keeps counting', steps: [['takenOver', 49, { staffId: SUPERVISOR }]], now: 170, level: 'manager' },
    { name: 'resolved after 47 h stays desk', steps: [['result', 47]], now: 5000, level: 'desk' },
    { name: 'resolved exactly at 48 h stays desk', steps: [['result', 48]], now: 5000, level: 'desk' },
    { name: 'resolved after 50 h stays supervisor forever, never manager', steps: [['result', 50]], now: 5000, level: 'supervisor' },
    { name: 'closed unresolvable after 170 h stays manager', steps: [['closedUnresolvable', 170]], now: 5000, level: 'manager' },
    { name: 'a repair awaiting its visit no longer escalates', steps: [['result', 10]], now: 5000, level: 'desk' },
    { name: 'open 30 h on a 24 h / 72 h site', steps: [], now: 30, settings: FAST, level: 'supervisor' },
    { name: 'open 73 h on a 24 h / 72 h site', steps: [], now: 73, settings: FAST, level: 'manager' },
    { name: 'resolved at 30 h on a 24 h / 72 h site', steps: [['result', 30]], now: 5000, settings: FAST, level: 'supervisor' },
  ])('$name → $level', ({ steps, now, settings, level }) => {
    expect(receptionState(reception({ category: 'repair' }), build(steps), h(now), settings ?? SETTINGS).level).toBe(level)
  })
})

describe('篇3 五: a complaint is answered or resolved within 24 hours', () => {
  const facts = (answeredAt: number | null, category: Category = 'complaint') => ({ receivedAt: T0, resolvedAt: null, answeredAt, category })
  const deadline = T0 + 24 * HOUR

  it.each<{ name: string; answeredAt: number | null; now: number; category?: Category; settings?: Settings; overdue: boolean; answeredLate: boolean }>([
    { name: 'answered at 23:59: on time', answeredAt: deadline - MINUTE, now: h(100), overdue: false, answeredLate: false },
    { name: 'answered at exactly 24:00: on time', answeredAt: deadline, now: h(100), overdue: false, answeredLate: false },
    { name: 'answered at 24:00:00.001: late', answeredAt: deadline + 1, now: h(100), overdue: false, answeredLate: true },
    { name: 'not answered, 23:59:59.999 in: not yet overdue', answeredAt: null, now: deadline - 1, overdue: false, answeredLate: false },
    { name: 'not answered, exactly 24:00 in: not yet overdue', answeredAt: null, now: deadline, overdue: false, answeredLate: false },
    { name: 'not answered, 24:00:00.001 in: overdue', answeredAt: null, now: deadline + 1, overdue: true, answeredLate: false },
    { name: 'a repair never answered is never overdue', answeredAt: null, now: h(1000), category: 'repair', overdue: false, answeredLate: false },
    { name: 'an enquiry answered after a week is not late', answeredAt: h(170), now: h(1000), category: 'enquiry', overdue: false, answeredLate: false },
    { name: '12 h site: not answered after 12:00:00.001', answeredAt: null, now: h(12) + 1, settings: { ...SETTINGS, complaintDeadlineHours: 12 }, overdue: true, answeredLate: false },
    { name: '12 h site: answered after 13 h is late', answeredAt: h(13), now: h(20), settings: { ...SETTINGS, complaintDeadlineHours: 12 }, overdue: false, answeredLate: true },
  ])('$name', ({ answeredAt, now, category, settings, overdue, answeredLate }) => {
    expect(liveState(facts(answeredAt, category), now, settings ?? SETTINGS)).toMatchObject({ overdue, answeredLate })
  })

  it.each<{ name: string; category?: Category; steps: Step[]; now: number; overdue: boolean; answeredLate: boolean }>([
    { name: 'a result counts as the answer', steps: [['result', 23]], now: 100, overdue: false, answeredLate: false },
    { name: 'closing as unresolvable counts as the answer', steps: [['closedUnresolvable', 30]], now: 100, overdue: false, answeredLate: true },
    { name: 'only the first answer counts', steps: [['answered', 2], ['result', 40]], now: 100, overdue: false, answeredLate: false },
    { name: 'a follow-up is no answer', steps: [['followUp', 2]], now: 25, overdue: true, answeredLate: false },
    { name: 'a hand-over is no answer', steps: [['handedOver', 1, { departmentId: ENGINEERING }]], now: 25, overdue: true, answeredLate: false },
    { name: 'an enquiry corrected to a complaint is judged from when it was received', category: 'enquiry', steps: [['correction', 20, { correction: { category: 'complaint' } }]], now: 25, overdue: true, answeredLate: false },
    { name: 'a complaint corrected to an enquiry is no longer overdue', steps: [['correction', 20, { correction: { category: 'enquiry' } }]], now: 25, overdue: false, answeredLate: false },
  ])('$name', ({ category, steps, now, overdue, answeredLate }) => {
    expect(receptionState(reception({ category: category ?? 'complaint' }), build(steps), h(now), SETTINGS)).toMatchObject({ overdue, answeredLate })
  })

  it('liveState escalation stops at resolvedAt', () => {
    expect(liveState({ receivedAt: T0, resolvedAt: h(50), answeredAt: h(50), category: 'repair' }, h(5000), SETTINGS).level).toBe('supervisor')
    expect(liveState({ receivedAt: T0, resolvedAt: null, answeredAt: null, category: 'repair' }, h(5000), SETTINGS).level).toBe('manager')
  })
})

describe('escalation is in absolute hours, not calendar days', () => {
  // 23:30 on 2026-11-27 in Shanghai is 15:30 UTC the same day.
  const received = instantAt('2026-11-27', '23:30', 'Asia/Shanghai')

  it('a request at 23:30 local is not escalated at 00:30 two calendar days later (25 h)', () => {
    const twoDaysLater = instantAt('2026-11-29', '00:30', 'Asia/Shanghai')
    expect(localDate(twoDaysLater, 'Asia/Shanghai')).toBe('2026-11-29')
    expect(twoDaysLater - received).toBe(25 * HOUR)
    expect(receptionState(reception({ receivedAt: received }), [], twoDaysLater, SETTINGS).level).toBe('desk')
  })

  it.each(['Asia/Shanghai', 'UTC', 'America/New_York'])('only after 48 real hours, whatever the site timezone (%s)', (timezone) => {
    const settings = { ...SETTINGS, timezone }
    const r = reception({ receivedAt: received })
    expect(receptionState(r, [], instantAt('2026-11-29', '23:30', 'Asia/Shanghai'), settings).level).toBe('desk')
    expect(receptionState(r, [], received + 48 * HOUR, settings).level).toBe('desk')
    expect(receptionState(r, [], received + 48 * HOUR + 1, settings).level).toBe('supervisor')
    expect(receptionState(r, [], received + 168 * HOUR + 1, settings).level).toBe('manager')
  })

  it('a site where clocks change (London, spring forward): 48 wall-clock hours are 47 real ones, still the desk', () => {
    const london = instantAt('2024-03-30', '12:00', 'Europe/London')
    const wall48 = instantAt('2024-04-01', '12:00', 'Europe/London')
    expect(wall48 - london).toBe(47 * HOUR)
    expect(escalationLevel(london, wall48, SETTINGS)).toBe('desk')
    expect(escalationLevel(london, london + 48 * HOUR + 1, SETTINGS)).toBe('supervisor')
  })

  it('the 24-hour complaint deadline is 24 real hours too, across local midnight', () => {
    const r = reception({ receivedAt: received, category: 'complaint' })
    const nextDay2329 = instantAt('2026-11-28', '23:29', 'Asia/Shanghai')
    expect(receptionState(r, [], nextDay2329, SETTINGS).overdue).toBe(false)
    expect(receptionState(r, [], received + 24 * HOUR + 1, SETTINGS).overdue).toBe(true)
  })
})

describe('clock skew: events entered on a tablet whose clock was behind', () => {
  const behind = T0 - 5 * MINUTE

  it('a result stamped before receivedAt still sorts and resolves the request', () => {
    const hand = ev('handedOver', h(1), { departmentId: ENGINEERING })
    const result = ev('result', behind)
    expect(sortEvents([hand, result]).map((e) => e.type)).toEqual(['result', 'handedOver'])
    const state = receptionState(reception(), [hand, result], h(5000), SETTINGS)
    expect(state).toMatchObject({ status: 'closed', resolved: true, resolvedAt: behind, level: 'desk', departmentId: null, overdue: false })
  })

  it('a complaint answered from a tablet behind is on time and never overdue', () => {
    const state = receptionState(reception({ category: 'complaint' }), [ev('answered', behind)], h(100), SETTINGS)
    expect(state).toMatchObject({ status: 'open', overdue: false, answeredLate: false })
  })

  it('a repair resolved and visited from tablets behind waits for, then has, its visit', () => {
    const r = reception({ category: 'repair' })
    const result = ev('result', behind)
    expect(receptionState(r, [result], h(100), SETTINGS).status).toBe('awaitingVisit')
    expect(receptionState(r, [ev('returnVisit', behind - MINUTE), result], h(100), SETTINGS).status).toBe('closed')
  })

  it('a department report stamped before the hand-over (its tablet behind) still counts, as the server accepts it', () => {
    const hand = ev('handedOver', h(1), { departmentId: ENGINEERING })
    const done = ev('departmentDone', h(1) - 3 * MINUTE)
    expect(receptionState(reception(), [hand, done], h(2), SETTINGS)).toMatchObject({ status: 'closed', resolved: true, byDepartment: true, departmentId: null })
  })

  it('a report stamped before a later hand-over belongs to the earlier one: handed on, it is with the next department again', () => {
    const events = [ev('handedOver', h(1), { departmentId: ENGINEERING }), ev('departmentDone', h(2) - 3 * MINUTE), ev('handedOver', h(2), { departmentId: SECURITY })]
    expect(receptionState(reception(), events, h(3), SETTINGS)).toMatchObject({ status: 'withDepartment', departmentId: SECURITY })
  })

  it('the request registered on a tablet whose clock was behind escalates from its own receivedAt', () => {
    const r = reception({ receivedAt: T0 - 10 * MINUTE })
    expect(receptionState(r, [], T0 + 48 * HOUR - 10 * MINUTE, SETTINGS).level).toBe('desk')
    expect(receptionState(r, [], T0 + 48 * HOUR - 10 * MINUTE + 1, SETTINGS).level).toBe('supervisor')
  })
})
