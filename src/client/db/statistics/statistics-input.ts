/**
 * What the 统计 screen and the monthly report read (issue 16): only the records a period and the period
 * before need, each through an index — the statistics rows (`requestFacts`, one small row of clock-free
 * facts per request, written with the register's index) of the requests received in the two periods
 * (`[siteId+receivedAt]`) and of those not settled, whenever received (`[siteId+pending]`) — no timeline is
 * read; the duty log from the earlier period's start (`[siteId+at]`; a later entry may close or correct one
 * of the periods'), handovers by when they were made (`createdAt`, a day either side of the periods; the
 * rule counts them by the shift's start), inspections (`[siteId+at]`), nonconformities (`at`) and the rosters
 * of the periods' months (`month`: an administrator owes the daily inspection on their rostered days). The
 * figures are then `siteStatistics` of shared code, as on the server.
 */
import Dexie from 'dexie'
import { monthsFromTo, rostersInForce } from '@shared/domain/roster'
import type { Settings } from '@shared/domain/settings'
import { DAY } from '@shared/domain/time'
import { periodRange, previousPeriod, inspectorsOf, type Period, type StatisticsInput } from '@shared/domain/statistics'
import type { DeskbookDb } from '../database'
import { FACTS_FILL } from '../schema'
import { REGISTER_DERIVED, refreshReceptionIndex } from '../register/reception-index'
import { versionsOfMonths } from '../roster/roster-month'

const FILL_BATCH = 500

/**
 * Requests stored before schema 16 get their statistics rows, a batch per transaction (once: `FACTS_FILL`).
 * Idempotent, so a write meanwhile (which writes its own row) changes nothing.
 */
export async function fillRequestFacts(db: DeskbookDb): Promise<void> {
  if (!(await db.meta.get(FACTS_FILL))) return
  const ids = (await db.receptions.toCollection().primaryKeys()) as string[]
  for (let i = 0; i < ids.length; i += FILL_BATCH) {
    // An async body awaiting the work: a native promise merely returned lets fake-indexeddb commit early.
    await db.transaction('rw', [...REGISTER_DERIVED, 'meta'], async () => {
      await refreshReceptionIndex(db, ids.slice(i, i + FILL_BATCH))
    })
  }
  await db.meta.delete(FACTS_FILL)
}

/** The records `siteStatistics` needs for `period` and the period before it. */
export async function statisticsInput(db: DeskbookDb, settings: Settings, period: Period): Promise<StatisticsInput> {
  const siteId = settings.siteId
  const tz = settings.timezone
  const start = periodRange(previousPeriod(period), tz).start
  const end = periodRange(period, tz).end
  await fillRequestFacts(db)
  const months = monthsFromTo(previousPeriod(period).from, period.to)
  return db.transaction('r', [db.requestFacts, db.dutyEntries, db.handovers, db.inspections, db.nonconformities, db.staff, db.rosterVersions, db.rosterSteps], async () => {
    const [requests, openRequests, dutyEntries, handovers, inspections, nonconformities, staff, rosters] = await Promise.all([
      db.requestFacts.where('[siteId+receivedAt]').between([siteId, start], [siteId, end], true, false).toArray(),
      db.requestFacts.where('[siteId+pending]').equals([siteId, 1]).toArray(),
      db.dutyEntries.where('[siteId+at]').between([siteId, start], [siteId, Dexie.maxKey]).toArray(),
      db.handovers.where('createdAt').between(start - DAY, end + DAY).filter((h) => h.siteId === siteId).toArray(),
      db.inspections.where('[siteId+at]').between([siteId, start], [siteId, end], true, false).toArray(),
      db.nonconformities.where('at').between(start, end, true, false).filter((n) => n.siteId === siteId).toArray(),
      db.staff.where('siteId').equals(siteId).toArray(),
      versionsOfMonths(db, siteId, months),
    ])
    return { settings, requests, openRequests, dutyEntries, handovers, inspections, nonconformities, inspectors: inspectorsOf(staff), rosters: rostersInForce(rosters.versions, rosters.steps) }
  })
}
