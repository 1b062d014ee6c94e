/**
 * The register as a role sees it (issue 4 points 3 and 6): its queues, the search and filters, and
 * the rows a window at a time — 200,000 requests are counted, never read whole. The query lives in
 * the address (`?queue=…&q=…&status=…&category=…&channel=…&level=…&department=…&from=…&to=…`, the names the print
 * page reads), so going back to the list finds it as it was.
 */
import { computed, shallowRef, watch, type ComputedRef, type Ref } from 'vue'
import { defaultQueue, queuesFor, QUEUES, type Queue, type Viewer } from '@client/db/register/reception-queue'
import { ESCALATION_LEVELS, STATUSES, type EscalationLevel, type Status } from '@shared/domain/reception-status'
import { CATEGORIES, CHANNELS, type Category, type Channel } from '@shared/domain/reception'
import { defaultSettings } from '@shared/domain/settings'
import { addDays, instantAt } from '@shared/domain/time'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useNow } from '@client/composables/useNow'
import { openRegister } from '@client/db/register/reception-queries'
import { type RegisterQuery, type RegisterResult, type RegisterListRow } from '@client/db/register/register-query'
import { firstParam, listParam } from '../rows/register-scope'

/** The filters of the list as the panel edits them; dates are the site's local `YYYY-MM-DD`, '' when open. */
export interface RegisterListFilter {
  statuses: Status[]
  categories: Category[]
  channels: Channel[]
  levels: EscalationLevel[]
  departmentId: string
  from: string
  to: string
}

export interface RegisterListQuery extends RegisterListFilter {
  queue: Queue
  text: string
}

export interface RegisterWindow {
  /** Index of `rows[0]` in the whole list. */
  offset: number
  rows: RegisterListRow[]
}

/** Everything describes the rows shown: those of the previous query stay until the new one is counted. */
export interface RegisterList {
  total: ComputedRef<number>
  /** The text matches too many requests to list: type more of it. */
  tooBroad: ComputedRef<boolean>
  /** The rows of the current query are not counted yet. */
  loading: ComputedRef<boolean>
  /** Changes with the query the rows shown belong to (a new one starts at the top). */
  shownKey: ComputedRef<string>
  window: ComputedRef<RegisterWindow>
  /** The list shows rows `start` … `end - 1`: read them if they are not there. */
  loadRange(start: number, end: number): void
  queues: ComputedRef<Queue[]>
  viewer: ComputedRef<Viewer | null>
}

/** Rows read at a time: windows are whole pages. The first two come with the count. */
const PAGE = 50

export function emptyFilter(): RegisterListFilter {
  return { statuses: [], categories: [], channels: [], levels: [], departmentId: '', from: '', to: '' }
}

export function filterCount(f: RegisterListFilter): number {
  return [f.statuses.length, f.categories.length, f.channels.length, f.levels.length, f.departmentId, f.from || f.to].filter(Boolean).length
}

export function initialQueue(role: Parameters<typeof defaultQueue>[0] | undefined): Queue {
  return role ? defaultQueue(role) : 'all'
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The list's query from the address; the role's own queue when none is asked for. */
export function listQueryFromRoute(query: Record<string, unknown>, role: Parameters<typeof defaultQueue>[0] | undefined): RegisterListQuery {
  const queue = firstParam(query.queue) as Queue
  const date = (v: unknown): string => (DATE.test(firstParam(v)) ? firstParam(v) : '')
  return {
    queue: QUEUES.includes(queue) ? queue : initialQueue(role),
    text: firstParam(query.q).slice(0, 100),
    statuses: listParam(query.status, STATUSES),
    categories: listParam(query.category, CATEGORIES),
    channels: listParam(query.channel, CHANNELS),
    levels: listParam(query.level, ESCALATION_LEVELS),
    departmentId: firstParam(query.department),
    from: date(query.from),
    to: date(query.to),
  }
}

/** The address of a list query (empty parts left out). */
export function routeQueryOf(q: RegisterListQuery): Record<string, string> {
  const out: Record<string, string> = { queue: q.queue }
  if (q.text.trim()) out.q = q.text.trim()
  if (q.statuses.length) out.status = q.statuses.join(',')
  if (q.categories.length) out.category = q.categories.join(',')
  if (q.channels.length) out.channel = q.channels.join(',')
  if (q.levels.length) out.level = q.levels.join(',')
  if (q.departmentId) out.department = q.departmentId
  if (q.from) out.from = q.from
  if (q.to) out.to = q.to
  return out
}

/** The repository's query: local dates → instants in the site's timezone (`to` takes in the whole day). */
export function registerQueryOf(q: RegisterListQuery, timezone: string): RegisterQuery {
  return {
    queue: q.queue,
    text: q.text,
    statuses: q.statuses,
    categories: q.categories,
    channels: q.channels,
    levels: q.levels,
    departmentId: q.departmentId || null,
    from: q.from ? instantAt(q.from, '00:00', timezone) : null,
    to: q.to ? instantAt(addDays(q.to, 1), '00:00', timezone) : null,
  }
}

interface Opened {
  key: string
  result: RegisterResult
  first: RegisterListRow[]
}

export function useRegisterList(query: Ref<RegisterListQuery>): RegisterList {
  const db = useDb()
  const session = useSessionStore()
  const now = useNow(60_000)
  const viewer = computed<Viewer | null>(() => (session.staff ? { id: session.staff.id, role: session.staff.role, departmentId: session.staff.departmentId } : null))
  const key = computed(() => JSON.stringify(query.value))
  const window = shallowRef<RegisterWindow & { of: Opened | null }>({ offset: 0, rows: [], of: null })
  let wanted: [number, number] = [0, 2 * PAGE]

  // Counted again when a request in its ranges changes, when the minute turns (escalation and
  // overdue move with time) and when the query changes; the first rows come with the count.
  const opened = useLiveQuery<Opened | null>(
    async () => {
      const v = viewer.value
      const local = session.local
      if (!v || !local) return null
      const settings = local.settings ?? defaultSettings(local.site.id)
      const q = registerQueryOf(query.value, settings.timezone)
      const result = await openRegister(db, local.site.id, q, v, now.value, settings)
      return { key: key.value, result, first: await result.window(0, 2 * PAGE) }
    },
    null,
    [key, viewer, now, () => session.local?.settings],
  )

  const covers = (w: typeof window.value, o: Opened, [start, end]: [number, number]): boolean =>
    w.of === o && w.offset <= start && w.offset + w.rows.length >= Math.min(end, o.result.total)

  let reading = false
  /** One read at a time; while it runs, only the latest range asked for is remembered. */
  async function read(): Promise<void> {
    if (reading) return
    reading = true
    try {
      for (;;) {
        const o = opened.value
        if (!o || covers(window.value, o, wanted)) return
        const asked = wanted
        if (asked[1] <= 2 * PAGE) {
          window.value = { offset: 0, rows: o.first, of: o }
          return
        }
        const start = Math.floor(asked[0] / PAGE) * PAGE
        const rows = await o.result.window(start, Math.min(o.result.total, Math.ceil(asked[1] / PAGE) * PAGE))
        if (opened.value === o) window.value = { offset: start, rows, of: o }
        // Go round only if another range was asked for, or the register was counted again, meanwhile.
        if (opened.value === o && wanted === asked) return
      }
    } catch (e) {
      console.error('reading the register failed', e)
    } finally {
      reading = false
    }
  }

  function loadRange(start: number, end: number): void {
    wanted = [start, end]
    void read()
  }

  // A new query starts at the top; the same one counted again keeps the rows in view until their update is read.
  let lastKey = ''
  watch(opened, (o) => {
    if (!o) return
    if (o.key !== lastKey) {
      lastKey = o.key
      wanted = [0, 2 * PAGE]
    }
    void read()
  })

  const shown = computed(() => window.value.of)
  return {
    total: computed(() => shown.value?.result.total ?? 0),
    tooBroad: computed(() => !!shown.value?.result.tooBroad),
    loading: computed(() => shown.value?.key !== key.value),
    shownKey: computed(() => shown.value?.key ?? ''),
    window: computed(() => window.value),
    loadRange,
    queues: computed(() => (session.staff ? queuesFor(session.staff.role) : [])),
    viewer,
  }
}
