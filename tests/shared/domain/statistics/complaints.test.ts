import { describe, expect, it } from 'vitest'
import { monthPeriod, siteStatistics, type ComplaintFigures } from '@shared/domain/statistics'
import { defaultSettings } from '@shared/domain/settings'
import { HOUR, instantAt } from '@shared/domain/time'
import { SITE } from '../../../factories/register-print'
import { emptyInput, request, type Step } from '../../../factories/statistics'

const T = instantAt('2026-11-10', '10:00', 'Asia/Shanghai')
const november = monthPeriod('2026-11')

describe('complaints answered within the deadline (篇3 五)', () => {
  it.each<{ name: string; steps: Step[]; now: number; key: Exclude<keyof ComplaintFigures, 'total'> }>([
    { name: 'answered after 2 h', steps: [['answered', T + 2 * HOUR]], now: T + 30 * HOUR, key: 'inTime' },
    { name: 'answered at exactly 24 h: in time', steps: [['answered', T + 24 * HOUR]], now: T + 30 * HOUR, key: 'inTime' },
    { name: 'answered at 24 h and 1 ms: late', steps: [['answered', T + 24 * HOUR + 1]], now: T + 30 * HOUR, key: 'late' },
    { name: 'resolved with a result in 3 h: in time', steps: [['result', T + 3 * HOUR]], now: T + 30 * HOUR, key: 'inTime' },
    { name: 'a department’s report counts as the answer', steps: [['handedOver', T + HOUR, { departmentId: SITE }], ['departmentDone', T + 5 * HOUR, { note: '已处理' }]], now: T + 30 * HOUR, key: 'inTime' },
    { name: 'a follow-up is no answer: overdue past 24 h', steps: [['followUp', T + HOUR, { note: '已联系' }]], now: T + 25 * HOUR, key: 'overdue' },
    { name: 'not answered, 23 h in: waiting', steps: [], now: T + 23 * HOUR, key: 'waiting' },
  ])('$name', ({ steps, now, key }) => {
    const c = siteStatistics(emptyInput({ requests: [request('complaint', T, steps)] }), november, now).current.complaints
    expect(c).toEqual({ total: 1, inTime: 0, late: 0, overdue: 0, waiting: 0, [key]: 1 })
  })

  it('follows the site’s deadline; only complaints count', () => {
    const settings = { ...defaultSettings(SITE), complaintDeadlineHours: 12 }
    const requests = [request('complaint', T, [['answered', T + 13 * HOUR]]), request('repair', T)]
    expect(siteStatistics(emptyInput({ requests }, settings), november, T + 20 * HOUR).current.complaints).toMatchObject({ total: 1, late: 1 })
  })

  it('a request corrected into a complaint counts as one', () => {
    const r = request('enquiry', T, [['correction', T + HOUR, { correction: { category: 'complaint' } }], ['answered', T + 2 * HOUR]])
    expect(siteStatistics(emptyInput({ requests: [r] }), november, T + 30 * HOUR).current.complaints).toMatchObject({ total: 1, inTime: 1 })
  })
})

describe('return visits and satisfaction (篇3 五: 修缮后迅速回访)', () => {
  it('counts the repairs and complaints with a result: visited and awaiting, satisfaction at the latest visit', () => {
    const requests = [
      request('repair', T, [['result', T + HOUR], ['returnVisit', T + 2 * HOUR, { satisfaction: 'dissatisfied' }], ['returnVisit', T + 3 * HOUR, { satisfaction: 'satisfied' }]]),
      request('complaint', T, [['result', T + HOUR], ['returnVisit', T + 5 * HOUR, { satisfaction: 'verySatisfied' }]]),
      request('repair', T, [['result', T + HOUR]]),
      request('repair', T),
      request('repair', T, [['closedUnresolvable', T + HOUR]]),
      request('enquiry', T, [['result', T + HOUR]]),
    ]
    const v = siteStatistics(emptyInput({ requests }), november, T + 30 * HOUR).current.returnVisits
    expect(v).toEqual({ due: 3, done: 2, awaiting: 1, satisfaction: { verySatisfied: 1, satisfied: 1, neutral: 0, dissatisfied: 0 } })
  })
})
