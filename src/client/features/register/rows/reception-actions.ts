/**
 * Which timeline steps are offered on a request, by its state and the viewer's role (issue 4
 * points 2, 3 and 8). The server checks the same roles (registry) and rules (record-rules).
 */
import { actionForEvent, type EventType } from '@shared/domain/reception-event'
import { needsReturnVisit, type Category } from '@shared/domain/reception'
import type { ReceptionState } from '@shared/domain/reception-status'
import { can, type Role } from '@shared/domain/role'

export function offeredEvents(state: Pick<ReceptionState, 'status' | 'resolved' | 'byDepartment' | 'level' | 'ownerId' | 'departmentId'>, category: Category, viewer: { id: string; role: Role; departmentId: string | null }): EventType[] {
  const out: EventType[] = []
  const open = !state.resolved
  if (viewer.role === 'department') {
    // 篇4 3.4: a department reports on what is with it, nothing else.
    if (open && state.departmentId === viewer.departmentId) out.push('departmentDone', 'followUp')
    return out
  }
  const visit = state.status === 'awaitingVisit' || (state.resolved && needsReturnVisit(category))
  // 篇4 4.6: the department's report is the result — the return visit comes first; the desk may still
  // write its own result, or hand it on when the report does not settle the matter.
  if (state.byDepartment && visit) out.push('returnVisit')
  if (open || state.byDepartment) out.push('result', 'handedOver')
  if (open) out.push('followUp')
  if (open && category === 'complaint') out.push('answered')
  if (visit && !state.byDepartment) out.push('returnVisit')
  // 篇4 4.7–4.8: the supervisor takes over what is open > 2 days, the manager what is open > 7 days.
  if (open && viewer.role === 'supervisor' && state.level === 'supervisor' && state.ownerId !== viewer.id) out.push('takenOver')
  if (open && viewer.role === 'manager' && state.level === 'manager' && state.ownerId !== viewer.id) out.push('takenOver')
  if (open) out.push('closedUnresolvable')
  out.push('correction', 'signed')
  return out.filter((type) => can(viewer.role, actionForEvent(type)))
}
