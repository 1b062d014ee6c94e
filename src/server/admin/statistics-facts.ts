/**
 * A site's `request_facts` brought up to date before its statistics are read (migration 014): every request
 * `statistics_watch` lists — stored or changed since a view last worked it out, its timeline included — is
 * read with its timeline, its clock-free facts worked out by the shared rule (`recordFacts`, the tablet's
 * too), written, and its watch row removed at the number read, so a change made meanwhile keeps it listed
 * for the next view. A request deleted (a tombstone, e.g. a tablet's) loses its facts. A push only writes the
 * watch row, as before: the work is the view's, and only for what changed since the last one.
 */
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { recordFacts } from '@shared/domain/statistics'
import { settled } from '@shared/domain/statistics/open-now'
import { unwatchRequests, watchedRequests, type WatchRow } from '../repositories/notify-watch'
import { recordsByIds, recordsOfParents, type Db } from '../repositories/records'
import { deleteRequestFacts, putRequestFacts, type FactsRow } from '../repositories/request-facts'

/** Requests worked out at a time (their records and timelines in memory together). */
const CHUNK = 1000

export async function refreshRequestFacts(db: Db, siteId: string): Promise<number> {
  const watched = await watchedRequests(db, siteId, 'statistics_watch')
  for (let i = 0; i < watched.length; i += CHUNK) await refreshChunk(db, siteId, watched.slice(i, i + CHUNK))
  return watched.length
}

async function refreshChunk(db: Db, siteId: string, watched: readonly WatchRow[]): Promise<void> {
  const ids = watched.map((w) => w.receptionId)
  const [receptions, events] = await Promise.all([recordsByIds(db, siteId, 'receptions', ids), recordsOfParents(db, siteId, 'receptionEvents', ids)])
  const timeline = new Map<string, ReceptionEvent[]>()
  for (const e of events as ReceptionEvent[]) {
    const list = timeline.get(e.receptionId)
    if (list) list.push(e)
    else timeline.set(e.receptionId, [e])
  }
  const byId = new Map((receptions as Reception[]).map((r) => [r.id, r]))
  const put: FactsRow[] = []
  const gone: WatchRow[] = []
  for (const w of watched) {
    const reception = byId.get(w.receptionId)
    if (!reception) {
      gone.push(w)
      continue
    }
    const { unresolvableReason: _reason, ...facts } = recordFacts({ reception, events: timeline.get(reception.id) ?? [] })
    put.push({ ...w, facts, pending: !settled(facts) })
  }
  await putRequestFacts(db, siteId, put)
  await deleteRequestFacts(db, siteId, gone)
  await unwatchRequests(db, siteId, watched, 'statistics_watch')
}
