/**
 * Draining the outbox (docs/sync-protocol.md "Push"): oldest first, in batches; a mutation leaves
 * the outbox only when the server has answered for it — applied, duplicate, quarantined, or
 * rejected (then it moves to the local dead letters with the reason).
 */
import type { DeskbookDb } from '../db/database'
import type { SyncApi } from './api'

export const PUSH_BATCH = 100

export interface PushOutcome {
  pushed: number
  rejected: number
  revoked: boolean
}

export async function pushOutbox(db: DeskbookDb, api: SyncApi, token: string, now: () => number = Date.now): Promise<PushOutcome> {
  const outcome: PushOutcome = { pushed: 0, rejected: 0, revoked: false }
  for (;;) {
    const batch = await db.outbox.orderBy('id').limit(PUSH_BATCH).toArray()
    if (!batch.length) return outcome
    const res = await api.push(token, batch)
    const byId = new Map(batch.map((m) => [m.id, m]))
    await db.transaction('rw', [db.outbox, db.deadLetters], async () => {
      for (const r of res.results) {
        const m = byId.get(r.id)
        if (!m) continue
        if (r.status === 'rejected') {
          await db.deadLetters.put({ id: m.id, mutation: m, reason: r.reason ?? 'rejected', at: now() })
          outcome.rejected++
        }
        await db.outbox.delete(m.id)
        outcome.pushed++
      }
    })
    if (res.revoked) {
      outcome.revoked = true
      return outcome
    }
    // A server that answered for none of the batch would loop forever: stop and let the engine retry later.
    if (!res.results.some((r) => byId.has(r.id))) return outcome
  }
}
