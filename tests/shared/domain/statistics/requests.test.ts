import { describe, expect, it } from 'vitest'
import { monthPeriod, siteStatistics, weekPeriod } from '@shared/domain/statistics'
import { HOUR, instantAt } from '@shared/domain/time'
import { emptyInput, request } from '../../../factories/statistics'

const SH = 'Asia/Shanghai'
const at = (date: string, hhmm: string): number => instantAt(date, hhmm, SH)
const NOW = at('2026-12-10', '12:00')
const november = monthPeriod('2026-11')

describe('requests in a period: received in it, site-local days', () => {
  it.each([
    { name: '23:59:59 on the last day counts in November', receivedAt: at('2026-11-30', '23:59') + 59_000, nov: 1, dec: 0, day: '2026-11-30' },
    { name: '00:00 on 1 December counts in December', receivedAt: at('2026-12-01', '00:00'), nov: 0, dec: 1, day: null },
    { name: '00:00 on 1 November counts in November (its first day)', receivedAt: at('2026-11-01', '00:00'), nov: 1, dec: 0, day: '2026-11-01' },
    { name: '31 October 23:59 is the month before', receivedAt: at('2026-10-31', '23:59'), nov: 0, dec: 0, day: null },
  ])('$name', ({ receivedAt, nov, dec, day }) => {
    const input = emptyInput({ requests: [request('repair', receivedAt)] })
    const s = siteStatistics(input, november, NOW)
    expect(s.current.requests.total).toBe(nov)
    expect(siteStatistics(input, monthPeriod('2026-12'), NOW).current.requests.total).toBe(dec)
    expect(s.current.requests.byDay.filter((d) => d.count).map((d) => d.date)).toEqual(day ? [day] : [])
    // October's request is November's period before.
    expect(s.previous.requests.total).toBe(receivedAt < at('2026-11-01', '00:00') ? 1 : 0)
  })

  it('counts by category as corrected, by channel and by day, every key present', () => {
    const corrected = request('enquiry', at('2026-11-02', '09:00'), [['correction', at('2026-11-02', '10:00'), { correction: { category: 'complaint' } }]])
    const input = emptyInput({
      requests: [request('repair', at('2026-11-02', '08:00'), [], 'visit'), request('repair', at('2026-11-03', '08:00'), [], 'online'), corrected, request('praise', at('2026-11-03', '21:00'), [], 'relayed')],
    })
    const v = siteStatistics(input, november, NOW).current.requests
    expect(v.total).toBe(4)
    expect(v.byCategory).toMatchObject({ repair: 2, complaint: 1, enquiry: 0, praise: 1, other: 0 })
    expect(Object.keys(v.byCategory)).toHaveLength(9)
    expect(v.byChannel).toEqual({ visit: 1, phone: 1, online: 1, relayed: 1 })
    expect(v.byDay).toHaveLength(30)
    expect(v.byDay.slice(0, 4).map((d) => d.count)).toEqual([0, 2, 2, 0])
  })

  it('an empty period has every figure at zero and no times', () => {
    const s = siteStatistics(emptyInput(), weekPeriod('2026-11-25'), NOW)
    expect(s.current.requests.total).toBe(0)
    expect(s.current.requests.byDay).toHaveLength(7)
    expect(s.current.completion).toEqual({ desk: 0, supervisor: 0, manager: 0, unresolvableEarly: 0, open: 0, openDesk: 0, openSupervisor: 0, completed: 0, medianMs: null, p90Ms: null })
    expect(s.current.complaints).toEqual({ total: 0, inTime: 0, late: 0, overdue: 0, waiting: 0 })
    expect(s.current.returnVisits).toMatchObject({ due: 0, done: 0, awaiting: 0 })
    expect(s.openNow.total).toBe(0)
    expect(s.current.unresolvable).toEqual([])
  })

  it('names no owner: neither the name nor the phone appears anywhere in the output', () => {
    const r = request('complaint', at('2026-11-05', '09:00'), [['closedUnresolvable', at('2026-11-20', '09:00'), { note: '业主王建国(13812345678)不同意方案' }]])
    const text = JSON.stringify(siteStatistics(emptyInput({ requests: [r] }), november, NOW))
    expect(text).not.toContain(r.reception.phone)
    expect(text).not.toContain('13812345678')
    expect(text).not.toContain(r.reception.room)
    expect(text).toContain('138****5678')
  })

  it('a request received after now is not open yet, but counts in its period', () => {
    const later = request('repair', NOW + HOUR)
    const s = siteStatistics(emptyInput({ requests: [later] }), monthPeriod('2026-12'), NOW)
    expect(s.current.requests.total).toBe(1)
    expect(s.openNow.total).toBe(0)
  })
})
