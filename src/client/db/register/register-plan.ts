/**
 * How a query of the register becomes ranges of the index (see reception-queries.ts for the plans):
 * its queue and filters as dimensions, each a union of ranges of compound indexes ending in `receivedAt`,
 * the time-dependent rules as bounds on `receivedAt` worked out from "now".
 */
import { STATUSES, type Status } from '@shared/domain/reception-status'
import { needsAction, type Viewer } from '@client/db/register/reception-queue'
import { HOUR } from '@shared/domain/time'
import type { Settings } from '@shared/domain/settings'
import type { Category } from '@shared/domain/reception'
import { MAX_PAIRS, type RegisterQuery } from './register-query'


export type Key = string | number
/** The rows of a compound index whose key is `[...prefix, receivedAt]`. */
export interface Range {
  index: string
  prefix: Key[]
}
/** A condition as a union of disjoint ranges. */
export interface Dimension {
  key: string
  ranges: Range[]
}
export interface Plan {
  dims: Dimension[]
  /** receivedAt ∈ [lo, hi) */
  lo: number
  hi: number
}

export const RESOLVED_STATUSES: readonly Status[] = ['awaitingVisit', 'closed', 'unresolvable']
export const PENDING = STATUSES.filter((s) => needsAction({ status: s, resolved: RESOLVED_STATUSES.includes(s) }))
export const UNRESOLVED = STATUSES.filter((s) => !RESOLVED_STATUSES.includes(s))

/** The dimensions and time bounds of a query, or null when nothing can match. `words`: the matter must hold them (searchText form). */
export function planOf(siteId: string, q: RegisterQuery, viewer: Viewer, now: number, settings: Settings, words = '', otherSites = false): Plan | null {
  let lo = q.from ?? -Infinity
  let hi = q.to ?? Infinity
  let statuses: Status[] | null = q.statuses?.length ? [...new Set(q.statuses)] : null
  let categories: Category[] | null = q.categories?.length ? [...new Set(q.categories)] : null
  const dims: Dimension[] = []
  const add = (key: string, ...ranges: Range[]): void => {
    if (!dims.some((d) => d.key === key)) dims.push({ key, ranges })
  }
  /** The queue asks for these statuses: a status filter is narrowed to them, else the queue's flag index stands for them. */
  const within = (allowed: readonly Status[], flag: () => void): void => {
    if (statuses) statuses = statuses.filter((s) => allowed.includes(s))
    else flag()
  }
  const withDepartment = (id: string): void => add(`dept:${id}`, { index: '[departmentId+receivedAt]', prefix: [id] })

  // Issue 4 point 8: a department sees only what is with it now (departmentId is null once resolved).
  if (viewer.role === 'department') {
    if (!viewer.departmentId) return null
    withDepartment(viewer.departmentId)
    if (statuses) statuses = statuses.filter((s) => UNRESOLVED.includes(s))
  }
  switch (q.queue) {
    case 'all':
      break
    case 'open':
      within(PENDING, () => add('pending', { index: '[siteId+pending+receivedAt]', prefix: [siteId, 1] }))
      break
    case 'mine':
      if (statuses) statuses = statuses.filter((s) => PENDING.includes(s))
      add(`mine:${viewer.id}`, { index: '[ownerId+pending+receivedAt]', prefix: [viewer.id, 1] })
      break
    case 'department':
      if (!viewer.departmentId) return null
      if (statuses) statuses = statuses.filter((s) => UNRESOLVED.includes(s))
      withDepartment(viewer.departmentId)
      break
    case 'escalated': {
      // 篇4 4.7: open longer than the supervisor's hours → the supervisor's; 篇4 4.8: longer than the manager's → the manager's.
      const supervisorFrom = now - settings.supervisorEscalationHours * HOUR
      const managerFrom = now - settings.managerEscalationHours * HOUR
      if (viewer.role === 'manager') hi = Math.min(hi, managerFrom)
      else if (viewer.role === 'supervisor') {
        lo = Math.max(lo, managerFrom)
        hi = Math.min(hi, supervisorFrom)
      } else return null
      within(UNRESOLVED, () => add('unresolved', { index: '[siteId+unresolved+receivedAt]', prefix: [siteId, 1] }))
      break
    }
    case 'overdue':
      // 篇3 五: a complaint not answered within its deadline.
      if (categories && !categories.includes('complaint')) return null
      categories = null
      hi = Math.min(hi, now - settings.complaintDeadlineHours * HOUR)
      add('unanswered', { index: '[siteId+unanswered+receivedAt]', prefix: [siteId, 1] })
      break
  }
  if (statuses && !statuses.length) return null
  const handedTo = q.departmentId ?? null
  if (statuses && handedTo !== null) {
    // Status and the department handed to in one index (schema 15): a range per status of that department.
    add(`handedStatus:${handedTo}`, ...statuses.map((s) => ({ index: '[handedTo+status+receivedAt]', prefix: [handedTo, s] })))
    if (categories) add('category', ...categories.map((c) => ({ index: '[siteId+category+receivedAt]', prefix: [siteId, c] })))
  } else if (statuses && categories && statuses.length * categories.length <= MAX_PAIRS) {
    add('categoryStatus', ...categories.flatMap((c) => statuses!.map((s) => ({ index: '[siteId+category+status+receivedAt]', prefix: [siteId, c, s] }))))
  } else {
    if (statuses) add('status', ...statuses.map((s) => ({ index: '[siteId+status+receivedAt]', prefix: [siteId, s] })))
    if (categories) add('category', ...categories.map((c) => ({ index: '[siteId+category+receivedAt]', prefix: [siteId, c] })))
  }
  if (handedTo !== null && !statuses) add(`handed:${handedTo}`, { index: '[handedTo+receivedAt]', prefix: [handedTo] })
  // Every row holding the words holds each of their pairs: the rarest pair will drive. The pair
  // index has no site in its keys (it would double its size); staff and department ids belong to one
  // site. A tablet holds one site's register; should it hold others, the site becomes a dimension.
  for (const g of queryGrams(words)) add(`gram:${g}`, { index: 'grams', prefix: [g] })
  if (!(lo < hi)) return null
  if (!dims.length || (words && otherSites)) add('all', { index: '[siteId+receivedAt]', prefix: [siteId] })
  return { dims, lo, hi }
}

/** Pairs of the words spread over them (six are enough to find a rare one). */
export function queryGrams(words: string): string[] {
  const grams = [...new Set(Array.from({ length: Math.max(0, words.length - 1) }, (_, i) => words.slice(i, i + 2)))]
  if (grams.length <= 6) return grams
  return Array.from({ length: 6 }, (_, i) => grams[Math.round((i * (grams.length - 1)) / 5)]!)
}
