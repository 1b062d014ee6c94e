/**
 * Each role opens the register to its own queue (issue 4 point 3): mine, my department's,
 * escalated to me, overdue. Pure: derived from the request's state and who is looking.
 */
import type { Role } from '@shared/domain/role'
import type { ReceptionState } from '@shared/domain/reception-status'

export const QUEUES = ['mine', 'department', 'escalated', 'overdue', 'open', 'all'] as const
export type Queue = (typeof QUEUES)[number]

export interface Viewer {
  id: string
  role: Role
  departmentId: string | null
}

/** Still needs someone: unresolved, or resolved but the return visit is outstanding. */
export function needsAction(state: Pick<ReceptionState, 'resolved' | 'status'>): boolean {
  return !state.resolved || state.status === 'awaitingVisit'
}

/** What a queue needs to know of a request. */
export type QueueState = Pick<ReceptionState, 'status' | 'resolved' | 'level' | 'overdue' | 'departmentId' | 'ownerId'>

/** 篇4 3.4: a department sees what was handed to it, while it is with it. */
function withViewersDepartment(state: QueueState, viewer: Viewer): boolean {
  return state.departmentId !== null && state.departmentId === viewer.departmentId && !state.resolved
}

export function inQueue(queue: Queue, state: QueueState, viewer: Viewer): boolean {
  // Issue 4 point 8: departments see only items handed to them, whichever queue is asked for.
  if (viewer.role === 'department' && !withViewersDepartment(state, viewer)) return false
  switch (queue) {
    case 'mine':
      return needsAction(state) && state.ownerId === viewer.id
    case 'department':
      return withViewersDepartment(state, viewer)
    case 'escalated':
      // 篇4 4.7: open > 2 days → the supervisor's; 篇4 4.8: open > 7 days → the manager's.
      if (state.resolved) return false
      if (viewer.role === 'manager') return state.level === 'manager'
      if (viewer.role === 'supervisor') return state.level === 'supervisor'
      return false
    case 'overdue':
      return state.overdue
    case 'open':
      return needsAction(state)
    case 'all':
      return true
  }
}

/** The queue a role opens the register to. */
export function defaultQueue(role: Role): Queue {
  if (role === 'supervisor' || role === 'manager') return 'escalated'
  if (role === 'department') return 'department'
  return 'mine'
}

/** The queues offered to a role, in tab order. */
export function queuesFor(role: Role): Queue[] {
  if (role === 'department') return ['department']
  if (role === 'supervisor' || role === 'manager') return ['escalated', 'overdue', 'mine', 'open', 'all']
  return ['mine', 'overdue', 'open', 'all']
}
