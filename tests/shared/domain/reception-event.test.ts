import { describe, expect, it } from 'vitest'
import { EVENT_TYPES, ReceptionEventSchema, actionForEvent, eventProblems, type EventProblem, type EventType, type ReceptionEvent } from '@shared/domain/reception-event'
import type { Action } from '@shared/domain/role'
import { problems } from '@shared/domain/validation'

const AT = Date.UTC(2026, 10, 27, 3)

const base: ReceptionEvent = {
  id: '01930000-0000-7000-8000-000000000011',
  siteId: '01930000-0000-7000-8000-000000000012',
  receptionId: '01930000-0000-7000-8000-000000000013',
  type: 'followUp',
  at: AT,
  staffId: '01930000-0000-7000-8000-000000000014',
  note: '',
  departmentId: null,
  assignee: '',
  satisfaction: null,
  level: null,
  correction: null,
  signatureId: null,
  createdAt: AT,
}
const DEPT = '01930000-0000-7000-8000-000000000015'
const SIGNATURE = '01930000-0000-7000-8000-000000000016'

describe('eventProblems per type', () => {
  it.each<{ type: EventType; change?: Partial<ReceptionEvent>; found: EventProblem[] }>([
    // The types that must say something.
    { type: 'result', found: ['noteRequired'] },
    { type: 'result', change: { note: '   ' }, found: ['noteRequired'] },
    { type: 'result', change: { note: '已更换水龙头' }, found: [] },
    { type: 'followUp', found: ['noteRequired'] },
    { type: 'followUp', change: { note: '工程部明早上门' }, found: [] },
    { type: 'answered', found: ['noteRequired'] },
    { type: 'answered', change: { note: '已电话答复业主' }, found: [] },
    { type: 'departmentDone', found: ['noteRequired'] },
    { type: 'departmentDone', change: { note: '已修好' }, found: [] },
    { type: 'closedUnresolvable', found: ['noteRequired'] },
    { type: 'closedUnresolvable', change: { note: '\n' }, found: ['noteRequired'] },
    { type: 'closedUnresolvable', change: { note: '属市政管网,非物业责任' }, found: [] },
    // A hand-over names the department; the note may stay empty.
    { type: 'handedOver', found: ['departmentRequired'] },
    { type: 'handedOver', change: { departmentId: DEPT }, found: [] },
    { type: 'handedOver', change: { departmentId: DEPT, assignee: '张师傅' }, found: [] },
    // A return visit records satisfaction.
    { type: 'returnVisit', found: ['satisfactionRequired'] },
    { type: 'returnVisit', change: { satisfaction: 'satisfied' }, found: [] },
    { type: 'returnVisit', change: { satisfaction: 'dissatisfied', note: '' }, found: [] },
    // A take-over says at which level.
    { type: 'takenOver', found: ['levelRequired'] },
    { type: 'takenOver', change: { level: 'supervisor' }, found: [] },
    { type: 'takenOver', change: { level: 'manager' }, found: [] },
    // A correction changes something.
    { type: 'correction', found: ['correctionEmpty'] },
    { type: 'correction', change: { correction: {} }, found: ['correctionEmpty'] },
    { type: 'correction', change: { correction: { room: '3-2-1102' } }, found: [] },
    { type: 'correction', change: { correction: { category: 'complaint', urgency: 'urgent' } }, found: [] },
    // A signature event points at the signature.
    { type: 'signed', found: ['signatureRequired'] },
    { type: 'signed', change: { signatureId: SIGNATURE }, found: [] },
    // Several problems at once are all reported (only those of the type).
    { type: 'handedOver', change: { note: '', satisfaction: null, level: null }, found: ['departmentRequired'] },
  ])('$type $change → $found', ({ type, change, found }) => {
    expect(eventProblems({ ...base, type, ...change })).toEqual(found)
  })
})

describe('actionForEvent per type', () => {
  const expected: Record<EventType, Action> = {
    result: 'reception.follow',
    handedOver: 'reception.handToDepartment',
    followUp: 'reception.follow',
    departmentDone: 'reception.reportDepartment',
    answered: 'reception.follow',
    returnVisit: 'reception.follow',
    takenOver: 'reception.takeOver',
    closedUnresolvable: 'reception.closeUnresolvable',
    correction: 'reception.follow',
    signed: 'reception.follow',
    carriedOver: 'handover.sign',
  }
  it.each(EVENT_TYPES.map((type) => ({ type, action: expected[type] })))('$type needs $action', ({ type, action }) => {
    expect(actionForEvent(type)).toBe(action)
  })
})

describe('ReceptionEventSchema', () => {
  it.each<{ name: string; change: Partial<ReceptionEvent> }>([
    { name: 'a follow-up', change: { note: '已联系' } },
    { name: 'a hand-over to a named person', change: { type: 'handedOver', departmentId: DEPT, assignee: '张师傅' } },
    { name: 'a return visit', change: { type: 'returnVisit', satisfaction: 'verySatisfied' } },
    { name: 'a manager take-over', change: { type: 'takenOver', level: 'manager' } },
    { name: 'a correction of every correctable field', change: { type: 'correction', correction: { room: '1-1-101', customerName: '李娜', honorific: 'ms', phone: '0571-88886666', matter: '改', category: 'complaint', urgency: 'emergency' } } },
    { name: 'a signature', change: { type: 'signed', signatureId: SIGNATURE } },
    { name: 'an event at instant 0 (any non-negative whole millisecond)', change: { at: 0 } },
  ])('accepts $name', ({ change }) => {
    expect(problems(ReceptionEventSchema, { ...base, ...change })).toEqual([])
  })

  it.each<{ name: string; change: Record<string, unknown>; path: string }>([
    { name: 'an unknown type', change: { type: 'reopened' }, path: '/type' },
    { name: 'a take-over at the desk level', change: { type: 'takenOver', level: 'desk' }, path: '/level' },
    { name: 'an unknown satisfaction', change: { satisfaction: 'happy' }, path: '/satisfaction' },
    { name: 'a correction of the receiver (not correctable)', change: { type: 'correction', correction: { receiverId: base.staffId } }, path: '/correction' },
    { name: 'a correction of receivedAt (not correctable)', change: { type: 'correction', correction: { receivedAt: 0 } }, path: '/correction' },
    { name: 'a correction emptying the matter', change: { type: 'correction', correction: { matter: '' } }, path: '/correction' },
    { name: 'a negative instant', change: { at: -1 }, path: '/at' },
    { name: 'a fractional instant', change: { at: 1.5 }, path: '/at' },
    { name: 'a note over 2000 characters', change: { note: '字'.repeat(2001) }, path: '/note' },
    { name: 'an assignee over 40 characters', change: { assignee: '张'.repeat(41) }, path: '/assignee' },
    { name: 'no reception', change: { receptionId: undefined }, path: '/receptionId' },
    { name: 'a reception that is not an id', change: { receptionId: '20261127-A001' }, path: '/receptionId' },
  ])('refuses $name', ({ change, path }) => {
    const event: Record<string, unknown> = { ...base, ...change }
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete event[k]
    expect(problems(ReceptionEventSchema, event).map((p) => p.path)).toContain(path)
  })
})
