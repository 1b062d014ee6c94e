/**
 * The figures of 统计 as cards (issue 16 point 1): each a chart and the table under it, one row per bar with
 * the list behind it (drill-down.ts). The screen and the monthly report draw the same cards, so what is
 * printed is what was seen. Pure: the texts come through `t` (keys under `statistics.`).
 */
import type { RouteLocationRaw } from 'vue-router'
import { CATEGORIES, CHANNELS } from '@shared/domain/reception'
import { SATISFACTION } from '@shared/domain/reception-event'
import { AGE_BUCKETS, completionShares, OPEN_QUEUES, type PeriodFigures, type SiteStatistics } from '@shared/domain/statistics'
import type { Translate } from '@client/locales/translate'
import { appraisalDrill, attendanceDrill, dutyLogDrill, inspectionsDrill, openQueueDrill, periodDrill, registerDrill } from './drill-down'

export interface CardRow {
  label: string
  /** One value per series; null where a series has none. */
  values: (number | null)[]
  /** The list behind the bar; null when there is none to open. */
  to: RouteLocationRaw | null
}

export interface StatisticsCardModel {
  id: string
  title: string
  /** A line under the title: a basis, a time, what a bar does not filter by. */
  note: string
  series: string[]
  rows: CardRow[]
  /** Many short bars (the days of a month): the chart is wider than tall and labels are thinned. */
  dense?: boolean
}

export const CARD_IDS = ['byDay', 'byCategory', 'byChannel', 'openQueue', 'openAge', 'completion', 'complaints', 'returnVisits', 'desk', 'inspections', 'nonconformities', 'byPerson'] as const

const hours = (ms: number | null, t: Translate): string => (ms === null ? t('statistics.none') : t('statistics.hours', { h: (ms / 3_600_000).toFixed(1) }))

/** Every card of the statistics; `name` gives a staff member's name from an id. */
export function statisticsCards(s: SiteStatistics, t: Translate, name: (staffId: string) => string): StatisticsCardModel[] {
  const cur = s.current
  const prev = s.previous
  const both = [t('statistics.series.current'), t('statistics.series.previous')]
  const pair = (f: (p: PeriodFigures) => number): (number | null)[] => [f(cur), f(prev)]
  const p = cur.period
  const c = cur.completion
  const items = [...new Set([...Object.keys(cur.inspections.byItem), ...Object.keys(prev.inspections.byItem)])].sort()
  return [
    {
      id: 'byDay',
      title: t('statistics.cards.byDay'),
      note: t('statistics.notes.byDay', { current: cur.requests.total, previous: prev.requests.total }),
      series: [both[0]!],
      dense: true,
      rows: cur.requests.byDay.map((d) => ({ label: d.date.slice(5), values: [d.count], to: registerDrill({ from: d.date, to: d.date }) })),
    },
    {
      id: 'byCategory',
      title: t('statistics.cards.byCategory'),
      note: '',
      series: both,
      rows: CATEGORIES.map((k) => ({ label: t(`statistics.categories.${k}`), values: pair((f) => f.requests.byCategory[k]), to: periodDrill(p, { categories: [k] }) })),
    },
    {
      id: 'byChannel',
      title: t('statistics.cards.byChannel'),
      note: t('statistics.notes.byChannel'),
      series: both,
      rows: CHANNELS.map((k) => ({ label: t(`statistics.channels.${k}`), values: pair((f) => f.requests.byChannel[k]), to: periodDrill(p, { channels: [k] }) })),
    },
    {
      id: 'openQueue',
      title: t('statistics.cards.openQueue'),
      note: t('statistics.notes.openNow', { n: s.openNow.total }),
      series: [t('statistics.series.now')],
      rows: OPEN_QUEUES.map((q) => ({ label: t(`statistics.queues.${q}`), values: [s.openNow.byQueue[q]], to: openQueueDrill(q) })),
    },
    {
      id: 'openAge',
      title: t('statistics.cards.openAge'),
      note: '',
      series: [t('statistics.series.now')],
      rows: AGE_BUCKETS.map((b, i) => ({
        label: t(`statistics.ages.${b}`, { h: i ? s.openNow.ageEdgesHours[i - 1]! : 0, to: s.openNow.ageEdgesHours[Math.min(i, 2)]! }),
        values: [s.openNow.byAge[b]],
        to: registerDrill({ queue: 'open' }),
      })),
    },
    {
      id: 'completion',
      title: t('statistics.cards.completion'),
      note: t('statistics.notes.completion', { median: hours(c.medianMs, t), p90: hours(c.p90Ms, t), before: hours(prev.completion.medianMs, t) }),
      series: both,
      rows: [
        { label: t('statistics.completion.desk'), values: pair((f) => f.completion.desk), to: periodDrill(p, { statuses: ['closed', 'awaitingVisit'], levels: ['desk'] }) },
        { label: t('statistics.completion.supervisor'), values: pair((f) => f.completion.supervisor), to: periodDrill(p, { statuses: ['closed', 'awaitingVisit'], levels: ['supervisor'] }) },
        { label: t('statistics.completion.manager'), values: pair((f) => f.completion.manager), to: periodDrill(p, { levels: ['manager'] }) },
        { label: t('statistics.completion.unresolvableEarly'), values: pair((f) => f.completion.unresolvableEarly), to: periodDrill(p, { statuses: ['unresolvable'], levels: ['desk', 'supervisor'] }) },
        { label: t('statistics.completion.open'), values: pair((f) => f.completion.open), to: periodDrill(p, { statuses: ['open', 'withDepartment'], levels: ['desk', 'supervisor'] }) },
      ],
    },
    {
      id: 'complaints',
      title: t('statistics.cards.complaints'),
      note: t('statistics.notes.complaints', { n: cur.complaints.total }),
      series: both,
      rows: (['inTime', 'late', 'overdue', 'waiting'] as const).map((k) => ({
        label: t(`statistics.complaints.${k}`),
        values: pair((f) => f.complaints[k]),
        to: k === 'overdue' ? registerDrill({ queue: 'overdue' }) : periodDrill(p, { categories: ['complaint'] }),
      })),
    },
    {
      id: 'returnVisits',
      title: t('statistics.cards.returnVisits'),
      note: t('statistics.notes.returnVisits', { done: cur.returnVisits.done, due: cur.returnVisits.due }),
      series: both,
      rows: [
        ...SATISFACTION.map((k) => ({ label: t(`statistics.satisfaction.${k}`), values: pair((f) => f.returnVisits.satisfaction[k]), to: periodDrill(p, { categories: ['repair', 'complaint'], statuses: ['closed'] }) })),
        { label: t('statistics.satisfaction.awaiting'), values: pair((f) => f.returnVisits.awaiting), to: periodDrill(p, { statuses: ['awaitingVisit'] }) },
      ],
    },
    {
      id: 'desk',
      title: t('statistics.cards.desk'),
      note: t('statistics.notes.desk', { n: cur.handovers.total }),
      series: both,
      rows: [
        { label: t('statistics.desk.toAdministrator'), values: pair((f) => f.duty.toAdministrator), to: dutyLogDrill() },
        { label: t('statistics.desk.toSupervisor'), values: pair((f) => f.duty.toSupervisor), to: dutyLogDrill() },
        { label: t('statistics.desk.late'), values: pair((f) => f.handovers.late), to: attendanceDrill(p) },
        { label: t('statistics.desk.mismatches'), values: pair((f) => f.handovers.mismatches), to: dutyLogDrill() },
        { label: t('statistics.desk.noShows'), values: pair((f) => f.handovers.noShows), to: attendanceDrill(p) },
      ],
    },
    {
      id: 'inspections',
      title: t('statistics.cards.inspections'),
      note: t('statistics.notes.inspections'),
      series: [t('statistics.series.done'), t('statistics.series.required')],
      rows: cur.inspections.byInspector.map((l) => ({ label: `${name(l.staffId)}(${t(`roles.${l.role}`)})`, values: [l.done, l.required], to: inspectionsDrill() })),
    },
    {
      id: 'nonconformities',
      title: t('statistics.cards.nonconformities'),
      note: t('statistics.notes.nonconformities', { n: cur.inspections.nonconformities }),
      series: both,
      rows: items.map((code) => ({ label: t('statistics.item', { code }), values: pair((f) => f.inspections.byItem[code] ?? 0), to: appraisalDrill(p) })),
    },
    {
      id: 'byPerson',
      title: t('statistics.cards.byPerson'),
      note: '',
      series: [both[0]!],
      rows: cur.inspections.byPerson.map((r) => ({ label: name(r.staffId), values: [r.count], to: appraisalDrill(p) })),
    },
  ]
}

/** A share as a percentage with one decimal, or — when there is nothing to divide. */
export const share = (n: number, of: number): string => (of ? `${((100 * n) / of).toFixed(1)}%` : '—')

export interface HeadlineFigure {
  id: string
  label: string
  value: string
  previous: string
}

/** The figures above the cards: volume and the shares the regulations ask about, against the period before. */
export function headlineFigures(s: SiteStatistics, t: Translate): HeadlineFigure[] {
  const of = (f: PeriodFigures): Record<string, string> => {
    const total = f.requests.total
    const shares = completionShares(f.completion, total)
    const sat = f.returnVisits.satisfaction
    return {
      total: String(total),
      desk: share(shares.within2.n, shares.within2.of),
      week: share(shares.within7.n, shares.within7.of),
      manager: share(shares.manager.n, shares.manager.of),
      complaints: share(f.complaints.inTime, f.complaints.total),
      visits: share(f.returnVisits.done, f.returnVisits.due),
      satisfied: share(sat.verySatisfied + sat.satisfied, f.returnVisits.done),
      unresolvable: String(f.unresolvable.length),
    }
  }
  const cur = of(s.current)
  const prev = of(s.previous)
  return Object.keys(cur).map((id) => ({ id, label: t(`statistics.headline.${id}`), value: cur[id]!, previous: prev[id]! }))
}
