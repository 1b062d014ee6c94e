/**
 * Draining the outbox (docs/sync-protocol.md "Push"): oldest first, in batches; a mutation leaves
 * the outbox only when the server has answered for it — applied, duplicate, quarantined, or
 * rejected (then it moves to the local dead letters with the reason).
 */
import type { Mutation } from '@shared/sync/mutation'
import type { PushResponse } from '@shared/sync/protocol'
import type { DeskbookDb } from '../db/database'
import { getServerEpoch } from '../db/device/server-link'
import { SyncError, type SyncApi } from './api'

export const PUSH_BATCH = 100

export interface PushOutcome {
  pushed: number
  rejected: number
  revoked: boolean
}

export async function pushOutbox(db: DeskbookDb, api: SyncApi, token: string, now: () => number = Date.now): Promise<PushOutcome> {
  const outcome: PushOutcome = { pushed: 0, rejected: 0, revoked: false }
  let size = PUSH_BATCH
  const epoch = await getServerEpoch(db)
  for (;;) {
    const batch = await db.outbox.orderBy('id').limit(size).toArray()
    if (!batch.length) return outcome
    const res = await pushOrIsolate(() => api.push(token, batch, epoch), batch)
    if (res === 'isolate') {
      // The server refused the request as a whole: find the mutation it cannot take by sending one at a time.
      size = 1
      continue
    }
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

/**
 * Push a batch. A request refused as a whole (400: a mutation the server cannot even read) must not
 * block the outbox for ever: a batch of several is split; a single one is answered as rejected with the
 * server's message, so it moves to the dead letters like any refused mutation.
 */
async function pushOrIsolate(send: () => Promise<PushResponse>, batch: Mutation[]): Promise<PushResponse | 'isolate'> {
  try {
    return await send()
  } catch (e) {
    if (!(e instanceof SyncError) || e.kind !== 'refused') throw e
    if (batch.length > 1) return 'isolate'
    return { results: [{ id: batch[0]!.id, status: 'rejected', reason: `refused: ${e.detail}`.slice(0, 200) }], revoked: false }
  }
}
