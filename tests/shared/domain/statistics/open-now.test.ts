import { describe, expect, it } from 'vitest'
import { monthPeriod, siteStatistics, type AgeBucket, type OpenQueue } from '@shared/domain/statistics'
import { DAY, HOUR, instantAt } from '@shared/domain/time'
import { SITE } from '../../../factories/register-print'
import { emptyInput, request, type Step } from '../../../factories/statistics'

const NOW = instantAt('2026-11-20', '10:00', 'Asia/Shanghai')

describe('open now: every request not settled at now, whenever received', () => {
  it.each<{ name: string; age: number; steps: Step[]; queue: OpenQueue | null; bucket: AgeBucket | null }>([
    { name: '1 h old at the desk', age: HOUR, steps: [], queue: 'desk', bucket: 'day' },
    { name: 'exactly 24 h: first day', age: 24 * HOUR, steps: [], queue: 'desk', bucket: 'day' },
    { name: '30 h: the desk’s, second bucket', age: 30 * HOUR, steps: [], queue: 'desk', bucket: 'desk' },
    { name: '48 h and 1 ms: the supervisor’s', age: 48 * HOUR + 1, steps: [], queue: 'supervisor', bucket: 'supervisor' },
    { name: '8 days: the manager’s', age: 8 * DAY, steps: [], queue: 'manager', bucket: 'manager' },
    { name: 'a year old, received long before any period', age: 365 * DAY, steps: [], queue: 'manager', bucket: 'manager' },
    { name: 'with a department', age: 3 * DAY, steps: [['handedOver', NOW - 3 * DAY + HOUR, { departmentId: SITE }]], queue: 'withDepartment', bucket: 'supervisor' },
    { name: 'a result, awaiting the return visit', age: 3 * DAY, steps: [['result', NOW - DAY]], queue: 'awaitingVisit', bucket: 'supervisor' },
    { name: 'a result and visited: settled', age: 3 * DAY, steps: [['result', NOW - DAY], ['returnVisit', NOW - HOUR, { satisfaction: 'satisfied' }]], queue: null, bucket: null },
    { name: 'closed unresolvable: settled', age: 9 * DAY, steps: [['closedUnresolvable', NOW - DAY]], queue: null, bucket: null },
  ])('$name', ({ age, steps, queue, bucket }) => {
    const o = siteStatistics(emptyInput({ requests: [request('repair', NOW - age, steps)] }), monthPeriod('2027-05'), NOW).openNow
    expect(o.total).toBe(queue ? 1 : 0)
    expect(Object.entries(o.byQueue).filter(([, n]) => n).map(([q]) => q)).toEqual(queue ? [queue] : [])
    expect(Object.entries(o.byAge).filter(([, n]) => n).map(([b]) => b)).toEqual(bucket ? [bucket] : [])
    expect(o.ageEdgesHours).toEqual([24, 48, 168])
  })
})
