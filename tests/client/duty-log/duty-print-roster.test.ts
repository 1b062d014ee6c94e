/**
 * The printed duty log's 值班人 with the roster (issue 13 point 4): the rostered clerks of each shift and
 * whoever took a shift over off the roster; a clerk who logged in at 15:00 only to register a request is
 * not printed. A month without an approved roster prints who started duty, as before.
 */
import { describe, expect, it } from 'vitest'
import { shiftKey } from '@shared/domain/duty-log'
import type { DeskbookDb } from '@client/db/database'
import { loadDutyPrint } from '@client/features/duty-log/print/duty-print-data'
import { onDutyIds } from '@client/features/duty-log/print/duty-print-rows'
import { at, TZ } from '../../factories/duty'
import { makeDutyStart, makeHandover } from '../../factories/duty-seed'
import type { RosterSite } from '../../factories/roster-site'
import { useRosterSiteDb } from '../../factories/roster-site-db'

const D = '2026-12-10'
let db: DeskbookDb
let s: RosterSite
useRosterSiteDb((d, site) => ([db, s] = [d, site]), { approve: ['2026-12'] })

const loggedIn = (key: string, who: keyof RosterSite['staff'], when: number) =>
  db.dutyEntries.put(makeDutyStart(s.siteId, key, s.staff[who].id, when))

describe('the printed 值班人 with an approved roster', () => {
  it('names the rostered clerk, not the night clerk who logged in at 15:00; one who took over off the roster is marked', async () => {
    const dayKey = shiftKey(D, s.day)
    await loggedIn(dayKey, 'colleague', at(D, '15:00'))
    const { handover, signatures } = makeHandover(s.siteId, { fromShiftKey: shiftKey('2026-12-09', s.night), toShiftKey: dayKey, outgoingId: s.staff.colleague.id, incomingId: s.staff.administrator.id, outgoingName: '张敏', incomingName: '王管理', shiftStartsAt: at(D, '08:00') })
    await db.handovers.put(handover)
    await db.signatures.bulkPut(signatures)
    const { shifts } = await loadDutyPrint(db, s.siteId, { kind: 'shift', key: dayKey }, TZ, at('2026-12-11', '09:00'))
    expect(shifts[0]!.rostered).toBe(true)
    expect(onDutyIds(shifts[0]!)).toEqual([
      { staffId: s.staff.clerk.id, offRoster: false },
      { staffId: s.staff.administrator.id, offRoster: true },
    ])
  })

  it('prints each shift of the month by the roster, and November (no roster) by who started duty', async () => {
    const { shifts } = await loadDutyPrint(db, s.siteId, { kind: 'month', month: '2026-12' }, TZ, at('2027-01-02', '09:00'))
    expect(shifts).toHaveLength(62)
    expect(new Set(shifts.map((x) => onDutyIds(x).map((p) => p.staffId).join()))).toEqual(new Set([s.staff.clerk.id, s.staff.colleague.id]))
    const novKey = shiftKey('2026-11-25', s.day)
    await loggedIn(novKey, 'colleague', at('2026-11-25', '15:00'))
    const nov = await loadDutyPrint(db, s.siteId, { kind: 'shift', key: novKey }, TZ, at('2026-12-11', '09:00'))
    expect(nov.shifts[0]).toMatchObject({ rostered: false, onDuty: [{ staffId: s.staff.colleague.id, offRoster: false }] })
  })
})
