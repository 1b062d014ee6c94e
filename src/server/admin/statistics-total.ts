/**
 * The company's sums of its sites' figures (issue 16 point 4): counts added up site by site. A median or a
 * 90th percentile does not add up, so the company has none; an inspection quota adds up only where one is
 * asked (`inspectionQuota`).
 */
import { CATEGORIES, CHANNELS } from '@shared/domain/reception'
import { SATISFACTION } from '@shared/domain/reception-event'
import { OPEN_QUEUES } from '@shared/domain/statistics'
import { inspectionQuota } from '@shared/sync/statistics-comparison'
import type { CompanyFigures, CompanyStatistics, PeriodTotal } from '@shared/sync/statistics-api'

type Counts<K extends string> = Record<K, number>

const zeros = <K extends string>(keys: readonly K[]): Counts<K> => Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>

/** Adds `from`'s counts into `into`, for the keys `into` has. */
function add<K extends string>(into: Counts<K>, from: Readonly<Counts<K>> & object): void {
  for (const k of Object.keys(into) as K[]) into[k] += from[k]
}

function emptyTotal(): PeriodTotal {
  return {
    requests: 0,
    byCategory: zeros(CATEGORIES),
    byChannel: zeros(CHANNELS),
    completion: zeros(['desk', 'supervisor', 'manager', 'unresolvableEarly', 'open', 'openDesk', 'openSupervisor', 'completed']),
    unresolvable: 0,
    complaints: zeros(['total', 'inTime', 'late', 'overdue', 'waiting']),
    returnVisits: { ...zeros(['due', 'done', 'awaiting']), satisfaction: zeros(SATISFACTION) },
    duty: zeros(['toAdministrator', 'toSupervisor', 'stillOpen']),
    handovers: zeros(['total', 'late', 'mismatches', 'mismatchedItems', 'noShows']),
    inspections: zeros(['total', 'required', 'doneOfRequired', 'nonconformities']),
  }
}

function addPeriod(t: PeriodTotal, p: CompanyFigures['current']): void {
  t.requests += p.requests.total
  add(t.byCategory, p.requests.byCategory)
  add(t.byChannel, p.requests.byChannel)
  add<keyof PeriodTotal['completion']>(t.completion, p.completion)
  t.unresolvable += p.unresolvable.length
  add(t.complaints, p.complaints)
  const { satisfaction, ...visits } = t.returnVisits
  add<keyof typeof visits>(visits, p.returnVisits)
  add(satisfaction, p.returnVisits.satisfaction)
  t.returnVisits = { ...visits, satisfaction }
  add(t.duty, p.duty)
  add(t.handovers, p.handovers)
  add(t.inspections, { total: p.inspections.total, nonconformities: p.inspections.nonconformities, ...inspectionQuota(p.inspections.byInspector) })
}

export function companyTotal(sites: readonly CompanyFigures[]): CompanyStatistics['total'] {
  const total = { current: emptyTotal(), previous: emptyTotal(), openNow: { total: 0, byQueue: zeros(OPEN_QUEUES) } }
  for (const s of sites) {
    addPeriod(total.current, s.current)
    addPeriod(total.previous, s.previous)
    total.openNow.total += s.openNow.total
    add(total.openNow.byQueue, s.openNow.byQueue)
  }
  return total
}
