import { describe, expect, it } from 'vitest'
import { monthPeriod, siteStatistics, weekPeriod } from '@shared/domain/statistics'
import { newId } from '@shared/domain/ids'
import { shiftKey } from '@shared/domain/duty-log'
import { instantAt } from '@shared/domain/time'
import { makeEntry, makeHandover } from '../../../factories/duty-seed'
import { SITE } from '../../../factories/register-print'
import { emptyInput } from '../../../factories/statistics'

const SH = 'Asia/Shanghai'
const at = (date: string, hhmm: string): number => instantAt(date, hhmm, SH)
const SHIFT = newId()
const CLERK = newId()
const key = (date: string): string => shiftKey(date, SHIFT)
const NOW = at('2026-12-05', '12:00')

describe('the duty log’s matters reported up (篇2 4.2.3), as they read now', () => {
  it('counts entries to the administrator and the supervisor in the period, corrections replacing what they correct', () => {
    const major = makeEntry(SITE, { shiftKey: key('2026-11-10'), at: at('2026-11-10', '10:00'), staffId: CLERK, escalation: 'supervisor' })
    const downgraded = makeEntry(SITE, { shiftKey: key('2026-11-11'), at: at('2026-11-11', '10:00'), staffId: CLERK, escalation: 'supervisor' })
    const correction = makeEntry(SITE, { shiftKey: key('2026-11-11'), at: at('2026-11-11', '10:00'), staffId: CLERK, escalation: 'administrator', correctsId: downgraded.id })
    const closed = makeEntry(SITE, { shiftKey: key('2026-11-11'), at: at('2026-11-11', '15:00'), staffId: CLERK, resolvesFollowUp: true, correctsId: major.id })
    const plain = makeEntry(SITE, { shiftKey: key('2026-11-12'), at: at('2026-11-12', '10:00'), staffId: CLERK })
    const december = makeEntry(SITE, { shiftKey: key('2026-12-01'), at: at('2026-12-01', '00:00'), staffId: CLERK, escalation: 'supervisor' })
    const s = siteStatistics(emptyInput({ dutyEntries: [major, downgraded, correction, closed, plain, december] }), monthPeriod('2026-11'), NOW)
    expect(s.current.duty).toEqual({ toAdministrator: 1, toSupervisor: 1, stillOpen: 1 })
  })
})

describe('handovers (篇2 4.3): late arrivals, counts off, no-shows', () => {
  it('counts the handovers whose incoming shift starts in the period', () => {
    const base = { fromShiftKey: key('2026-11-23'), toShiftKey: key('2026-11-23'), outgoingId: CLERK, incomingId: newId(), outgoingName: '李娜', incomingName: '王芳' }
    const onTime = makeHandover(SITE, { ...base, shiftStartsAt: at('2026-11-23', '08:00') }).handover
    const late = makeHandover(SITE, { ...base, shiftStartsAt: at('2026-11-24', '08:00'), arrivedBefore: 5 }).handover
    const off = makeHandover(SITE, {
      ...base,
      shiftStartsAt: at('2026-11-29', '20:00'),
      counts: [
        { itemId: 'keys', name: '钥匙', kind: 'count', expected: 12, counted: 11, note: '少一把', nextReceiptNo: '' },
        { itemId: 'radios', name: '对讲机', kind: 'count', expected: 4, counted: 3, note: '维修', nextReceiptNo: '' },
        { itemId: 'cash', name: '备用金', kind: 'cash', expected: 500, counted: 500, note: '', nextReceiptNo: '' },
      ],
    }).handover
    const nextWeek = makeHandover(SITE, { ...base, shiftStartsAt: at('2026-11-30', '08:00'), arrivedBefore: 0 }).handover
    const noShow = makeEntry(SITE, { shiftKey: key('2026-11-25'), at: at('2026-11-25', '20:20'), staffId: CLERK, kind: 'noShow', escalation: 'supervisor' })
    const s = siteStatistics(emptyInput({ handovers: [onTime, late, off, nextWeek], dutyEntries: [noShow] }), weekPeriod('2026-11-25'), NOW)
    expect(s.current.handovers).toEqual({ total: 3, late: 1, mismatches: 1, mismatchedItems: 2, noShows: 1 })
    expect(s.current.duty.toSupervisor).toBe(0)
    expect(s.previous.handovers.total).toBe(0)
  })
})
