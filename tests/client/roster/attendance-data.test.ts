/**
 * The attendance of a month read from the tablet (issue 13 point 5) across the month's end: what the last
 * night of December records belongs to the month of the shift it is about (篇2 4.2.7–4.2.8), once.
 */
import { describe, expect, it } from 'vitest'
import { shiftKey } from '@shared/domain/duty-log'
import { attendanceOf, type AttendanceLine } from '@shared/domain/roster-attendance'
import type { DeskbookDb } from '@client/db/database'
import { readAttendanceMonth } from '@client/features/roster/attendance/attendance-data'
import { at, TZ } from '../../factories/duty'
import { makeEntry, makeHandover } from '../../factories/duty-seed'
import type { RosterSite } from '../../factories/roster-site'
import { useRosterSiteDb } from '../../factories/roster-site-db'

const NOW = at('2027-01-02', '12:00')

let db: DeskbookDb
let s: RosterSite
// Both months approved: 李娜 (clerk) on days, 张敏 (colleague) on nights; 王管理 (administrator) off.
useRosterSiteDb((d, site) => ([db, s] = [d, site]), { approve: ['2026-12', '2027-01'] })

async function handedOver(from: string, to: string, outgoing: keyof RosterSite['staff'], incoming: keyof RosterSite['staff'], shiftStartsAt: number, arrivedBefore: number): Promise<void> {
  const { handover, signatures } = makeHandover(s.siteId, { fromShiftKey: from, toShiftKey: to, outgoingId: s.staff[outgoing].id, incomingId: s.staff[incoming].id, outgoingName: s.staff[outgoing].name, incomingName: s.staff[incoming].name, shiftStartsAt, arrivedBefore })
  await db.handovers.put(handover)
  await db.signatures.bulkPut(signatures)
}

async function noShow(key: string, when: number, by: keyof RosterSite['staff']): Promise<void> {
  await db.dutyEntries.put(makeEntry(s.siteId, { shiftKey: key, at: when, staffId: s.staff[by].id, kind: 'noShow', content: '接班人未到岗', escalation: 'supervisor' }))
}

async function attendance(month: string): Promise<Map<string, AttendanceLine>> {
  const data = await readAttendanceMonth(db, s.siteId, month)
  return new Map(attendanceOf({ month, ...data, tz: TZ, leadMinutes: 15, now: NOW }).map((l) => [l.staffId, l]))
}

const pick = (l: AttendanceLine | undefined, kind: string) => (l?.events ?? []).filter((e) => e.kind === kind).map((e) => [e.date, e.shiftTypeId, e.minutes, e.otherId])

describe('readAttendanceMonth across the end of a month', () => {
  it('counts a 未到岗 written on the last night of December in January, the month of the shift missed, and nowhere else', async () => {
    const lastDay = shiftKey('2026-12-31', s.day)
    const lastNight = shiftKey('2026-12-31', s.night)
    const firstDay = shiftKey('2027-01-01', s.day)
    // 张敏 is late for the night of the 31st: 李娜 records it after midnight (00:20) and hands over at 00:30.
    await noShow(lastDay, at('2027-01-01', '00:20'), 'clerk')
    await handedOver(lastDay, lastNight, 'clerk', 'colleague', at('2026-12-31', '20:00'), -270)
    // 李娜 does not come for the day shift of the 1st: 张敏 records it at 08:10; 王管理 takes over at 08:40.
    await noShow(lastNight, at('2027-01-01', '08:10'), 'colleague')
    await handedOver(lastNight, firstDay, 'colleague', 'administrator', at('2027-01-01', '08:00'), -40)
    const [clerk, colleague, admin] = [s.staff.clerk.id, s.staff.colleague.id, s.staff.administrator.id]

    const december = await attendance('2026-12')
    const january = await attendance('2027-01')
    // The night of the 31st was December's: 李娜 recorded 张敏 not there, and waited 270 minutes for her.
    expect(pick(december.get(colleague), 'reported')).toEqual([['2026-12-31', s.night, 0, clerk]])
    expect(pick(january.get(colleague), 'reported')).toEqual([])
    // The day shift of the 1st is January's: 张敏's record of 李娜 not coming counts there, once.
    expect(pick(january.get(clerk), 'reported')).toEqual([['2027-01-01', s.day, 0, colleague]])
    expect(pick(december.get(clerk), 'reported')).toEqual([])
    // Late arrivals go with the shift taken over, waits with the shift handed over: each in one month.
    expect(pick(december.get(colleague), 'late')).toEqual([['2026-12-31', s.night, 285, null]])
    expect(pick(january.get(admin), 'late')).toEqual([['2027-01-01', s.day, 55, null]])
    expect(pick(december.get(admin), 'late')).toEqual([])
    expect(pick(december.get(clerk), 'kept')).toEqual([['2026-12-31', s.day, 270, colleague]])
    expect(pick(december.get(colleague), 'kept')).toEqual([['2026-12-31', s.night, 40, admin]])
    expect(pick(january.get(colleague), 'kept')).toEqual([])
    expect(pick(january.get(clerk), 'kept')).toEqual([])
  })
})
