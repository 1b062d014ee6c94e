/**
 * Escalations that must reach people away from the desk (issue 15): what the server's time rules found —
 * one event per rule, record and level, so each is notified once per level however often the rules run
 * and however many server processes run them. The text carries the site, room, a short matter, its age
 * and a link — never an owner's phone or full name (SPEC "personal information").
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'
import { literalUnion } from './literal-union'

/** The rules the server watches (issue 15 point 1). */
export const NOTIFY_RULES = [
  /** 篇4 4.7: a request open 48 h → the supervisor. */
  'requestToSupervisor',
  /** 篇4 4.8: a request open 7 days → the manager. */
  'requestToManager',
  /** 篇3 五: a complaint with 2 h left before its 24 h. */
  'complaintDueSoon',
  /** 篇3 五: a complaint not answered within 24 h. */
  'complaintOverdue',
  /** 篇2 4.2.3: a duty-log matter reported to the administrator or the supervisor. */
  'dutyMatterReported',
  /** 篇2 4.3: a shift not handed over 15 minutes after its end. */
  'handoverLate',
  /** 篇2 4.2.8: a rostered clerk did not come. */
  'noShow',
  /** 篇2 4.2.5, 4.3, 篇4 4.9: a review not done by the next morning. */
  'reviewOverdue',
  /** 篇2 4.1.1: next month's roster draft not submitted on the 25th. */
  'rosterNotSubmitted',
] as const
export type NotifyRule = (typeof NOTIFY_RULES)[number]

/** Who it is for: the roles a rule escalates to. */
export const NOTIFY_LEVELS = ['administrator', 'supervisor', 'manager'] as const
export type NotifyLevel = (typeof NOTIFY_LEVELS)[number]

export const NotificationEventSchema = Type.Object({
  /** `rule:recordId:level` — the one key an event is notified under (notificationKey). */
  key: Type.String({ minLength: 1, maxLength: 200 }),
  siteId: IdSchema,
  rule: literalUnion(NOTIFY_RULES),
  level: literalUnion(NOTIFY_LEVELS),
  /** The record it is about (a request, a duty entry, a shift key, a review period, a month). */
  subjectTable: Type.String({ maxLength: 40 }),
  subjectId: Type.String({ minLength: 1, maxLength: 100 }),
  /** When the rule's time passed (the request turned 48 h old; the shift ended + 15 min). */
  dueAt: InstantSchema,
  /** Short texts, in Chinese, with no phone and no full name: 房号 and a matter cut short. */
  room: Type.String({ maxLength: 40 }),
  summary: Type.String({ maxLength: 120 }),
  /** The app's path to open it on a tablet (`/register/<id>`), '' when there is none. */
  link: Type.String({ maxLength: 200 }),
})
export type NotificationEvent = Static<typeof NotificationEventSchema>

/** The key an event is notified once under: one per rule, record and level. */
export const notificationKey = (rule: NotifyRule, subjectId: string, level: NotifyLevel): string => `${rule}:${subjectId}:${level}`

/** A notification as the tablets hold it (the server writes it once per event): the event, keyed by its key. */
export type Notice = NotificationEvent & { id: string }
