import { describe, expect, it } from 'vitest'
import { completionShares, monthPeriod, percentile, recordFacts, siteStatistics, type CompletionFigures } from '@shared/domain/statistics'
import { defaultSettings } from '@shared/domain/settings'
import { DAY, HOUR, instantAt } from '@shared/domain/time'
import { SITE } from '../../../factories/register-print'
import { emptyInput, request, type Step } from '../../../factories/statistics'

const SH = 'Asia/Shanghai'
const T = instantAt('2026-11-10', '10:00', SH)
const november = monthPeriod('2026-11')
const NOW = instantAt('2026-12-20', '10:00', SH)

type Bucket = Exclude<keyof CompletionFigures, 'completed' | 'medianMs' | 'p90Ms' | 'openDesk' | 'openSupervisor'>

describe('who completed the period’s requests (篇4 4.6–4.8)', () => {
  it.each<{ name: string; steps: Step[]; now?: number; bucket: Bucket }>([
    { name: 'a result after 1 hour: the desk’s', steps: [['result', T + HOUR]], bucket: 'desk' },
    { name: 'a result at exactly 48 h: still the desk’s', steps: [['result', T + 48 * HOUR]], bucket: 'desk' },
    { name: 'a result at 48 h and 1 ms: the supervisor’s', steps: [['result', T + 48 * HOUR + 1]], bucket: 'supervisor' },
    { name: 'taken over by the supervisor and done on day 5', steps: [['takenOver', T + 49 * HOUR, { level: 'supervisor' }], ['result', T + 5 * DAY]], bucket: 'supervisor' },
    { name: 'a result at exactly 7 days: the supervisor’s', steps: [['result', T + 7 * DAY]], bucket: 'supervisor' },
    { name: 'a result after 8 days: handed to the manager', steps: [['result', T + 8 * DAY]], bucket: 'manager' },
    { name: 'still open after 40 days: the manager’s', steps: [], bucket: 'manager' },
    { name: 'still open on day 1 (now): open', steps: [], now: T + DAY, bucket: 'open' },
    { name: 'with a department on day 3: open', steps: [['handedOver', T + HOUR, { departmentId: SITE }]], now: T + 3 * DAY, bucket: 'open' },
    { name: 'a department’s report on day 1: the desk’s', steps: [['handedOver', T + HOUR, { departmentId: SITE }], ['departmentDone', T + DAY, { note: '已修好' }]], bucket: 'desk' },
    { name: 'reopened: the report on an earlier hand-over no longer counts, handed on, open at now', steps: [['handedOver', T + HOUR, { departmentId: SITE }], ['departmentDone', T + DAY, { note: '已修好' }], ['handedOver', T + DAY + HOUR, { departmentId: SITE }]], now: T + 2 * DAY, bucket: 'open' },
    { name: 'reopened and never finished: the manager’s', steps: [['handedOver', T + HOUR, { departmentId: SITE }], ['departmentDone', T + DAY, { note: '已修好' }], ['handedOver', T + DAY + HOUR, { departmentId: SITE }]], bucket: 'manager' },
    { name: 'closed unresolvable on day 2', steps: [['closedUnresolvable', T + 2 * DAY]], bucket: 'unresolvableEarly' },
    { name: 'closed unresolvable on day 9: the manager’s', steps: [['closedUnresolvable', T + 9 * DAY]], bucket: 'manager' },
  ])('$name', ({ steps, now, bucket }) => {
    const full = siteStatistics(emptyInput({ requests: [request('repair', T, steps)] }), november, now ?? NOW)
    const c = full.current.completion
    // The clock-free facts kept beside the request (tablet and server) give the same figures as its timeline.
    expect(siteStatistics(emptyInput({ requests: [recordFacts(request('repair', T, steps))] }), november, now ?? NOW)).toEqual(full)
    const buckets: Bucket[] = ['desk', 'supervisor', 'manager', 'unresolvableEarly', 'open']
    expect(Object.fromEntries(buckets.map((b) => [b, c[b]]))).toEqual(Object.fromEntries(buckets.map((b) => [b, b === bucket ? 1 : 0])))
  })

  it('follows the site’s thresholds', () => {
    const settings = { ...defaultSettings(SITE), supervisorEscalationHours: 24, managerEscalationHours: 72 }
    const requests = [request('repair', T, [['result', T + 30 * HOUR]]), request('repair', T, [['result', T + 80 * HOUR]])]
    const c = siteStatistics(emptyInput({ requests }, settings), november, NOW).current.completion
    expect([c.desk, c.supervisor, c.manager]).toEqual([0, 1, 1])
  })

  it('a request received in November and completed in December counts in November only', () => {
    const r = request('repair', instantAt('2026-11-30', '22:00', SH), [['result', instantAt('2026-12-01', '09:00', SH)]])
    const s = siteStatistics(emptyInput({ requests: [r] }), november, NOW)
    expect(s.current.completion).toMatchObject({ desk: 1, completed: 1, medianMs: 11 * HOUR })
    expect(siteStatistics(emptyInput({ requests: [r] }), monthPeriod('2026-12'), NOW).current.completion.completed).toBe(0)
  })

  it('times to completion: median and 90th percentile, nearest rank, results only', () => {
    const hours = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100]
    const requests = [...hours.map((h) => request('repair', T, [['result', T + h * HOUR]])), request('repair', T, [['closedUnresolvable', T + HOUR]])]
    const c = siteStatistics(emptyInput({ requests }), november, NOW).current.completion
    expect(c.completed).toBe(10)
    expect(c.medianMs).toBe(5 * HOUR)
    expect(c.p90Ms).toBe(9 * HOUR)
  })

  it.each([
    { values: [], p: 0.5, out: null },
    { values: [7], p: 0.5, out: 7 },
    { values: [7], p: 0.9, out: 7 },
    { values: [1, 2], p: 0.5, out: 1 },
    { values: [1, 2, 3], p: 0.5, out: 2 },
    { values: Array.from({ length: 20 }, (_, i) => i + 1), p: 0.9, out: 18 },
  ])('percentile($values, $p) = $out', ({ values, p, out }) => {
    expect(percentile(values, p)).toBe(out)
  })

  it('lists the unresolvable with the reason and reference, oldest first', () => {
    const a = request('complaint', T + DAY, [['closedUnresolvable', T + 9 * DAY, { note: '涉及开发商遗留问题' }]], 'phone', '20261111-A002')
    const b = request('repair', T, [['closedUnresolvable', T + 8 * DAY, { note: '业主拒绝入户' }]], 'visit', '20261110-A001')
    const list = siteStatistics(emptyInput({ requests: [a, b] }), november, NOW).current.unresolvable
    expect(list).toEqual([
      { ref: '20261110-A001', category: 'repair', receivedAt: T, closedAt: T + 8 * DAY, reason: '业主拒绝入户' },
      { ref: '20261111-A002', category: 'complaint', receivedAt: T + DAY, closedAt: T + 9 * DAY, reason: '涉及开发商遗留问题' },
    ])
  })

  it('the 2-day and 7-day shares leave out what may still be completed in time: a fresh day is not 0%', () => {
    const at = (days: number) => T + days * DAY
    const requests = [
      request('repair', T, [['result', T + HOUR]]), // the desk's
      request('repair', T, [['result', at(3)]]), // the supervisor's
      request('repair', at(9), []), // open on day 1 of it: may still be the desk's
      request('repair', at(6), []), // open on day 4: past 2 days, may still be done within 7
      request('repair', at(-1), []), // open 11 days: the manager's
    ]
    const c = siteStatistics(emptyInput({ requests }), november, at(10)).current.completion
    expect([c.desk, c.supervisor, c.manager, c.open, c.openDesk, c.openSupervisor]).toEqual([1, 1, 1, 2, 1, 1])
    expect(completionShares(c, 5)).toEqual({ within2: { n: 1, of: 4 }, within7: { n: 2, of: 3 }, manager: { n: 1, of: 5 } })
  })
})
