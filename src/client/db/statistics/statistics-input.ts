/**
 * What the 统计 screen and the monthly report read (issue 16): only the records a period and the period
 * before need, each through an index — requests received in the two periods (`receptions.receivedAt`) with
 * their timelines (`receptionEvents.receptionId`), those still needing someone as the register's index keeps
 * them (`receptionIndex [siteId+pending+receivedAt]`: no timelines read for years-old open requests), the duty log from the earlier period's start (`[siteId+at]`; a later
 * entry may close or correct one of the periods'), handovers by when they were made (`createdAt`, a day either
 * side of the periods; the rule counts them by the shift's start), inspections (`[siteId+at]`) and
 * nonconformities (`at`). The figures are then `siteStatistics` of shared code, as on the server.
 */
import Dexie from 'dexie'
import type { Settings } from '@shared/domain/settings'
import { DAY } from '@shared/domain/time'
import { periodRange, previousPeriod, type Period, type StatisticsRecordsInput, type OpenRequestFacts, type StatisticsInspector, type StatisticsRequest } from '@shared/domain/statistics'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import type { DeskbookDb } from '../database'

const INSPECTOR_ROLES: readonly StatisticsInspector['role'][] = ['supervisor', 'administrator', 'manager']

/**
 * The requests received in [start, end) with their timelines. Ids are UUIDv7, made when the request is
 * registered, so the requests of a period lie in one range of ids: their events are read as that range of the
 * `receptionId` index (a few others' among them are left out) — `anyOf` with thousands of keys jumps the
 * cursor once per key, which is far slower on IndexedDB than reading the range through.
 */
async function requestsOf(db: DeskbookDb, siteId: string, start: number, end: number): Promise<StatisticsRequest[]> {
  const receptions = (await db.receptions.where('receivedAt').between(start, end, true, false).toArray()).filter((r) => r.siteId === siteId)
  if (!receptions.length) return []
  const byRequest = new Map<string, ReceptionEvent[]>(receptions.map((r) => [r.id, []]))
  let low = receptions[0]!.id
  let high = low
  for (const r of receptions) {
    if (r.id < low) low = r.id
    if (r.id > high) high = r.id
  }
  // toArray, not each(): a cursor step per event is many times slower than one getAll of the range.
  for (const e of await db.receptionEvents.where('receptionId').between(low, high, true, true).toArray()) byRequest.get(e.receptionId)?.push(e)
  return receptions.map((reception) => ({ reception, events: byRequest.get(reception.id)! }))
}

/** Every request not settled now, as the register's index keeps its facts (`[siteId+pending+receivedAt]`). */
async function openRequestsOf(db: DeskbookDb, siteId: string): Promise<OpenRequestFacts[]> {
  const rows = await db.receptionIndex.where('[siteId+pending+receivedAt]').between([siteId, 1, Dexie.minKey], [siteId, 1, Dexie.maxKey]).toArray()
  return rows.map((r) => ({ receivedAt: r.receivedAt, status: r.status, resolvedAt: r.resolvedAt }))
}

/** The records `siteStatistics` needs for `period` and the period before it. */
export async function statisticsInput(db: DeskbookDb, settings: Settings, period: Period): Promise<StatisticsRecordsInput> {
  const siteId = settings.siteId
  const tz = settings.timezone
  const start = periodRange(previousPeriod(period), tz).start
  const end = periodRange(period, tz).end
  return db.transaction('r', [db.receptions, db.receptionIndex, db.receptionEvents, db.dutyEntries, db.handovers, db.inspections, db.nonconformities, db.staff], async () => {
    const [requests, openRequests, dutyEntries, handovers, inspections, nonconformities, staff] = await Promise.all([
      requestsOf(db, siteId, start, end),
      openRequestsOf(db, siteId),
      db.dutyEntries.where('[siteId+at]').between([siteId, start], [siteId, Dexie.maxKey]).toArray(),
      db.handovers.where('createdAt').between(start - DAY, end + DAY).filter((h) => h.siteId === siteId).toArray(),
      db.inspections.where('[siteId+at]').between([siteId, start], [siteId, end], true, false).toArray(),
      db.nonconformities.where('at').between(start, end, true, false).filter((n) => n.siteId === siteId).toArray(),
      db.staff.where('siteId').equals(siteId).toArray(),
    ])
    const inspectors = staff
      .filter((s) => s.active && (INSPECTOR_ROLES as readonly string[]).includes(s.role))
      .map((s) => ({ id: s.id, role: s.role as StatisticsInspector['role'] }))
    return { settings, requests, openRequests, dutyEntries, handovers, inspections, nonconformities, inspectors }
  })
}
