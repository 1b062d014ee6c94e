import { describe, expect, it } from 'vitest'
import { ACTIONS, ROLES, SECTIONS, can, isDeskRole, sectionsFor, type Action, type Role } from '@shared/domain/role'

describe('can', () => {
  it.each<{ role: Role; action: Action; allowed: boolean }>([
    // Front-desk work.
    { role: 'assistant', action: 'reception.register', allowed: true },
    { role: 'assistant', action: 'dutyLog.write', allowed: true },
    { role: 'assistant', action: 'handover.sign', allowed: true },
    { role: 'assistant', action: 'reception.takeOver', allowed: false },
    { role: 'assistant', action: 'roster.draft', allowed: false },
    { role: 'assistant', action: 'staff.manage', allowed: false },
    // The administrator runs the desk: roster draft and settings, but no take-over or approval.
    { role: 'administrator', action: 'roster.draft', allowed: true },
    { role: 'administrator', action: 'settings.manage', allowed: true },
    { role: 'administrator', action: 'handover.pinNotes', allowed: true },
    { role: 'administrator', action: 'roster.approve', allowed: false },
    { role: 'administrator', action: 'reception.takeOver', allowed: false },
    // The supervisor takes over items open > 2 days and reviews daily.
    { role: 'supervisor', action: 'reception.takeOver', allowed: true },
    { role: 'supervisor', action: 'review.registerDaily', allowed: true },
    { role: 'supervisor', action: 'dutyLog.review', allowed: true },
    { role: 'supervisor', action: 'roster.approve', allowed: true },
    { role: 'supervisor', action: 'reception.closeUnresolvable', allowed: false },
    { role: 'supervisor', action: 'review.registerWeekly', allowed: false },
    { role: 'supervisor', action: 'settings.manage', allowed: false },
    // The manager does not stand the desk.
    { role: 'manager', action: 'reception.takeOver', allowed: true },
    { role: 'manager', action: 'reception.closeUnresolvable', allowed: true },
    { role: 'manager', action: 'review.registerWeekly', allowed: true },
    { role: 'manager', action: 'dutyLog.read', allowed: true },
    { role: 'manager', action: 'handover.sign', allowed: false },
    { role: 'manager', action: 'dutyLog.write', allowed: false },
    { role: 'manager', action: 'roster.approve', allowed: false },
    // A department only reports on what it was handed.
    { role: 'department', action: 'reception.reportDepartment', allowed: true },
    { role: 'department', action: 'dutyLog.read', allowed: false },
    { role: 'department', action: 'reception.register', allowed: false },
    { role: 'department', action: 'archive.read', allowed: false },
    // Company IT: accounts, devices, settings; never the confidential duty log.
    { role: 'admin', action: 'device.manage', allowed: true },
    { role: 'admin', action: 'staff.manage', allowed: true },
    { role: 'admin', action: 'settings.manage', allowed: true },
    { role: 'admin', action: 'dutyLog.read', allowed: false },
    { role: 'admin', action: 'reception.register', allowed: false },
    { role: 'admin', action: 'archive.read', allowed: false },
  ])('$role may $action: $allowed', ({ role, action, allowed }) => {
    expect(can(role, action)).toBe(allowed)
  })

  it.each<{ action: Action; roles: Role[] }>([
    { action: 'reception.closeUnresolvable', roles: ['manager'] },
    { action: 'reception.takeOver', roles: ['supervisor', 'manager'] },
    { action: 'reception.reportDepartment', roles: ['department'] },
    { action: 'device.manage', roles: ['admin'] },
    { action: 'review.registerDaily', roles: ['supervisor'] },
    { action: 'review.registerWeekly', roles: ['manager'] },
    { action: 'roster.draft', roles: ['administrator'] },
    { action: 'roster.approve', roles: ['supervisor'] },
    { action: 'settings.manage', roles: ['administrator', 'admin'] },
    { action: 'dutyLog.read', roles: ['assistant', 'administrator', 'supervisor', 'manager'] },
    { action: 'handover.sign', roles: ['assistant', 'administrator', 'supervisor'] },
    // Issue 16: the supervisor and the manager see the statistics and print the monthly report; the administrator only sees.
    { action: 'statistics.read', roles: ['administrator', 'supervisor', 'manager'] },
    { action: 'statistics.report', roles: ['supervisor', 'manager'] },
  ])('only $roles may $action', ({ action, roles }) => {
    expect(ROLES.filter((r) => can(r, action))).toEqual(roles)
  })

  it('gives the department role nothing beyond reporting on and following up its items, and calling the owner', () => {
    expect(ACTIONS.filter((a) => can('department', a))).toEqual(['reception.follow', 'reception.reportDepartment', 'customer.contact'])
  })

  it('gives the administrator and the supervisor everything an assistant may do, but asking for leave on the roster', () => {
    const assistant = ACTIONS.filter((a) => can('assistant', a))
    expect(assistant.length).toBeGreaterThan(0)
    for (const action of assistant) {
      expect(can('administrator', action), action).toBe(true)
      // 篇2 4.2.6: 值班人员 ask the supervisor for leave; the supervisor stands no shift.
      expect(can('supervisor', action), action).toBe(action !== 'roster.request')
    }
  })

  it('lets only the administrator draft the roster, the supervisor approve it, the manager acknowledge it, and those on it ask for leave (篇2 4.1.1, 4.2.6)', () => {
    const who = (action: Action): Role[] => ROLES.filter((r) => can(r, action))
    expect(who('roster.draft')).toEqual(['administrator'])
    expect(who('roster.approve')).toEqual(['supervisor'])
    expect(who('roster.acknowledge')).toEqual(['manager'])
    expect(who('roster.request')).toEqual(['assistant', 'administrator'])
  })

  it('lets only desk roles read the duty log', () => {
    for (const role of ROLES) expect(can(role, 'dutyLog.read'), role).toBe(isDeskRole(role))
  })
})

describe('sectionsFor', () => {
  it.each<{ role: Role; sections: string[] }>([
    // Issue 6 point 7: the inspected clerk sees her inspections, answers and signs them.
    { role: 'assistant', sections: ['today', 'register', 'dutyLog', 'handover', 'roster', 'inspection', 'archive', 'settings'] },
    { role: 'administrator', sections: ['today', 'register', 'dutyLog', 'handover', 'roster', 'inspection', 'archive', 'statistics', 'settings'] },
    { role: 'supervisor', sections: ['today', 'register', 'dutyLog', 'handover', 'roster', 'inspection', 'archive', 'statistics', 'settings'] },
    { role: 'manager', sections: ['today', 'register', 'dutyLog', 'roster', 'inspection', 'archive', 'statistics', 'settings'] },
    { role: 'department', sections: ['today', 'register', 'settings'] },
    { role: 'admin', sections: ['today', 'roster', 'settings'] },
  ])('offers $role: $sections', ({ role, sections }) => {
    expect(sectionsFor(role)).toEqual(sections)
  })

  it.each(ROLES)('offers %s "today" first and "settings" last', (role) => {
    const sections = sectionsFor(role)
    expect(sections[0]).toBe('today')
    expect(sections.at(-1)).toBe('settings')
  })

  it.each(ROLES)('lists the sections for %s in navigation order', (role) => {
    const sections = sectionsFor(role)
    const positions = sections.map((s) => SECTIONS.indexOf(s))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(new Set(sections).size).toBe(sections.length)
  })

  it.each(['department', 'admin'] as const)('never offers the duty log to %s', (role) => {
    expect(sectionsFor(role)).not.toContain('dutyLog')
  })

  it('offers the handover only to roles that may sign it', () => {
    for (const role of ROLES) expect(sectionsFor(role).includes('handover'), role).toBe(can(role, 'handover.sign'))
  })
})

describe('isDeskRole', () => {
  it.each<{ role: Role; desk: boolean }>([
    { role: 'assistant', desk: true },
    { role: 'administrator', desk: true },
    { role: 'supervisor', desk: true },
    { role: 'manager', desk: true },
    { role: 'department', desk: false },
    { role: 'admin', desk: false },
  ])('$role stands the desk: $desk', ({ role, desk }) => {
    expect(isDeskRole(role)).toBe(desk)
  })
})
