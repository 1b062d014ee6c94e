import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { shiftKey } from '@shared/domain/duty-log'
import { cellKey, daysOf, workingCodes } from '@shared/domain/roster'
import type { DeskbookDb } from '@client/db/database'
import { RecordInvalidError } from '@client/db/errors'
import { loadRosterMonth, monthRequests, shiftRoster } from '@client/db/roster/roster-month'
import { draftOf, paintCells, submitRoster, takeStep, type Paint } from '@client/db/roster/roster-writes'
import { answerRequest, askForChange } from '@client/db/roster/roster-requests'
import { freshDb } from '../../../factories/db'
import { at, TZ } from '../../../factories/duty'
import { seedRosterSite, type RosterSite } from '../../../factories/roster-site'

const MONTH = '2026-12'
const NOW = at('2026-11-21', '09:00')

let db: DeskbookDb
let s: RosterSite
beforeEach(async () => {
  db = freshDb()
  s = await seedRosterSite(db)
})
afterEach(async () => {
  db.close()
  await db.delete()
})

async function problemsOf(p: Promise<unknown>): Promise<string[]> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(RecordInvalidError)
  return (e as RecordInvalidError<string>).problems
}

/** The clerk on days, the colleague on nights, every day of December; the administrator on days on weekdays. */
function wholeMonth(): Paint[] {
  return daysOf(MONTH).flatMap((date) => [
    { staffId: s.staff.clerk.id, date, lane: 'desk' as const, code: s.day },
    { staffId: s.staff.colleague.id, date, lane: 'desk' as const, code: s.night },
  ])
}

describe('the roster cycle on the tablet', () => {
  it('paints, submits, is returned with a comment, resubmits, is approved and acknowledged — each step signed, each write with its outbox entry', async () => {
    const admin = s.actor('administrator')
    // Nothing painted yet: an empty roster is not submitted (it would say nobody stands the desk).
    expect(await problemsOf(submitRoster(db, admin, 'administrator', MONTH, '', s.sign('administrator', NOW), TZ, NOW))).toEqual(['nothingPainted'])
    expect(await db.outbox.count()).toBe(0)
    await paintCells(db, admin, 'administrator', MONTH, wholeMonth(), TZ, NOW)
    expect(await db.rosterCells.count()).toBe(62)
    expect((await db.outbox.toArray()).filter((m) => m.name === 'rosterCell.put')).toHaveLength(62)

    const v1 = await submitRoster(db, admin, 'administrator', MONTH, '', s.sign('administrator', NOW), TZ, NOW)
    expect(v1.snapshot.rows.map((r) => r.name).sort()).toEqual(['张敏', '李娜', '王管理'].sort())
    // Under review the draft is not changed under the supervisor.
    expect(await problemsOf(paintCells(db, admin, 'administrator', MONTH, [{ staffId: s.staff.clerk.id, date: '2026-12-01', lane: 'desk', code: 'rest' }], TZ, NOW + 1))).toEqual(['underReview'])

    const sup = s.actor('supervisor')
    expect(await problemsOf(takeStep(db, sup, 'supervisor', v1.id, 'return', '  ', s.sign('supervisor', NOW + 2), NOW + 2))).toEqual(['commentRequired'])
    await takeStep(db, sup, 'supervisor', v1.id, 'return', '12月24日白班只有一人', s.sign('supervisor', NOW + 2), NOW + 2)
    await paintCells(db, admin, 'administrator', MONTH, [{ staffId: s.staff.administrator.id, date: '2026-12-24', lane: 'desk', code: s.day }], TZ, NOW + 3)
    const v2 = await submitRoster(db, admin, 'administrator', MONTH, '', s.sign('administrator', NOW + 4), TZ, NOW + 4)
    await takeStep(db, sup, 'supervisor', v2.id, 'approve', '', s.sign('supervisor', NOW + 5), NOW + 5)
    // Decided once: a second answer on the same version is refused.
    expect(await problemsOf(takeStep(db, sup, 'supervisor', v2.id, 'return', '再改', s.sign('supervisor', NOW + 6), NOW + 6))).toEqual(['alreadyDecided'])
    // Only the manager acknowledges.
    expect(await problemsOf(takeStep(db, sup, 'supervisor', v2.id, 'acknowledge', '', s.sign('supervisor', NOW + 6), NOW + 6))).toEqual(['notAllowed'])
    await takeStep(db, s.actor('manager'), 'manager', v2.id, 'acknowledge', '', s.sign('manager', NOW + 7), NOW + 7)

    const month = await loadRosterMonth(db, s.siteId, MONTH)
    expect(month.statuses.map((x) => [x.state, x.number, !!x.acknowledged])).toEqual([
      ['returned', null, false],
      ['approved', 1, true],
    ])
    expect(await db.signatures.count()).toBe(5)
    const onDay = await shiftRoster(db, s.siteId, shiftKey('2026-12-24', s.day))
    expect(onDay.rostered).toBe(true)
    expect(onDay.staffIds.sort()).toEqual([s.staff.clerk.id, s.staff.administrator.id].sort())

    // A change after approval gives its reason and makes a new version; the approved one stays.
    expect(await problemsOf(submitRoster(db, admin, 'administrator', MONTH, '', s.sign('administrator', NOW + 8), TZ, NOW + 8))).toEqual(['reasonRequired', 'nothingChanged'])
    await paintCells(db, admin, 'administrator', MONTH, [{ staffId: s.staff.administrator.id, date: '2026-12-25', lane: 'desk', code: s.day }], TZ, NOW + 9)
    const v3 = await submitRoster(db, admin, 'administrator', MONTH, '圣诞节客流大,增加一人', s.sign('administrator', NOW + 10), TZ, NOW + 10)
    expect(v3.basedOnId).toBe(v2.id)
    expect((await db.rosterVersions.get(v2.id))!.snapshot).toEqual(v2.snapshot)
  })

  it('keeps a month without an approved roster saying so: nobody is rostered', async () => {
    await paintCells(db, s.actor('administrator'), 'administrator', MONTH, wholeMonth(), TZ, NOW)
    await submitRoster(db, s.actor('administrator'), 'administrator', MONTH, '', s.sign('administrator', NOW), TZ, NOW)
    expect(await shiftRoster(db, s.siteId, shiftKey('2026-12-01', s.day))).toMatchObject({ rostered: false, staffIds: [] })
  })

  it('refuses the roster to anyone but the administrator, and a desk cell for someone who does not stand the desk', async () => {
    const paint: Paint = { staffId: s.staff.clerk.id, date: '2026-12-01', lane: 'desk', code: s.day }
    expect(await problemsOf(paintCells(db, s.actor('clerk'), 'assistant', MONTH, [paint], TZ, NOW))).toEqual(['notAllowed'])
    expect(await problemsOf(paintCells(db, s.actor('supervisor'), 'supervisor', MONTH, [paint], TZ, NOW))).toEqual(['notAllowed'])
    expect(await problemsOf(paintCells(db, s.actor('administrator'), 'administrator', MONTH, [{ ...paint, staffId: s.staff.supervisor.id }], TZ, NOW))).toEqual(['wrongLane'])
    // Back-office support is marked apart (篇2 4.1.2) and takes a shift, not 休.
    await paintCells(db, s.actor('administrator'), 'administrator', MONTH, [{ ...paint, staffId: s.staff.supervisor.id, lane: 'support' }], TZ, NOW)
    expect(await problemsOf(paintCells(db, s.actor('administrator'), 'administrator', MONTH, [{ ...paint, staffId: s.staff.supervisor.id, lane: 'support', code: 'rest' }], TZ, NOW))).toEqual(['wrongLane'])
    expect(await db.outbox.count()).toBe(1)
  })

  it('a leave asked a day ahead and approved with a cover makes a new version; the draft follows it, a later paint wins', async () => {
    const admin = s.actor('administrator')
    await paintCells(db, admin, 'administrator', MONTH, wholeMonth(), TZ, NOW)
    const v1 = await submitRoster(db, admin, 'administrator', MONTH, '', s.sign('administrator', NOW), TZ, NOW)
    await takeStep(db, s.actor('supervisor'), 'supervisor', v1.id, 'approve', '', s.sign('supervisor', NOW + 1), NOW + 1)

    const ask = { kind: 'leave' as const, date: '2026-12-10', toDate: '2026-12-10', swapWithId: null, swapDate: null, reason: '孩子生病' }
    // 篇2 4.2.6 提前一天: on the day itself is too late.
    expect(await problemsOf(askForChange(db, s.actor('clerk'), 'assistant', ask, TZ, at('2026-12-10', '07:00')))).toEqual(['tooLate'])
    expect(await problemsOf(askForChange(db, s.actor('supervisor'), 'supervisor', ask, TZ, NOW))).toEqual(['notAllowed'])
    const request = await askForChange(db, s.actor('clerk'), 'assistant', ask, TZ, at('2026-12-09', '23:59'))
    expect(await problemsOf(askForChange(db, s.actor('clerk'), 'assistant', ask, TZ, at('2026-12-09', '23:59')))).toEqual(['overlaps'])
    expect(await problemsOf(answerRequest(db, s.actor('clerk'), 'assistant', request.id, { decision: 'approve', coverId: s.staff.administrator.id, reason: '', signature: s.sign('clerk', NOW) }, TZ, NOW))).toEqual(['notAllowed'])

    const when = at('2026-12-09', '23:59') + 60_000
    const answer = await answerRequest(db, s.actor('supervisor'), 'supervisor', request.id, { decision: 'approve', coverId: s.staff.administrator.id, reason: '', signature: s.sign('supervisor', when) }, TZ, when)
    expect(await problemsOf(answerRequest(db, s.actor('supervisor'), 'supervisor', request.id, { decision: 'refuse', coverId: null, reason: '人手不足', signature: null }, TZ, when + 1))).toEqual(['alreadyAnswered'])
    const month = await loadRosterMonth(db, s.siteId, MONTH)
    expect(month.inForce?.version.id).toBe(answer.versionId)
    expect(month.inForce?.number).toBe(2)
    const onDay = await shiftRoster(db, s.siteId, shiftKey('2026-12-10', s.day))
    expect(onDay.staffIds).toEqual([s.staff.administrator.id])
    expect((await monthRequests(db, s.siteId, MONTH))[0]?.answer?.decision).toBe('approve')

    let codes = workingCodes(month.cells, month.statuses)
    expect(codes.get(cellKey(s.staff.clerk.id, '2026-12-10', 'desk'))).toBe('leave')
    expect(codes.get(cellKey(s.staff.administrator.id, '2026-12-10', 'desk'))).toBe(s.day)
    await paintCells(db, admin, 'administrator', MONTH, [{ staffId: s.staff.clerk.id, date: '2026-12-10', lane: 'desk', code: 'rest' }], TZ, when + 5)
    const after = await loadRosterMonth(db, s.siteId, MONTH)
    codes = workingCodes(after.cells, after.statuses)
    expect(codes.get(cellKey(s.staff.clerk.id, '2026-12-10', 'desk'))).toBe('rest')
    expect((await draftOf(db, s.siteId, MONTH)).snapshot.rows.find((r) => r.staffId === s.staff.clerk.id)?.days[9]).toBe('rest')
  })
})
