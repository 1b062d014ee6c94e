import { describe, expect, it } from 'vitest'
import { versionStatuses, type RosterStep, type RosterVersion } from '@shared/domain/roster'
import { draftDue, rosterMissing, stepProblems, submitProblems } from '@shared/domain/roster-cycle'
import { instantAt } from '@shared/domain/time'
import { makeStep, makeVersion, SHANGHAI } from '../../factories/roster'

const noon = (date: string, tz = SHANGHAI): number => instantAt(date, '12:00', tz)

describe('draftDue: next month’s roster from the 20th, overdue after the 25th (篇2 4.1.1)', () => {
  it.each([
    { today: '2026-12-19', due: { state: 'none' } },
    { today: '2026-12-20', due: { state: 'due', month: '2027-01', deadline: '2026-12-25' } },
    { today: '2026-12-24', due: { state: 'due', month: '2027-01', deadline: '2026-12-25' } },
    { today: '2026-12-25', due: { state: 'due', month: '2027-01', deadline: '2026-12-25' } },
    { today: '2026-12-26', due: { state: 'overdue', month: '2027-01', deadline: '2026-12-25' } },
    { today: '2026-12-31', due: { state: 'overdue', month: '2027-01', deadline: '2026-12-25' } },
    { today: '2027-01-01', due: { state: 'none' } },
    { today: '2027-01-20', due: { state: 'due', month: '2027-02', deadline: '2027-01-25' } },
    { today: '2027-02-19', due: { state: 'none' } },
    { today: '2027-02-20', due: { state: 'due', month: '2027-03', deadline: '2027-02-25' } },
    { today: '2027-02-26', due: { state: 'overdue', month: '2027-03', deadline: '2027-02-25' } },
    { today: '2027-02-28', due: { state: 'overdue', month: '2027-03', deadline: '2027-02-25' } },
    { today: '2028-02-29', due: { state: 'overdue', month: '2028-03', deadline: '2028-02-25' } },
  ])('at noon on $today in Shanghai → $due.state', ({ today, due }) => {
    expect(draftDue([], [], noon(today), SHANGHAI)).toEqual(due)
  })

  // 25 November 23:59:59 and 26 November 00:00 in Shanghai are 15:59:59 and 16:00 UTC, still the 25th westwards.
  it.each([
    { at: Date.UTC(2026, 10, 25, 15, 59, 59), tz: SHANGHAI, state: 'due' },
    { at: Date.UTC(2026, 10, 25, 16, 0, 0), tz: SHANGHAI, state: 'overdue' },
    { at: Date.UTC(2026, 10, 25, 15, 59, 59), tz: 'Europe/London', state: 'due' },
    { at: Date.UTC(2026, 10, 25, 16, 0, 0), tz: 'Europe/London', state: 'due' },
    { at: Date.UTC(2026, 10, 26, 0, 0, 0), tz: 'Europe/London', state: 'overdue' },
    { at: Date.UTC(2026, 10, 19, 16, 0, 0), tz: SHANGHAI, state: 'due' },
    { at: Date.UTC(2026, 10, 19, 16, 0, 0), tz: 'America/Los_Angeles', state: 'none' },
  ])('$at in $tz → $state', ({ at, tz, state }) => {
    expect(draftDue([], [], at, tz).state).toBe(state)
  })

  it('is met by a submission, due again once it is returned, met again when resubmitted', () => {
    const now = noon('2026-11-23')
    const first = makeVersion({ month: '2026-12', at: noon('2026-11-21') })
    const returned = makeStep(first, 'return')
    const again = makeVersion({ month: '2026-12', at: noon('2026-11-22') })
    const steps: [string, RosterVersion[], RosterStep[], string][] = [
      ['nothing submitted', [], [], 'due'],
      ['only another month’s version', [makeVersion({ month: '2027-01' }), makeVersion({ month: '2026-11' })], [], 'due'],
      ['submitted', [first], [], 'none'],
      ['returned', [first], [returned], 'due'],
      ['resubmitted', [first, again], [returned], 'none'],
      ['resubmitted and approved', [first, again], [returned, makeStep(again, 'approve')], 'none'],
    ]
    for (const [label, versions, s, state] of steps) expect(draftDue(versions, s, now, SHANGHAI).state, label).toBe(state)
  })
})

describe('rosterMissing: this month began without a roster', () => {
  it('flags the month until a version of it is submitted, whatever the day', () => {
    const december = makeVersion({ month: '2026-12', at: noon('2026-12-02') })
    expect(rosterMissing([], [], noon('2026-12-01'), SHANGHAI)).toEqual({ month: '2026-12', deadline: '2026-11-25' })
    expect(rosterMissing([makeVersion({ month: '2027-01' })], [], noon('2026-12-10'), SHANGHAI)).toEqual({ month: '2026-12', deadline: '2026-11-25' })
    expect(rosterMissing([december], [makeStep(december, 'return')], noon('2026-12-22'), SHANGHAI)?.month).toBe('2026-12')
    expect(rosterMissing([december], [], noon('2026-12-03'), SHANGHAI)).toBeNull()
    // 1 January 00:30 in Shanghai is still 31 December in UTC: January is the month that has none.
    expect(rosterMissing([december], [], Date.UTC(2026, 11, 31, 16, 30), SHANGHAI)?.month).toBe('2027-01')
  })
})

describe('stepProblems: decided once, by the latest draft; acknowledged once, when approved', () => {
  const older = makeVersion({ at: 1_000 })
  const v = makeVersion({ at: 2_000 })
  const request = makeVersion({ at: 3_000, source: 'request' })
  const cases: [string, RosterStep[], 'approve' | 'return' | 'acknowledge', string, string[]][] = [
    ['approve the submitted', [], 'approve', '', []],
    ['return the submitted with a comment', [], 'return', '夜班缺人', []],
    ['return without a comment', [], 'return', '  ', ['commentRequired']],
    ['approve the approved', [makeStep(v, 'approve')], 'approve', '', ['alreadyDecided']],
    ['return the approved', [makeStep(v, 'approve')], 'return', '改', ['alreadyDecided']],
    ['approve the returned', [makeStep(v, 'return')], 'approve', '', ['alreadyDecided']],
    ['acknowledge the submitted', [], 'acknowledge', '', ['notApproved']],
    ['acknowledge the returned', [makeStep(v, 'return')], 'acknowledge', '', ['notApproved']],
    ['acknowledge the approved', [makeStep(v, 'approve')], 'acknowledge', '', []],
    ['acknowledge again', [makeStep(v, 'approve'), makeStep(v, 'acknowledge')], 'acknowledge', '', ['alreadyAcknowledged']],
  ]
  it.each(cases)('%s', (_label, steps, step, comment, problems) => {
    const statuses = versionStatuses([older, v, request], steps)
    expect(stepProblems({ step, comment }, statuses.find((s) => s.version.id === v.id)!, statuses)).toEqual(problems)
  })

  it('approves a version only as a change of the roster in force: a leave approved meanwhile is not undone', () => {
    const first = makeVersion({ at: 1_000 })
    const draft = makeVersion({ at: 3_000, basedOnId: first.id })
    const leave = makeVersion({ at: 4_000, basedOnId: first.id, source: 'request' })
    const steps = [makeStep(first, 'approve', { at: 2_000 })]
    const before = versionStatuses([first, draft, leave], steps)
    // The leave is approved although a draft waits (a request's version is not overtaken by a draft) …
    expect(stepProblems({ step: 'approve', comment: '' }, before.find((s) => s.version.id === leave.id)!, before)).toEqual([])
    const after = versionStatuses([first, draft, leave], [...steps, makeStep(leave, 'approve', { at: 5_000 })])
    // … and then the draft made before it can only be returned.
    expect(stepProblems({ step: 'approve', comment: '' }, after.find((s) => s.version.id === draft.id)!, after)).toEqual(['overtaken'])
    expect(stepProblems({ step: 'return', comment: '请按现行排班表重新提交' }, after.find((s) => s.version.id === draft.id)!, after)).toEqual([])
  })

  it('refuses to decide a draft a newer draft overtook — a request’s version does not overtake it', () => {
    const statuses = versionStatuses([older, v, request], [])
    expect(stepProblems({ step: 'approve', comment: '' }, statuses[0]!, statuses)).toEqual(['notLatest'])
    expect(stepProblems({ step: 'approve', comment: '' }, statuses[1]!, statuses)).toEqual([])
  })
})

describe('submitProblems', () => {
  const now = noon('2026-11-23')
  const waiting = versionStatuses([makeVersion({ month: '2026-12' })], [])
  it.each([
    { label: 'a first draft', month: '2026-12', reason: '', same: false, statuses: [], problems: [] },
    { label: 'a past month', month: '2026-10', reason: '', same: false, statuses: [], problems: ['pastMonth'] },
    { label: 'one already under review', month: '2026-12', reason: '', same: false, statuses: waiting, problems: ['underReview'] },
  ])('$label → $problems', ({ month, reason, same, statuses, problems }) => {
    expect(submitProblems(month, reason, same, statuses, now, SHANGHAI)).toEqual(problems)
  })

  it('asks a change of an approved roster for its reason and a change', () => {
    const v = makeVersion({ month: '2026-12' })
    const statuses = versionStatuses([v], [makeStep(v, 'approve')])
    expect(submitProblems('2026-12', ' ', true, statuses, now, SHANGHAI)).toEqual(['reasonRequired', 'nothingChanged'])
    expect(submitProblems('2026-12', '张敏调休', false, statuses, now, SHANGHAI)).toEqual([])
  })
})
