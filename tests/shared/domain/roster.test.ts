import { describe, expect, it } from 'vitest'
import { Value } from '@sinclair/typebox/value'
import { IdSchema, newId } from '@shared/domain/ids'
import { awaitingReview, cellId, cellKey, inForce, LEAVE, REST, snapshotOf, versionStatuses, workingCodes, type RosterStaff } from '@shared/domain/roster'
import { makeShiftType } from '../../factories/site'
import { makeRow, makeStep, makeVersion } from '../../factories/roster'

const MONTH = '2026-12'

describe('cellId: one record per staff member, day and lane, whichever tablet paints it', () => {
  const [site, staff] = [newId(), newId()]
  const id = cellId(site, staff, '2026-12-10', 'desk')

  it('is the same every time and passes the id schema', () => {
    expect(cellId(site, staff, '2026-12-10', 'desk')).toBe(id)
    expect(Value.Check(IdSchema, id)).toBe(true)
  })

  it.each([
    { label: 'another lane', other: cellId(site, staff, '2026-12-10', 'support') },
    { label: 'another day', other: cellId(site, staff, '2026-12-11', 'desk') },
    { label: 'another person', other: cellId(site, newId(), '2026-12-10', 'desk') },
    { label: 'another site', other: cellId(newId(), staff, '2026-12-10', 'desk') },
  ])('differs for $label', ({ other }) => {
    expect(other).not.toBe(id)
    expect(Value.Check(IdSchema, other)).toBe(true)
  })
})

describe('snapshotOf: the month as a version freezes it', () => {
  const day = makeShiftType({ code: '白' })
  const retired = makeShiftType({ code: '旧', active: false })
  const person = (role: RosterStaff['role'], active = true): RosterStaff => ({ id: newId(), name: role, role, active })
  const [assistant, administrator, supervisor, gone] = [person('assistant'), person('administrator'), person('supervisor'), person('assistant', false)]
  const cell = (who: RosterStaff, date: string, code: string, lane: 'desk' | 'support' = 'desk') => ({ staffId: who.id, date, lane, code })
  const snapshot = snapshotOf(
    MONTH,
    [supervisor, assistant, administrator, gone],
    [
      cell(assistant, '2026-12-01', day.id),
      cell(assistant, '2026-12-02', REST),
      cell(assistant, '2026-12-03', retired.id),
      cell(assistant, '2026-11-30', day.id),
      cell(supervisor, '2026-12-01', day.id, 'support'),
      cell(supervisor, '2026-12-02', day.id),
      cell(supervisor, '2026-12-03', LEAVE, 'support'),
      cell(person('assistant'), '2026-12-01', day.id),
    ],
    [day, retired],
  )

  it('keeps the active shift types as the legend, minimum 1 when unset', () => {
    expect(snapshot.shifts).toEqual([{ id: day.id, code: '白', name: '白班', start: '08:00', end: '20:00', minStaff: 1 }])
  })

  it('has a desk row for every active desk person, then support rows, each by name; drops what cannot stand', () => {
    expect(snapshot.rows.map((r) => [r.name, r.lane])).toEqual([
      ['administrator', 'desk'],
      ['assistant', 'desk'],
      ['supervisor', 'support'],
    ])
    const [empty, desk, support] = snapshot.rows
    expect(desk!.days.slice(0, 4)).toEqual([day.id, REST, '', ''])
    expect(empty!.days).toEqual(Array(31).fill(''))
    // The supervisor's desk cell and 假 in support are not kept.
    expect(support!.days.slice(0, 3)).toEqual([day.id, '', ''])
  })
})

describe('versionStatuses, inForce, awaitingReview', () => {
  const [v1, v2, v3] = [1, 2, 3].map((h) => makeVersion({ month: MONTH, at: Date.UTC(2026, 10, 20 + h) }))

  it('numbers approved versions in order of approval, not of submission', () => {
    const statuses = versionStatuses([v1!, v2!], [makeStep(v2!, 'approve', { at: Date.UTC(2026, 10, 25) }), makeStep(v1!, 'approve', { at: Date.UTC(2026, 10, 26) })])
    expect(statuses.map((s) => [s.version.id, s.state, s.number])).toEqual([
      [v1!.id, 'approved', 2],
      [v2!.id, 'approved', 1],
    ])
    expect(inForce(statuses)?.version.id).toBe(v1!.id)
  })

  it('lets the first decision stand, whichever was written first', () => {
    const returned = makeStep(v1!, 'return', { at: Date.UTC(2026, 10, 24, 8) })
    const approved = makeStep(v1!, 'approve', { at: Date.UTC(2026, 10, 24, 9) })
    const [status] = versionStatuses([v1!], [approved, returned])
    expect([status!.state, status!.decision?.id, status!.number]).toEqual(['returned', returned.id, null])
  })

  it('counts an acknowledgement only on an approved version', () => {
    const ack = (v: typeof v1) => makeStep(v!, 'acknowledge', { at: Date.UTC(2026, 10, 27) })
    const statuses = versionStatuses([v1!, v2!, v3!], [makeStep(v1!, 'return'), ack(v1), makeStep(v2!, 'approve'), ack(v2), ack(v3)])
    expect(statuses.map((s) => [s.state, s.acknowledged !== null])).toEqual([
      ['returned', false],
      ['approved', true],
      ['submitted', false],
    ])
    expect(awaitingReview(statuses)?.version.id).toBe(v3!.id)
    expect(inForce(versionStatuses([v1!], []))).toBeNull()
  })
})

describe('workingCodes: the draft with approved leave and swaps laid over older cells', () => {
  const [asker, cover] = [newId(), newId()]
  const shift = newId()
  const base = makeVersion({ month: MONTH, snapshot: { shifts: [], rows: [makeRow(asker, MONTH, shift), makeRow(cover, MONTH, REST)] } })
  const leave = makeVersion({
    month: MONTH,
    source: 'request',
    basedOnId: base.id,
    requestId: newId(),
    snapshot: { shifts: [], rows: [makeRow(asker, MONTH, shift, { 10: LEAVE }), makeRow(cover, MONTH, REST, { 10: shift })] },
  })
  const decided = Date.UTC(2026, 11, 5)
  const steps = [makeStep(base, 'approve', { at: Date.UTC(2026, 10, 25) }), makeStep(leave, 'approve', { at: decided })]
  const painted = (staffId: string, d: number, code: string, at: number) => ({ staffId, date: `2026-12-${String(d).padStart(2, '0')}`, lane: 'desk' as const, code, at })

  it('shows an approved leave over a cell painted before it, and a cell painted after it over the leave', () => {
    const cells = [painted(asker, 10, shift, decided - 1), painted(asker, 11, shift, decided - 1), painted(cover, 10, '', decided + 1)]
    const codes = workingCodes(cells, versionStatuses([base, leave], steps))
    expect([codes.get(cellKey(asker, '2026-12-10', 'desk')), codes.get(cellKey(asker, '2026-12-11', 'desk')), codes.get(cellKey(cover, '2026-12-10', 'desk'))]).toEqual([LEAVE, shift, ''])
    // Days the request did not change are not written into the draft.
    expect(codes.has(cellKey(cover, '2026-12-11', 'desk'))).toBe(false)
  })

  it('lays nothing over the draft while the request’s version waits for approval', () => {
    const cells = [painted(asker, 10, shift, decided - 1)]
    const codes = workingCodes(cells, versionStatuses([base, leave], steps.slice(0, 1)))
    expect([...codes]).toEqual([[cellKey(asker, '2026-12-10', 'desk'), shift]])
  })
})
