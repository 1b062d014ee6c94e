import { describe, expect, it } from 'vitest'
import { QUEUES, defaultQueue, inQueue, needsAction, queuesFor, type Queue, type QueueState, type Viewer } from '@client/db/register/reception-queue'
import { ROLES, type Role } from '@shared/domain/role'
import type { Status } from '@shared/domain/reception-status'

const ENGINEERING = 'dept-engineering'
const SECURITY = 'dept-security'

const VIEWERS = {
  assistant: { id: 'assistant-1', role: 'assistant', departmentId: null },
  otherAssistant: { id: 'assistant-2', role: 'assistant', departmentId: null },
  administrator: { id: 'administrator-1', role: 'administrator', departmentId: null },
  supervisor: { id: 'supervisor-1', role: 'supervisor', departmentId: null },
  manager: { id: 'manager-1', role: 'manager', departmentId: null },
  engineering: { id: 'engineer-1', role: 'department', departmentId: ENGINEERING },
  security: { id: 'guard-1', role: 'department', departmentId: SECURITY },
} satisfies Record<string, Viewer>
type ViewerName = keyof typeof VIEWERS
const VIEWER_NAMES = Object.keys(VIEWERS) as ViewerName[]

const open = (overrides: Partial<QueueState> = {}): QueueState => ({
  status: 'open',
  resolved: false,
  level: 'desk',
  overdue: false,
  departmentId: null,
  ownerId: VIEWERS.assistant.id,
  ...overrides,
})

const STATES = {
  /** Registered by the assistant, nothing happened yet. */
  openAtDesk: open(),
  /** Handed to engineering by the assistant. */
  withEngineering: open({ status: 'withDepartment', departmentId: ENGINEERING }),
  /** Engineering reported a repair done (篇4 4.6: its report is the result); the return visit is outstanding. */
  engineeringDone: open({ status: 'awaitingVisit', resolved: true }),
  /** Open > 2 days, still the assistant's. */
  supervisorLevel: open({ level: 'supervisor' }),
  /** Open > 2 days and taken over by the supervisor. */
  takenBySupervisor: open({ level: 'supervisor', ownerId: VIEWERS.supervisor.id }),
  /** Open > 7 days, with engineering. */
  managerLevel: open({ level: 'manager', status: 'withDepartment', departmentId: ENGINEERING }),
  /** A complaint not answered within 24 h. */
  overdueComplaint: open({ overdue: true }),
  /** An overdue complaint handed to security. */
  overdueWithSecurity: open({ overdue: true, status: 'withDepartment', departmentId: SECURITY }),
  /** Resolved repair waiting for its return visit (escalation stopped at supervisor). */
  awaitingVisit: open({ status: 'awaitingVisit', resolved: true, level: 'supervisor' }),
  /** Done with. */
  closed: open({ status: 'closed', resolved: true, level: 'manager' }),
  unresolvable: open({ status: 'unresolvable', resolved: true, level: 'manager', ownerId: VIEWERS.manager.id }),
} satisfies Record<string, QueueState>
type StateName = keyof typeof STATES

const DESK: ViewerName[] = ['assistant', 'otherAssistant', 'administrator', 'supervisor', 'manager']

describe('inQueue: every queue × role', () => {
  it.each<{ queue: Queue; state: StateName; seenBy: ViewerName[] }>([
    // mine: what still needs action and is mine to answer for.
    { queue: 'mine', state: 'openAtDesk', seenBy: ['assistant'] },
    { queue: 'mine', state: 'withEngineering', seenBy: ['assistant'] },
    { queue: 'mine', state: 'supervisorLevel', seenBy: ['assistant'] },
    { queue: 'mine', state: 'takenBySupervisor', seenBy: ['supervisor'] },
    { queue: 'mine', state: 'awaitingVisit', seenBy: ['assistant'] },
    { queue: 'mine', state: 'closed', seenBy: [] },
    { queue: 'mine', state: 'unresolvable', seenBy: [] },
    // department: only the department it is with, while it is with it (篇4 3.4).
    { queue: 'department', state: 'openAtDesk', seenBy: [] },
    { queue: 'department', state: 'withEngineering', seenBy: ['engineering'] },
    { queue: 'department', state: 'engineeringDone', seenBy: [] },
    { queue: 'mine', state: 'engineeringDone', seenBy: ['assistant'] },
    { queue: 'department', state: 'managerLevel', seenBy: ['engineering'] },
    { queue: 'department', state: 'awaitingVisit', seenBy: [] },
    { queue: 'department', state: 'closed', seenBy: [] },
    // escalated: > 2 days the supervisor's (4.7), > 7 days the manager's (4.8); unresolved only.
    { queue: 'escalated', state: 'openAtDesk', seenBy: [] },
    { queue: 'escalated', state: 'supervisorLevel', seenBy: ['supervisor'] },
    { queue: 'escalated', state: 'takenBySupervisor', seenBy: ['supervisor'] },
    { queue: 'escalated', state: 'managerLevel', seenBy: ['manager'] },
    { queue: 'escalated', state: 'awaitingVisit', seenBy: [] },
    { queue: 'escalated', state: 'closed', seenBy: [] },
    // overdue: complaints past their deadline, for the desk.
    { queue: 'overdue', state: 'overdueComplaint', seenBy: DESK },
    { queue: 'overdue', state: 'openAtDesk', seenBy: [] },
    { queue: 'overdue', state: 'supervisorLevel', seenBy: [] },
    { queue: 'overdue', state: 'overdueWithSecurity', seenBy: [...DESK, 'security'] },
    // open: whatever still needs someone, for the desk.
    { queue: 'open', state: 'openAtDesk', seenBy: DESK },
    { queue: 'open', state: 'withEngineering', seenBy: [...DESK, 'engineering'] },
    { queue: 'open', state: 'awaitingVisit', seenBy: DESK },
    { queue: 'open', state: 'closed', seenBy: [] },
    { queue: 'open', state: 'unresolvable', seenBy: [] },
    // all: everything, for the desk; a department never sees beyond what is with it, in any queue.
    { queue: 'all', state: 'openAtDesk', seenBy: DESK },
    { queue: 'all', state: 'withEngineering', seenBy: [...DESK, 'engineering'] },
    { queue: 'all', state: 'closed', seenBy: DESK },
    { queue: 'all', state: 'unresolvable', seenBy: DESK },
  ])('$queue / $state: seen by [$seenBy]', ({ queue, state, seenBy }) => {
    for (const name of VIEWER_NAMES) expect(inQueue(queue, STATES[state], VIEWERS[name]), name).toBe(seenBy.includes(name))
  })

  it.each(QUEUES)('department isolation in %s: a department never sees what is not with it', (queue) => {
    for (const state of Object.keys(STATES) as StateName[]) {
      const s = STATES[state]
      if (s.departmentId !== ENGINEERING || s.resolved) expect(inQueue(queue, s, VIEWERS.engineering), `${state} / engineering`).toBe(false)
      if (s.departmentId !== SECURITY || s.resolved) expect(inQueue(queue, s, VIEWERS.security), `${state} / security`).toBe(false)
    }
  })

  it('a department member whose department is missing sees nothing, not every item without a department', () => {
    const lost: Viewer = { id: 'x', role: 'department', departmentId: null }
    for (const queue of QUEUES) for (const state of Object.values(STATES)) expect(inQueue(queue, state, lost)).toBe(false)
  })

  it('a desk role without a department never matches the department queue of items without one', () => {
    expect(inQueue('department', STATES.openAtDesk, VIEWERS.assistant)).toBe(false)
  })
})

describe('defaultQueue and queuesFor', () => {
  it.each<{ role: Role; first: Queue; queues: Queue[] }>([
    { role: 'assistant', first: 'mine', queues: ['mine', 'overdue', 'open', 'all'] },
    { role: 'administrator', first: 'mine', queues: ['mine', 'overdue', 'open', 'all'] },
    { role: 'supervisor', first: 'escalated', queues: ['escalated', 'overdue', 'mine', 'open', 'all'] },
    { role: 'manager', first: 'escalated', queues: ['escalated', 'overdue', 'mine', 'open', 'all'] },
    { role: 'department', first: 'department', queues: ['department'] },
  ])('$role opens $first, offered $queues', ({ role, first, queues }) => {
    expect(defaultQueue(role)).toBe(first)
    expect(queuesFor(role)).toEqual(queues)
  })

  it.each(ROLES)('the default queue of %s is one it is offered', (role) => {
    if (role === 'admin') return
    expect(queuesFor(role)).toContain(defaultQueue(role))
  })

  it('offers only desk roles the escalated queue when they may take over', () => {
    expect(ROLES.filter((r) => queuesFor(r).includes('escalated'))).toEqual(['supervisor', 'manager'])
  })
})

describe('needsAction', () => {
  it.each<{ status: Status; resolved: boolean; needs: boolean }>([
    { status: 'open', resolved: false, needs: true },
    { status: 'withDepartment', resolved: false, needs: true },
    { status: 'awaitingVisit', resolved: true, needs: true },
    { status: 'closed', resolved: true, needs: false },
    { status: 'unresolvable', resolved: true, needs: false },
  ])('$status → $needs', ({ status, resolved, needs }) => {
    expect(needsAction({ status, resolved })).toBe(needs)
  })
})
