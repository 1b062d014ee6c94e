/**
 * Issue 13 point 7 on the server: only the administrator drafts, only the supervisor approves, returns and
 * answers, only the manager acknowledges, everyone asks only for themselves (篇2 4.1.1, 4.2.6); an approved
 * version never changes; the roster stays with the desk — a department's tablet neither gets nor writes it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { approvedRoster } from '@shared/domain/roster-request'
import { ROSTER_TABLES } from '@shared/sync/registry'
import { makeRequest } from '../factories/roster'
import { BACKENDS } from '../support/server-db'
import { pullAll } from '../support/server-fixtures'
import { expectOutcomes, rosterSite, type RosterSite } from '../support/roster-server'

describe.each(BACKENDS)('roster permissions on $name', (backend) => {
  let rs: RosterSite
  afterEach(async () => rs?.s.close())
  beforeEach(async () => {
    rs = await rosterSite(backend)
  })

  it('lets only the administrator paint cells and submit a draft', async () => {
    const draft = (by: 'admin' | 'supervisor' | 'assistant') => rs.version({ staffId: rs.staff[by] })
    await expectOutcomes(rs, [
      ['a cell, by the assistant', [rs.cell('assistant', 'assistant', '2026-12-01', 'desk', rs.day)], 'notAllowed: assistant may not roster.draft'],
      ['a cell, by the supervisor', [rs.cell('supervisor', 'assistant', '2026-12-01', 'desk', rs.day)], 'notAllowed: supervisor may not roster.draft'],
      ['a cell, by the manager', [rs.cell('manager', 'assistant', '2026-12-01', 'desk', rs.day)], 'notAllowed: manager may not roster.draft'],
      ['a cell, by the administrator', [rs.cell('admin', 'assistant', '2026-12-01', 'desk', rs.day)], 'applied'],
      ['a draft, by the supervisor', rs.submit('supervisor', draft('supervisor')), 'notAllowed: supervisor may not roster.draft'],
      ['a draft, by the assistant', rs.submit('assistant', draft('assistant')), 'notAllowed: assistant may not roster.draft'],
      ['a draft in the supervisor’s name, by the administrator', rs.submit('admin', draft('supervisor')), 'actorMismatch: staffId'],
      // The supervisor's own versions carry out a request (篇2 4.2.6); one passed off as such carries out none.
      ['the supervisor’s version naming no request', rs.submit('supervisor', rs.version({ staffId: rs.staff.supervisor, source: 'request' })), 'invalid: requestRequired'],
      ['the supervisor’s version naming a request never asked', rs.submit('supervisor', rs.version({ staffId: rs.staff.supervisor, source: 'request', requestId: newId() })), 'unknownRosterRequest'],
      ['a draft, by the administrator', rs.submit('admin', draft('admin')), 'applied'],
    ])
  })

  it('lets only the supervisor approve or return, and only the manager acknowledge', async () => {
    const v = rs.version()
    await rs.push(rs.submit('admin', v))
    await expectOutcomes(rs, [
      ['approved by the administrator', rs.step('admin', v, 'approve'), 'notAllowed: administrator may not roster.approve'],
      ['returned by the manager', rs.step('manager', v, 'return'), 'notAllowed: manager may not roster.approve'],
      ['approved by the assistant', rs.step('assistant', v, 'approve'), 'notAllowed: assistant may not roster.approve'],
      ['approved by the supervisor', rs.step('supervisor', v, 'approve'), 'applied'],
      ['acknowledged by the supervisor', rs.step('supervisor', v, 'acknowledge'), 'notAllowed: supervisor may not roster.acknowledge'],
      ['acknowledged by the administrator', rs.step('admin', v, 'acknowledge'), 'notAllowed: administrator may not roster.acknowledge'],
      ['acknowledged by the manager', rs.step('manager', v, 'acknowledge'), 'applied'],
    ])
  })

  it('lets an assistant or the administrator ask only for themselves, and only the supervisor answer', async () => {
    await rs.approved()
    const asked = makeRequest({ siteId: rs.siteId, staffId: rs.staff.assistant, at: rs.s.clock.now })
    await expectOutcomes(rs, [
      ['asked by the supervisor', [rs.request('supervisor')], 'notAllowed: supervisor may not roster.request'],
      ['asked by the manager', [rs.request('manager')], 'notAllowed: manager may not roster.request'],
      ['asked in the colleague’s name, by the assistant', [rs.request('assistant', { staffId: rs.staff.colleague })], 'actorMismatch: staffId'],
      ['asked in the assistant’s name, by the administrator', [rs.request('admin', { staffId: rs.staff.assistant })], 'actorMismatch: staffId'],
      ['asked by the assistant, for herself', [rs.request('assistant', asked)], 'applied'],
      ['asked by the administrator, for himself', [rs.request('admin', { date: '2026-12-20', toDate: '2026-12-20' })], 'applied'],
      ['answered by the administrator', [rs.answer('admin', asked, { decision: 'refuse', reason: '人手不足' })], 'notAllowed: administrator may not roster.approve'],
      ['answered by the manager', [rs.answer('manager', asked, { decision: 'refuse', reason: '人手不足' })], 'notAllowed: manager may not roster.approve'],
      ['answered by the assistant herself', [rs.answer('assistant', asked, { decision: 'refuse', reason: '人手不足' })], 'notAllowed: assistant may not roster.approve'],
      ['answered by the supervisor', [rs.answer('supervisor', asked, { decision: 'refuse', reason: '人手不足' })], 'applied'],
    ])
  })

  it('never changes an approved version: no second decision, no rewrite under its id', async () => {
    const v = await rs.approved()
    const changed = { ...v, snapshot: { ...v.snapshot, rows: v.snapshot.rows.slice(1) } }
    await expectOutcomes(rs, [
      ['approved again', rs.step('supervisor', v, 'approve'), 'invalid: alreadyDecided'],
      ['returned after approval', rs.step('supervisor', v, 'return'), 'invalid: alreadyDecided'],
      ['its rows rewritten under its id', rs.submit('admin', changed).slice(1), 'appendOnlyChanged'],
      ['its reason rewritten under its id', rs.submit('admin', { ...v, reason: '改了' }).slice(1), 'appendOnlyChanged'],
      // A tablet's queue sending the same version again changes nothing, so it is not an error.
      ['the same version sent again', rs.submit('admin', v).slice(1), 'applied'],
    ])
    const versions = (await pullAll(rs.s, rs.desk)).changes.filter((c) => c.table === 'rosterVersions')
    expect(versions.map((c) => c.data)).toEqual([v])
  })

  it('keeps the roster with the desk: a department tablet gets none of it and may push none of it', async () => {
    const v = await rs.approved()
    const r = makeRequest({ siteId: rs.siteId, staffId: rs.staff.assistant, at: rs.s.clock.now })
    const outcome = approvedRoster(v, r, rs.staff.admin)
    const change = rs.version({ source: 'request', basedOnId: v.id, requestId: r.id, reason: '请假', snapshot: outcome.snapshot, staffId: rs.staff.supervisor })
    await rs.push([rs.cell('admin', 'assistant', '2026-12-01', 'desk', rs.day), rs.request('assistant', r), ...rs.submit('supervisor', change), ...rs.step('supervisor', change, 'approve')])
    await rs.push([rs.answer('supervisor', r, { coverId: rs.staff.admin, versionId: change.id })])

    const atDesk = (await pullAll(rs.s, rs.desk)).changes
    for (const table of ROSTER_TABLES) expect(atDesk.filter((c) => c.table === table).length, `the desk pulls ${table}`).toBeGreaterThan(0)
    const atDepartment = (await pullAll(rs.s, rs.deptTablet)).changes
    expect(atDepartment.length).toBeGreaterThan(0)
    for (const table of ROSTER_TABLES) expect(atDepartment.filter((c) => c.table === table), `the department pulls ${table}`).toEqual([])
    // Nor the signatures on versions and steps.
    expect(atDepartment.filter((c) => c.table === 'signatures')).toEqual([])

    const other = rs.version()
    const confidential = 'confidential: desk devices only'
    await expectOutcomes(
      rs,
      [
        ['a cell', [rs.cell('admin', 'assistant', '2026-12-02', 'desk', rs.day, rs.deptTablet)], confidential],
        ['a version', rs.submit('admin', other, rs.deptTablet), confidential],
        ['a step', rs.step('supervisor', other, 'approve', {}, rs.deptTablet), confidential],
        ['a request', [rs.request('assistant', { date: '2026-12-12', toDate: '2026-12-12' }, rs.deptTablet)], confidential],
        ['an answer', [rs.answer('supervisor', makeRequest({ siteId: rs.siteId }), {}, rs.deptTablet)], confidential],
      ],
      rs.deptTablet,
    )
  })
})
