/**
 * The roster's rules on the server (issue 13 point 7, `src/server/sync/roster-rules.ts`): each refused with
 * its reason, as the tablet's shared rules judge it, and the cycle accepted end to end — draft, return with a
 * comment, resubmit, approve, acknowledge, a leave asked a day ahead and approved with a cover.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { cellId, LEAVE, REST, type RosterVersion } from '@shared/domain/roster'
import { approvedRoster } from '@shared/domain/roster-request'
import { MINUTE } from '@shared/domain/time'
import { makeRequest } from '../factories/roster'
import { BACKENDS } from '../support/server-db'
import { pullAll } from '../support/server-fixtures'
import { expectOutcomes, MONTH, rosterSite, type RosterSite } from '../support/roster-server'

describe.each(BACKENDS)('roster rules on $name', (backend) => {
  let rs: RosterSite
  afterEach(async () => rs?.s.close())
  beforeEach(async () => {
    rs = await rosterSite(backend)
  })

  const ask = (overrides: Parameters<typeof makeRequest>[0] = {}) => makeRequest({ siteId: rs.siteId, staffId: rs.staff.assistant, at: rs.s.clock.now, ...overrides })

  it('takes a cell only under its own id, of staff of the site, on the desk only for who stands it, with a code of the site', async () => {
    const wrongId = rs.cell('admin', 'assistant', '2026-12-01', 'desk', rs.day)
    wrongId.fields = { ...wrongId.fields, id: cellId(rs.siteId, rs.staff.assistant, '2026-12-02', 'desk') }
    wrongId.recordId = String(wrongId.fields.id)
    const stranger = rs.cell('admin', 'assistant', '2026-12-01', 'desk', rs.day)
    const strangerId = newId()
    stranger.fields = { ...stranger.fields, staffId: strangerId, id: cellId(rs.siteId, strangerId, '2026-12-01', 'desk') }
    stranger.recordId = String(stranger.fields.id)
    await expectOutcomes(rs, [
      ['under the id of another day', [wrongId], 'invalid: cellIdMismatch'],
      ['of someone not on the staff', [stranger], 'invalid: unknownStaff'],
      ['the supervisor at the desk (篇2 4.1.2)', [rs.cell('admin', 'supervisor', '2026-12-01', 'desk', rs.day)], 'invalid: notOnDesk'],
      ['the supervisor in support', [rs.cell('admin', 'supervisor', '2026-12-01', 'support', rs.day)], 'applied'],
      ['休 in support', [rs.cell('admin', 'supervisor', '2026-12-02', 'support', REST)], 'invalid: codeNotForLane'],
      ['假 in support', [rs.cell('admin', 'supervisor', '2026-12-02', 'support', LEAVE)], 'invalid: codeNotForLane'],
      ['a shift type the site does not have', [rs.cell('admin', 'assistant', '2026-12-01', 'desk', newId())], 'invalid: unknownShiftType'],
      ['a day shift', [rs.cell('admin', 'assistant', '2026-12-01', 'desk', rs.day)], 'applied'],
      ['休 at the desk', [rs.cell('admin', 'assistant', '2026-12-02', 'desk', REST)], 'applied'],
      ['emptied', [rs.cell('admin', 'assistant', '2026-12-02', 'desk', '')], 'applied'],
    ])
  })

  it('takes a version only signed, of staff of the site, changing an approved version of its month', async () => {
    const pending = rs.version()
    await rs.push(rs.submit('admin', pending))
    const january = rs.version({ month: '2027-01', snapshot: { shifts: [], rows: [] } })
    await rs.push([...rs.submit('admin', january), ...rs.step('supervisor', january, 'approve')])
    const unsigned = rs.version()
    const signedElsewhere = rs.version()
    const [signature] = rs.submit('admin', { ...signedElsewhere, id: newId() })
    const withStranger = rs.version()
    withStranger.snapshot.rows[0] = { ...withStranger.snapshot.rows[0]!, staffId: newId() }
    const withRow = (row: RosterVersion['snapshot']['rows'][number]): RosterVersion => {
      const v = rs.version()
      v.snapshot.rows.push(row)
      return v
    }
    await expectOutcomes(rs, [
      ['without its signature', rs.submit('admin', unsigned).slice(1), 'invalid: signature missing'],
      ['with a signature made for another version', [signature!, rs.submit('admin', signedElsewhere)[1]!], 'invalid: signature missing'],
      ['a draft naming a request', rs.submit('admin', rs.version({ requestId: newId() })), 'invalid: draftWithRequest'],
      ['based on no version known', rs.submit('admin', rs.version({ basedOnId: newId(), reason: '调整' })), 'unknownRosterVersion'],
      ['based on a version not approved', rs.submit('admin', rs.version({ basedOnId: pending.id, reason: '调整' })), 'invalid: basedOnNotApproved'],
      ['based on another month’s', rs.submit('admin', rs.version({ basedOnId: january.id, reason: '调整' })), 'invalid: basedOnOtherMonth'],
      ['with a row of someone not on the staff', rs.submit('admin', withStranger), 'invalid: unknownStaff'],
      ['with the supervisor at the desk (篇2 4.1.2)', rs.submit('admin', withRow({ staffId: rs.staff.supervisor, name: '赵主管', lane: 'desk', days: Array(31).fill(rs.day) })), 'invalid: notOnDesk'],
      ['with a row short of the month’s days', rs.submit('admin', withRow({ staffId: rs.staff.manager, name: '陈经理', lane: 'support', days: Array(30).fill('') })), 'invalid: daysOfMonth'],
      ['with a code the legend does not have', rs.submit('admin', withRow({ staffId: rs.staff.manager, name: '陈经理', lane: 'support', days: Array(31).fill(newId()) })), 'invalid: unknownShiftType'],
    ])
    // Once December is approved, a change says why and names what it changes.
    const v = rs.version()
    await rs.push([...rs.step('supervisor', pending, 'return', { comment: '重排' }), ...rs.submit('admin', v), ...rs.step('supervisor', v, 'approve')])
    await expectOutcomes(rs, [
      ['a change without its reason', rs.submit('admin', rs.version({ basedOnId: v.id, reason: ' ' })), 'invalid: reasonRequired'],
      ['a change naming no approved version', rs.submit('admin', rs.version({ reason: '调整' })), 'invalid: basedOnRequired'],
      ['a change with its reason', rs.submit('admin', rs.version({ basedOnId: v.id, reason: '调整' })), 'applied'],
    ])
  })

  it('takes a step on a known version, signed, as the cycle allows it', async () => {
    const first = rs.version()
    const second = rs.version({ at: first.at + MINUTE })
    await rs.push([...rs.submit('admin', first), ...rs.submit('admin', second)])
    const [, unsigned] = rs.step('supervisor', second, 'approve')
    await expectOutcomes(rs, [
      ['on a version never submitted', rs.step('supervisor', rs.version(), 'approve'), 'unknownRosterVersion'],
      ['returned without a comment', rs.step('supervisor', second, 'return', { comment: ' ' }), 'invalid: commentRequired'],
      ['the older draft approved, overtaken by the newer', rs.step('supervisor', first, 'approve'), 'invalid: notLatest'],
      ['acknowledged before approval', rs.step('manager', second, 'acknowledge'), 'invalid: notApproved'],
      ['approved without its signature', [unsigned!], 'invalid: signature missing'],
      ['approved', rs.step('supervisor', second, 'approve'), 'applied'],
      ['acknowledged', rs.step('manager', second, 'acknowledge'), 'applied'],
      ['acknowledged again', rs.step('manager', second, 'acknowledge'), 'invalid: alreadyAcknowledged'],
    ])
  })

  it('takes a request a day ahead of the shift in the site’s day, against the roster in force', async () => {
    await expectOutcomes(rs, [['before any roster is approved', [rs.request('assistant', ask())], 'invalid: noRoster']])
    await rs.approved()
    const pending = ask({ date: '2026-12-25', toDate: '2026-12-27' })
    const refused = ask({ date: '2026-12-15', toDate: '2026-12-15' })
    await rs.push([rs.request('assistant', pending), rs.request('assistant', refused), rs.answer('supervisor', refused, { decision: 'refuse', reason: '人手不足' })])
    // 9 December 23:59 and 10 December 00:00 in Shanghai.
    const lastMinute = Date.UTC(2026, 11, 9, 15, 59)
    const midnight = Date.UTC(2026, 11, 9, 16, 0)
    rs.s.clock.now = midnight
    await expectOutcomes(rs, [
      ['asked at 00:00 of the day', [rs.request('assistant', ask({ at: midnight }))], 'invalid: tooLate'],
      ['asked more than five minutes ahead of the server', [rs.request('assistant', ask({ at: midnight + 6 * MINUTE, date: '2026-12-11', toDate: '2026-12-11' }))], 'invalid: askedInFuture'],
      ['on days the asker stands no shift', [rs.request('admin', ask({ staffId: rs.staff.admin, at: lastMinute, date: '2026-12-12', toDate: '2026-12-13' }))], 'invalid: notRostered'],
      ['overlapping a request not yet answered', [rs.request('assistant', ask({ at: lastMinute, date: '2026-12-27', toDate: '2026-12-28' }))], 'invalid: overlaps'],
      ['a swap with nobody named', [rs.request('assistant', ask({ at: lastMinute, kind: 'swap', date: '2026-12-20', toDate: '2026-12-20' }))], 'invalid: swapPartnerRequired'],
      [
        'a swap with herself',
        [rs.request('assistant', ask({ at: lastMinute, kind: 'swap', date: '2026-12-20', toDate: '2026-12-20', swapWithId: rs.staff.assistant, swapDate: '2026-12-21' }))],
        'invalid: swapWithSelf',
      ],
      [
        'a swap with someone off that day',
        [rs.request('assistant', ask({ at: lastMinute, kind: 'swap', date: '2026-12-20', toDate: '2026-12-20', swapWithId: rs.staff.admin, swapDate: '2026-12-21' }))],
        'invalid: partnerNotRostered',
      ],
      ['asked at 23:59 the day before', [rs.request('assistant', ask({ at: lastMinute }))], 'applied'],
      ['on the day of a refused one', [rs.request('assistant', ask({ at: lastMinute + MINUTE, date: '2026-12-15', toDate: '2026-12-15' }))], 'applied'],
      [
        'a swap with a colleague on shift',
        [rs.request('assistant', ask({ at: lastMinute, kind: 'swap', date: '2026-12-20', toDate: '2026-12-20', swapWithId: rs.staff.colleague, swapDate: '2026-12-21' }))],
        'applied',
      ],
    ])
  })

  it('takes one answer per request; an approval names the version it made for that request and a free cover', async () => {
    const v = await rs.approved()
    const r = ask()
    const other = ask({ date: '2026-12-12', toDate: '2026-12-12' })
    await rs.push([rs.request('assistant', r), rs.request('assistant', other)])
    const forOther = rs.version({ source: 'request', basedOnId: v.id, requestId: other.id, reason: '请假', snapshot: approvedRoster(v, other, null).snapshot, staffId: rs.staff.supervisor })
    const change = rs.version({ source: 'request', basedOnId: v.id, requestId: r.id, reason: '请假', snapshot: approvedRoster(v, r, rs.staff.admin).snapshot, staffId: rs.staff.supervisor })
    await rs.push([...rs.submit('supervisor', forOther), ...rs.submit('supervisor', change), ...rs.step('supervisor', change, 'approve')])
    await expectOutcomes(rs, [
      ['to a request never asked', [rs.answer('supervisor', ask())], 'unknownRosterRequest'],
      ['refused without a reason', [rs.answer('supervisor', r, { decision: 'refuse', reason: '' })], 'invalid: reasonRequired'],
      ['refused, naming a version', [rs.answer('supervisor', r, { decision: 'refuse', reason: '人手不足', versionId: change.id })], 'invalid: versionOnRefusal'],
      ['approved without a version', [rs.answer('supervisor', r, { coverId: rs.staff.admin })], 'invalid: versionRequired'],
      ['approved, naming a version never made', [rs.answer('supervisor', r, { versionId: newId() })], 'unknownRosterVersion'],
      ['approved, naming the administrator’s draft', [rs.answer('supervisor', r, { versionId: v.id })], 'invalid: versionNotOfRequest'],
      ['approved, naming another request’s version', [rs.answer('supervisor', r, { versionId: forOther.id })], 'invalid: versionNotOfRequest'],
      ['approved, the colleague on nights to cover', [rs.answer('supervisor', r, { coverId: rs.staff.colleague, versionId: change.id })], 'invalid: coverBusy'],
      ['approved, the asker to cover herself', [rs.answer('supervisor', r, { coverId: rs.staff.assistant, versionId: change.id })], 'invalid: coverIsAsker'],
      ['approved, someone off the roster to cover', [rs.answer('supervisor', r, { coverId: rs.staff.supervisor, versionId: change.id })], 'invalid: coverNotOnRoster'],
      ['approved naming no cover, its version has one', [rs.answer('supervisor', r, { coverId: null, versionId: change.id })], 'invalid: versionNotTheAnswer'],
      ['approved with its version', [rs.answer('supervisor', r, { coverId: rs.staff.admin, versionId: change.id })], 'applied'],
      ['answered again', [rs.answer('supervisor', r, { decision: 'refuse', reason: '改主意' })], 'invalid: alreadyAnswered'],
      ['its request carried out again', rs.submit('supervisor', { ...change, id: newId(), signatureId: newId() }), 'invalid: alreadyAnswered'],
    ])
  })

  it('approves a request only before its first shift begins (篇2 4.2.6); a refusal may still come after', async () => {
    const v = await rs.approved()
    const [r, other] = [ask(), ask({ date: '2026-12-12', toDate: '2026-12-12' })]
    await rs.push([rs.request('assistant', r), rs.request('assistant', other)])
    const begins = Date.UTC(2026, 11, 10, 0, 0) // the 10th's day shift, 08:00 in Shanghai
    const change = (at: number) => rs.version({ source: 'request', basedOnId: v.id, requestId: r.id, reason: '请假', snapshot: approvedRoster(v, r, null).snapshot, staffId: rs.staff.supervisor, at })
    const inTime = change(begins - MINUTE)
    await expectOutcomes(rs, [
      ['its version made as the shift begins', rs.submit('supervisor', change(begins)), 'invalid: shiftStarted'],
      ['its version made a minute before', [...rs.submit('supervisor', inTime), ...rs.step('supervisor', inTime, 'approve', { at: begins - MINUTE })], 'applied'],
      ['the answer given as the shift begins', [rs.answer('supervisor', r, { versionId: inTime.id, at: begins })], 'invalid: shiftStarted'],
      ['the answer given a minute before', [rs.answer('supervisor', r, { versionId: inTime.id, at: begins - MINUTE })], 'applied'],
      ['another refused after its shift', [rs.answer('supervisor', other, { decision: 'refuse', reason: '已过时', at: Date.UTC(2026, 11, 12, 2, 0) })], 'applied'],
    ])
  })

  it('takes no answer whose version was not approved: two tablets approving offline from the same roster', async () => {
    const v = await rs.approved()
    const [r, other] = [ask(), ask({ date: '2026-12-12', toDate: '2026-12-12' })]
    await rs.push([rs.request('assistant', r), rs.request('assistant', other)])
    const made = (q: typeof r) => rs.version({ source: 'request', basedOnId: v.id, requestId: q.id, reason: '请假', snapshot: approvedRoster(v, q, null).snapshot, staffId: rs.staff.supervisor })
    const [first, second] = [made(r), made(other)]
    await expectOutcomes(rs, [
      ['the first approval', [...rs.submit('supervisor', first), ...rs.step('supervisor', first, 'approve'), rs.answer('supervisor', r, { versionId: first.id })], 'applied'],
      ['the second, from the same roster: its version is overtaken', [...rs.submit('supervisor', second), ...rs.step('supervisor', second, 'approve')], 'invalid: overtaken'],
      ['and its answer not taken: the request stays open', [rs.answer('supervisor', other, { versionId: second.id })], 'invalid: versionNotApproved'],
    ])
  })

  it('takes a request’s version once, for a request of its month', async () => {
    const v = await rs.approved()
    const r = ask()
    await rs.push([rs.request('assistant', r)])
    const change = (month = MONTH) => rs.version({ month, source: 'request', basedOnId: month === MONTH ? v.id : null, requestId: r.id, reason: '请假', snapshot: approvedRoster(v, r, null).snapshot, staffId: rs.staff.supervisor })
    const first = change()
    await expectOutcomes(rs, [
      ['of another month', rs.submit('supervisor', change('2027-01')), 'invalid: monthsDiffer'],
      ['changing no approved version', rs.submit('supervisor', { ...change(), basedOnId: null }), 'invalid: basedOnRequired'],
      ['carried out and approved', [...rs.submit('supervisor', first), ...rs.step('supervisor', first, 'approve')], 'applied'],
      ['carried out a second time', rs.submit('supervisor', change()), 'invalid: requestCarriedOut'],
    ])
  })

  it('accepts the whole cycle: draft, return with a comment, resubmit, approve, acknowledge, a leave with a cover', async () => {
    const draft = rs.version()
    const again = rs.version({ at: draft.at + 2 * 3600_000 })
    await expectOutcomes(rs, [
      ['painted', [rs.cell('admin', 'assistant', '2026-12-01', 'desk', rs.day), rs.cell('admin', 'colleague', '2026-12-01', 'desk', rs.night)], 'applied'],
      ['submitted', rs.submit('admin', draft), 'applied'],
      ['returned with a comment', rs.step('supervisor', draft, 'return', { comment: '夜班人数不足' }), 'applied'],
      ['submitted again', rs.submit('admin', again), 'applied'],
      ['approved', rs.step('supervisor', again, 'approve', { at: again.at + 3600_000 }), 'applied'],
      ['acknowledged', rs.step('manager', again, 'acknowledge', { at: again.at + 2 * 3600_000 }), 'applied'],
    ])
    const r = ask()
    const outcome = approvedRoster(again, r, rs.staff.admin)
    expect(outcome.problems).toEqual([])
    const change = rs.version({ source: 'request', basedOnId: again.id, requestId: r.id, reason: '请假', snapshot: outcome.snapshot, staffId: rs.staff.supervisor, at: again.at + 3 * 3600_000 })
    await expectOutcomes(rs, [
      ['a leave asked', [rs.request('assistant', r)], 'applied'],
      ['its version', rs.submit('supervisor', change), 'applied'],
      ['its version approved', rs.step('supervisor', change, 'approve'), 'applied'],
      ['the answer naming the cover', [rs.answer('supervisor', r, { coverId: rs.staff.admin, versionId: change.id })], 'applied'],
    ])
    const { changes } = await pullAll(rs.s, rs.desk2)
    expect(changes.filter((c) => c.table === 'rosterVersions').map((c) => c.id)).toEqual([draft.id, again.id, change.id])
    expect(changes.filter((c) => c.table === 'rosterSteps').map((c) => c.data.step)).toEqual(['return', 'approve', 'acknowledge', 'approve'])
    // A draft made from the first approved version, before the leave: approving it would undo the leave.
    const stale = rs.version({ basedOnId: again.id, reason: '调整夜班', at: again.at + 4 * 3600_000 })
    await expectOutcomes(rs, [
      ['a change drafted from the version before the leave', rs.submit('admin', stale), 'applied'],
      ['approved, undoing the leave', rs.step('supervisor', stale, 'approve', { at: stale.at + 3600_000 }), 'invalid: overtaken'],
      ['returned instead', rs.step('supervisor', stale, 'return', { comment: '请按现行排班表重新提交', at: stale.at + 3600_000 }), 'applied'],
    ])
  })
})
