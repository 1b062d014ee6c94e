import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { shiftKey } from '@shared/domain/duty-log'
import { newId } from '@shared/domain/ids'
import { instantAt } from '@shared/domain/time'
import type { DeskbookDb } from '@client/db/database'
import { DutyPrintScopeError, loadDutyPrint, scopeDates, scopeFromQuery } from '@client/features/duty-log/print/duty-print-data'
import { freshDb } from '../../factories/db'
import { makeShiftType, makeStaff } from '../../factories/site'
import { dutyMonth, makeEntry, makeHandover, makeRegistered, makeReview } from '../../factories/duty-seed'

const TZ = 'Asia/Shanghai'
const SITE = newId()
const DATE = '2026-11-27'
const NOW = instantAt('2026-11-28', '12:00', TZ)
const day = makeShiftType({ siteId: SITE, name: '白班', start: '08:00', end: '20:00' })
const night = makeShiftType({ siteId: SITE, name: '夜班', code: '夜', start: '20:00', end: '08:00' })
const li = makeStaff({ siteId: SITE, name: '李娜' })
const wang = makeStaff({ siteId: SITE, name: '王管理', role: 'administrator' })
const zhang = makeStaff({ siteId: SITE, name: '张主管', role: 'supervisor' })
const at = (date: string, hhmm: string): number => instantAt(date, hhmm, TZ)

let db: DeskbookDb
beforeEach(async () => {
  db = freshDb()
  await db.shiftTypes.bulkPut([day, night])
  await db.staff.bulkPut([li, wang, zhang])
})
afterEach(async () => {
  db.close()
  await db.delete()
})

describe('scopeFromQuery', () => {
  it('reads a shift, a day or a month from the address, and nothing malformed', () => {
    const key = shiftKey(DATE, day.id)
    expect(scopeFromQuery({ shift: key })).toEqual({ kind: 'shift', key })
    expect(scopeFromQuery({ date: DATE })).toEqual({ kind: 'day', date: DATE })
    expect(scopeFromQuery({ month: '2026-11' })).toEqual({ kind: 'month', month: '2026-11' })
    for (const bad of [{ shift: 'x' }, { date: '27.11.2026' }, { month: '2026-13' }, {}]) expect(scopeFromQuery(bad), JSON.stringify(bad)).toBeNull()
  })

  it('covers every date of a month, February of a leap year too', () => {
    expect(scopeDates({ kind: 'month', month: '2028-02' })).toHaveLength(29)
    expect(scopeDates({ kind: 'month', month: '2026-11' }).at(-1)).toBe('2026-11-30')
    expect(scopeDates({ kind: 'day', date: DATE })).toEqual([DATE])
  })
})

describe('loadDutyPrint', () => {
  it('reads one shift: its entries, the requests of its time, its handover with both signatures and the day’s review', async () => {
    const key = shiftKey(DATE, day.id)
    const inShift = makeEntry(SITE, { shiftKey: key, at: at(DATE, '09:00'), staffId: li.id })
    const paper = makeEntry(SITE, { shiftKey: key, at: at(DATE, '10:00'), staffId: li.id, paperRef: '纸-007', followUp: true })
    const otherShift = makeEntry(SITE, { shiftKey: shiftKey(DATE, night.id), at: at(DATE, '21:00'), staffId: li.id })
    const otherSite = makeEntry(newId(), { shiftKey: key, at: at(DATE, '11:00'), staffId: li.id })
    await db.dutyEntries.bulkPut([inShift, paper, otherShift, otherSite])
    const during = makeRegistered(SITE, li.id, at(DATE, '12:00'), DATE, 1)
    const before = makeRegistered(SITE, li.id, at(DATE, '07:59'), DATE, 2)
    const atEnd = makeRegistered(SITE, li.id, at(DATE, '20:00'), DATE, 3)
    await db.receptions.bulkPut([during.reception, before.reception, atEnd.reception])
    await db.receptionIndex.bulkPut([during.index, before.index, atEnd.index])
    const { handover, signatures } = makeHandover(SITE, {
      fromShiftKey: key,
      toShiftKey: shiftKey(DATE, night.id),
      outgoingId: li.id,
      incomingId: wang.id,
      outgoingName: '李娜',
      incomingName: '王管理',
      shiftStartsAt: at(DATE, '20:00'),
      arrivedBefore: 5,
      acknowledgements: [
        { kind: 'dutyEntry', itemId: paper.id, explanation: '等工程部回复', acknowledgedAt: at(DATE, '19:50') },
        { kind: 'reception', itemId: during.reception.id, explanation: '已派单', acknowledgedAt: at(DATE, '19:51') },
        { kind: 'reception', itemId: newId(), explanation: '', acknowledgedAt: at(DATE, '19:52') },
      ],
    })
    await db.handovers.put(handover)
    await db.signatures.bulkPut(signatures)
    const review = makeReview(SITE, DATE, zhang.id, at(DATE, '21:00'), '已阅')
    await db.reviews.bulkPut([review, makeReview(SITE, '2026-11-26', zhang.id, at('2026-11-26', '21:00'))])

    const data = await loadDutyPrint(db, SITE, { kind: 'shift', key }, TZ, NOW)
    expect(data.shifts).toHaveLength(1)
    const [shift] = data.shifts
    expect(shift!.window).toMatchObject({ date: DATE, startsAt: at(DATE, '08:00'), endsAt: at(DATE, '20:00') })
    expect(shift!.entries.map((e) => e.id)).toEqual([inShift.id, paper.id])
    expect(shift!.receptions.map((r) => r.index.ref)).toEqual([during.index.ref])
    expect(shift!.receptions[0]).toMatchObject({ customerName: '业主0001', phone: '13812340001' })
    expect(shift!.handover).toEqual(handover)
    expect(shift!.handover!.late).toBe(true)
    expect(shift!.outgoingSignature).toEqual(signatures[0])
    expect(shift!.incomingSignature).toEqual(signatures[1])
    expect(shift!.acks.map((a) => [a.explanation, a.entry?.id ?? null, a.reception?.ref ?? null])).toEqual([
      ['等工程部回复', paper.id, null],
      ['已派单', null, during.index.ref],
      ['', null, null],
    ])
    expect([...data.reviews.keys()]).toEqual([DATE])
    expect(data.reviews.get(DATE)!.review).toEqual(review)
    expect(data.staffNames.get(zhang.id)).toBe('张主管')
  })

  it('refuses a shift of an unknown shift type', async () => {
    await expect(loadDutyPrint(db, SITE, { kind: 'shift', key: shiftKey(DATE, newId()) }, TZ, NOW)).rejects.toBeInstanceOf(DutyPrintScopeError)
  })

  it('reads a day as its shifts in order; the night shift keeps the requests after midnight; a shift not started yet is left out', async () => {
    const late = makeRegistered(SITE, li.id, at('2026-11-28', '02:00'), '2026-11-28', 1)
    await db.receptions.put(late.reception)
    await db.receptionIndex.put(late.index)
    const data = await loadDutyPrint(db, SITE, { kind: 'day', date: DATE }, TZ, NOW)
    expect(data.shifts.map((s) => s.window.shiftType.name)).toEqual(['白班', '夜班'])
    expect(data.shifts[1]!.receptions.map((r) => r.index.id)).toEqual([late.index.id])
    expect(data.reviews.size).toBe(0)

    const tomorrow = await loadDutyPrint(db, SITE, { kind: 'day', date: '2026-11-28' }, TZ, NOW)
    expect(tomorrow.shifts.map((s) => s.window.shiftType.name)).toEqual(['白班'])
  })

  it('keeps a shift of a type no longer in use when something was recorded on it', async () => {
    const old = makeShiftType({ siteId: SITE, name: '中班', code: '中', start: '12:00', end: '16:00', active: false })
    await db.shiftTypes.put(old)
    await db.dutyEntries.put(makeEntry(SITE, { shiftKey: shiftKey(DATE, old.id), at: at(DATE, '13:00'), staffId: li.id }))
    const data = await loadDutyPrint(db, SITE, { kind: 'day', date: DATE }, TZ, NOW)
    expect(data.shifts.map((s) => s.window.shiftType.name)).toEqual(['白班', '中班', '夜班'])
    expect(data.shifts[1]!.entries).toHaveLength(1)
  })

  it('reads a month of 90 shifts and 3,000 entries, each entry with its own shift, nothing of the months around it', async () => {
    const third = makeShiftType({ siteId: SITE, name: '中班', code: '中', start: '16:00', end: '20:00' })
    const types = [makeShiftType({ ...day, end: '16:00' }), third, night]
    await db.shiftTypes.bulkPut(types)
    const month = dutyMonth({ siteId: SITE, month: '2026-11', types, clerks: [li, wang], supervisorId: zhang.id, entries: 3000, receptionsPerShift: 1, tz: TZ })
    await db.dutyEntries.bulkPut(month.entries)
    await db.handovers.bulkPut(month.handovers)
    await db.signatures.bulkPut(month.signatures)
    await db.reviews.bulkPut(month.reviews)
    await db.receptions.bulkPut(month.receptions)
    await db.receptionIndex.bulkPut(month.index)
    // Around the month: the evening before and the first morning after.
    await db.dutyEntries.bulkPut([
      makeEntry(SITE, { shiftKey: shiftKey('2026-10-31', night.id), at: at('2026-10-31', '21:00'), staffId: li.id }),
      makeEntry(SITE, { shiftKey: shiftKey('2026-12-01', day.id), at: at('2026-12-01', '09:00'), staffId: li.id }),
    ])

    const data = await loadDutyPrint(db, SITE, { kind: 'month', month: '2026-11' }, TZ, at('2026-12-05', '09:00'))
    expect(month.shifts).toBe(90)
    expect(data.shifts).toHaveLength(90)
    expect(data.shifts.every((s, i) => i === 0 || s.window.startsAt > data.shifts[i - 1]!.window.startsAt)).toBe(true)
    expect(data.shifts.flatMap((s) => s.entries)).toHaveLength(month.entries.length)
    expect(data.shifts.every((s) => s.entries.every((e) => e.shiftKey === s.key))).toBe(true)
    expect(data.shifts.every((s) => s.receptions.length === 1)).toBe(true)
    expect(data.shifts.filter((s) => s.handover)).toHaveLength(89)
    expect(data.shifts.every((s) => !s.handover || (s.outgoingSignature && s.incomingSignature))).toBe(true)
    expect(data.reviews.size).toBe(29)
  })
})
