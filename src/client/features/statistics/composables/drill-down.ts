/**
 * Every chart opens the list behind it (issue 16 point 1): a bar of 报修 opens the register filtered to the
 * category and the period's dates, a day opens that day, an open queue the open requests with that status.
 * The register reads these from its address (`listQueryFromRoute`: queue, status, category, channel, level,
 * from, to); the
 * duty log, the roster's attendance and the inspections take their own. Pure: a route location per bar.
 */
import type { RouteLocationRaw } from 'vue-router'
import type { Category, Channel } from '@shared/domain/reception'
import type { EscalationLevel, Status } from '@shared/domain/reception-status'
import type { OpenQueue, Period } from '@shared/domain/statistics'
import { monthOf } from '@shared/domain/roster'

interface RegisterDrill {
  from?: string
  to?: string
  queue?: 'all' | 'open' | 'overdue'
  statuses?: readonly Status[]
  categories?: readonly Category[]
  channels?: readonly Channel[]
  levels?: readonly EscalationLevel[]
}

/** The register list filtered as asked (the queue 全部 unless told). */
export function registerDrill(d: RegisterDrill): RouteLocationRaw {
  const query: Record<string, string> = { queue: d.queue ?? 'all' }
  if (d.statuses?.length) query.status = d.statuses.join(',')
  if (d.categories?.length) query.category = d.categories.join(',')
  if (d.channels?.length) query.channel = d.channels.join(',')
  if (d.levels?.length) query.level = d.levels.join(',')
  if (d.from) query.from = d.from
  if (d.to) query.to = d.to
  return { name: 'register', query }
}

/** The register for the requests received in a period, narrowed further. */
export const periodDrill = (p: Period, more: Omit<RegisterDrill, 'from' | 'to'> = {}): RouteLocationRaw => registerDrill({ from: p.from, to: p.to, ...more })

/** Where an open queue's requests are listed: the register's 未完成 with the statuses the queue stands for. */
export function openQueueDrill(q: OpenQueue): RouteLocationRaw {
  if (q === 'withDepartment') return registerDrill({ queue: 'open', statuses: ['withDepartment'] })
  if (q === 'awaitingVisit') return registerDrill({ queue: 'open', statuses: ['awaitingVisit'] })
  // The open ones not handed over at this level (篇4 4.6–4.8), as `openNowFigures` places them.
  return registerDrill({ queue: 'open', statuses: ['open'], levels: [q] })
}

export const dutyLogDrill = (): RouteLocationRaw => ({ name: 'duty-log' })
export const attendanceDrill = (p: Period): RouteLocationRaw => ({ name: 'roster-attendance', query: { month: monthOf(p.from) } })
export const inspectionsDrill = (): RouteLocationRaw => ({ name: 'inspection' })
export const appraisalDrill = (p: Period): RouteLocationRaw => ({ name: 'inspection-appraisal', query: { month: monthOf(p.from) } })
