/**
 * Roles (岗位) and what each may do — SPEC "Roles", 篇2 3.1–3.3, 篇4 3.
 * The same table decides what the client offers and what the server accepts.
 */
import { Type, type Static } from '@sinclair/typebox'

export const ROLES = ['assistant', 'administrator', 'supervisor', 'manager', 'department', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)))

/** Sections of the tablet app, in navigation order (SPEC "Who uses it"). */
export const SECTIONS = ['today', 'register', 'dutyLog', 'handover', 'roster', 'inspection', 'archive', 'statistics', 'settings'] as const
export type Section = (typeof SECTIONS)[number]

/** Actions checked on both sides. Later features add theirs here. */
export const ACTIONS = [
  'reception.register',
  'reception.follow',
  'reception.handToDepartment',
  'reception.reportDepartment',
  'reception.takeOver',
  'reception.closeUnresolvable',
  'review.registerDaily',
  'review.registerWeekly',
  'dutyLog.read',
  'dutyLog.write',
  'dutyLog.review',
  'handover.sign',
  'handover.pinNotes',
  'roster.read',
  'roster.draft',
  'roster.approve',
  /** Asks for time off, leave or a swap (篇2 4.2.6): the people on the roster, for themselves. */
  'roster.request',
  /** Receives the approved roster (篇2 4.1.1 报物业服务中心经理). */
  'roster.acknowledge',
  'inspection.record',
  /** Sees inspections: the inspected their own, with their nonconformities; answers with a comment and signature. */
  'inspection.read',
  'inspection.respond',
  'archive.read',
  'archive.edit',
  /** Sees owners' phone numbers in full (lists and printouts mask them otherwise, issue 4 point 5). */
  'customer.contact',
  /** Sees a phone masked by default and may ask to show it in full, which the access trail records (issue 14 point 2). */
  'customer.reveal',
  /** Writes to the access trail what they showed, printed or exported of owners' personal information. */
  'accessTrail.write',
  /** Reads the access trail (PIPL: the manager answers for the site's personal information). */
  'accessTrail.read',
  'staff.read',
  'staff.manage',
  'settings.manage',
  'device.manage',
  /** Sees the site's statistics (issue 16; 篇2 4.4.2–4.4.4 不断提高服务素质): the supervisor, the manager, the administrator read-only. */
  'statistics.read',
  /** Prints and exports the 月度客服工作报告 (issue 16 point 3): the supervisor, who prepares it, and the manager. */
  'statistics.report',
] as const
export type Action = (typeof ACTIONS)[number]

/** Desk roles may read the duty log (篇2 4.2.4: 仅限于内部工作人员翻阅). */
export const DESK_ROLES: readonly Role[] = ['assistant', 'administrator', 'supervisor', 'manager']

const ASSISTANT: Action[] = [
  'reception.register',
  'reception.follow',
  'reception.handToDepartment',
  'dutyLog.read',
  'dutyLog.write',
  'handover.sign',
  'roster.read',
  'inspection.read',
  'inspection.respond',
  'archive.read',
  'archive.edit',
  /** Sees owners' phone numbers in full (lists and printouts mask them otherwise, issue 4 point 5). */
  'customer.contact',
  'accessTrail.write',
  'staff.read',
]

const PERMISSIONS: Record<Role, readonly Action[]> = {
  // 篇2 3.3: front-desk service; what it cannot handle goes up.
  assistant: [...ASSISTANT, 'roster.request'],
  // 篇2 3.2: roster, daily checks, handles what assistants cannot.
  administrator: [...ASSISTANT, 'roster.request', 'handover.pinNotes', 'roster.draft', 'inspection.record', 'staff.manage', 'settings.manage', 'statistics.read'],
  // 篇4 3.2, 4.3; 篇2 4.2.5, 4.2.6, 4.4.3.
  supervisor: [
    ...ASSISTANT,
    'reception.takeOver',
    'review.registerDaily',
    'dutyLog.review',
    'handover.pinNotes',
    'roster.approve',
    'inspection.record',
    'staff.manage',
    'statistics.read',
    'statistics.report',
  ],
  // 篇4 3.3, 4.8, 4.9; 篇2 4.4.2. The manager does not stand the desk, so no handover signature.
  manager: [
    'reception.register',
    'reception.follow',
    'reception.takeOver',
    'reception.closeUnresolvable',
    'review.registerWeekly',
    'dutyLog.read',
    'roster.read',
    'roster.acknowledge',
    'inspection.record',
    'inspection.read',
    'archive.read',
    'customer.reveal',
    'accessTrail.write',
    'accessTrail.read',
    'staff.read',
    'statistics.read',
    'statistics.report',
  ],
  // 篇4 3.4: handles what is handed to it, nothing else; never the duty log (篇2 4.2.4). It calls the owner about the repair.
  department: ['reception.reportDepartment', 'reception.follow', 'customer.contact'],
  // Company IT: sites, staff accounts, devices, settings. Not the confidential duty log.
  admin: ['staff.read', 'staff.manage', 'settings.manage', 'device.manage', 'roster.read', 'accessTrail.read'],
}

const SECTION_ACTION: Record<Section, Action | null> = {
  today: null,
  register: null,
  dutyLog: 'dutyLog.read',
  handover: 'handover.sign',
  roster: 'roster.read',
  inspection: 'inspection.read',
  archive: 'archive.read',
  statistics: 'statistics.read',
  settings: null,
}

const SECTIONS_WITHOUT_ACTION: Record<Role, readonly Section[]> = {
  assistant: ['today', 'register', 'settings'],
  administrator: ['today', 'register', 'settings'],
  supervisor: ['today', 'register', 'settings'],
  manager: ['today', 'register', 'settings'],
  department: ['today', 'register', 'settings'],
  admin: ['today', 'settings'],
}

/** May `role` do `action`? */
export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action)
}

/** The sections a role is offered, in navigation order. */
export function sectionsFor(role: Role): Section[] {
  return SECTIONS.filter((section) => {
    const action = SECTION_ACTION[section]
    return action ? can(role, action) : SECTIONS_WITHOUT_ACTION[role].includes(section)
  })
}

/** Roles of the site's own desk staff (they may read the duty log, 篇2 4.2.4). */
export function isDeskRole(role: Role): boolean {
  return DESK_ROLES.includes(role)
}

/** 篇2 4.1.2: 前台值班人员由客户服务助理及客服管理员组成 — the roles that stand duty at the desk. */
export const DUTY_ROLES: readonly Role[] = ['assistant', 'administrator']

/** Whether a role stands duty at the desk (is on a shift), 篇2 4.1.2. */
export function standsDuty(role: Role): boolean {
  return DUTY_ROLES.includes(role)
}

export type RoleValue = Static<typeof RoleSchema>
