/**
 * The timeline of a registered request (篇4 4.5–4.8; SPEC §1): every step is an append-only event —
 * who, when, what. Nothing is overwritten; a correction is a new event.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'
import { literalUnion } from './literal-union'
import type { Action } from './role'
import { CATEGORIES, HONORIFICS, URGENCIES } from './reception'

export const EVENT_TYPES = [
  /** 处理情况及结果: the desk (篇4 4.5), the department via the desk (篇4 4.6), the supervisor (篇4 4.7) or manager (篇4 4.8) records the result. */
  'result',
  /** 转相关责任部门处理 (篇4 4.6): handed to a department, optionally a named person. */
  'handedOver',
  /** 跟踪处理情况 (篇4 4.6, 篇5 3/6): a follow-up note. */
  'followUp',
  /** The department reports the work done (篇4 3.4). */
  'departmentDone',
  /** 予以答复 (篇3 五): the owner was answered (a complaint within 24 h), without the matter being resolved yet. */
  'answered',
  /** 回访 (篇3 五): the owner was visited or called afterwards; satisfaction recorded. */
  'returnVisit',
  /** 转由客服主管/经理负责处理 (篇4 4.7, 4.8): supervisor or manager takes over. */
  'takenOver',
  /** 无法处理的事项进行关闭 (篇4 3.3.3, 4.8): only the manager, with the reason. */
  'closedUnresolvable',
  /** A correction of the registered fields: a new event, the original stays. */
  'correction',
  /** The owner confirmed with a signature on the tablet (篇1: the sign-in book turned to the guest). */
  'signed',
  /** Carried over at a shift handover: the incoming clerk now answers for it (篇2 4.3.5). */
  'carriedOver',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

export const SATISFACTION = ['verySatisfied', 'satisfied', 'neutral', 'dissatisfied'] as const
export type Satisfaction = (typeof SATISFACTION)[number]


/** Fields a correction may change (the registered request's own fields). */
export const CorrectionSchema = Type.Partial(
  Type.Object({
    room: Type.String({ maxLength: 40 }),
    customerName: Type.String({ maxLength: 40 }),
    honorific: literalUnion(HONORIFICS),
    phone: Type.String({ maxLength: 30 }),
    matter: Type.String({ minLength: 1, maxLength: 2000 }),
    category: literalUnion(CATEGORIES),
    urgency: literalUnion(URGENCIES),
  }),
  { additionalProperties: false },
)

export const ReceptionEventSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  receptionId: IdSchema,
  type: literalUnion(EVENT_TYPES),
  /** When it happened (may be earlier than when it was entered, e.g. a return visit by phone). */
  at: InstantSchema,
  staffId: IdSchema,
  note: Type.String({ maxLength: 2000 }),
  departmentId: Type.Union([IdSchema, Type.Null()]),
  /** The person in the department, when named (handedOver). */
  assignee: Type.String({ maxLength: 40 }),
  satisfaction: Type.Union([literalUnion(SATISFACTION), Type.Null()]),
  /** takenOver: at which level. */
  level: Type.Union([Type.Literal('supervisor'), Type.Literal('manager'), Type.Null()]),
  correction: Type.Union([CorrectionSchema, Type.Null()]),
  signatureId: Type.Union([IdSchema, Type.Null()]),
  createdAt: InstantSchema,
})
export type ReceptionEvent = Static<typeof ReceptionEventSchema>

/** The action a role must allow to add an event of this type (checked on tablet and server). */
export function actionForEvent(type: EventType): Action {
  switch (type) {
    case 'handedOver':
      return 'reception.handToDepartment'
    case 'departmentDone':
      return 'reception.reportDepartment'
    case 'takenOver':
      return 'reception.takeOver'
    case 'closedUnresolvable':
      return 'reception.closeUnresolvable'
    case 'carriedOver':
      return 'handover.sign'
    default:
      return 'reception.follow'
  }
}

export type EventProblem = 'noteRequired' | 'departmentRequired' | 'satisfactionRequired' | 'levelRequired' | 'correctionEmpty' | 'signatureRequired'

/** What an event must hold for its type (beyond the schema), as i18n keys. */
export function eventProblems(e: Pick<ReceptionEvent, 'type' | 'note' | 'departmentId' | 'satisfaction' | 'level' | 'correction' | 'signatureId'>): EventProblem[] {
  const out: EventProblem[] = []
  const note = e.note.trim()
  // A result, an answer, a follow-up and above all the reason for closing unresolved must say something.
  if (['result', 'followUp', 'answered', 'closedUnresolvable', 'departmentDone'].includes(e.type) && !note) out.push('noteRequired')
  if (e.type === 'handedOver' && !e.departmentId) out.push('departmentRequired')
  if (e.type === 'returnVisit' && !e.satisfaction) out.push('satisfactionRequired')
  if (e.type === 'takenOver' && !e.level) out.push('levelRequired')
  if (e.type === 'correction' && (!e.correction || !Object.keys(e.correction).length)) out.push('correctionEmpty')
  if (e.type === 'signed' && !e.signatureId) out.push('signatureRequired')
  return out
}
