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

/** Mutations per push request at most (the server takes MAX_PUSH); 250 sends 1,000 in four requests. */
export const PUSH_BATCH = 250
/**
 * Characters of JSON per push request at most, beyond its first mutation: an inspection photo is up to
 * 400 KB, and the server refuses a body over 5 MB (a Chinese character is 3 bytes in UTF-8: 3 MB at most).
 */
export const PUSH_CHARS = 1_000_000

export interface PushOutcome {
  pushed: number
  rejected: number
  revoked: boolean
}

export async function pushOutbox(db: DeskbookDb, api: SyncApi, token: string, now: () => number = Date.now): Promise<PushOutcome> {
  const outcome: PushOutcome = { pushed: 0, rejected: 0, revoked: false }
  let size = PUSH_BATCH
  const epoch = await getServerEpoch(db)
  let batch = await outboxAfter(db, null, size)
  // The answers to one batch are written while the next one is on its way (and the one after that is read):
  // a tablet closed before they are written sends those mutations again, and the server answers them as
  // duplicates — it applies each once whatever happens here.
  let settling: Promise<void> = Promise.resolve()
  try {
    while (batch.length) {
      const sent = batch
      const [res, next] = await Promise.all([pushOrIsolate(() => api.push(token, sent, epoch), sent), outboxAfter(db, sent[sent.length - 1]!.id, size)])
      if (res === 'isolate') {
        // The server refused the request as a whole: find the mutation it cannot take by sending one at a time.
        size = 1
        batch = sent.slice(0, 1)
        continue
      }
      const byId = new Map(sent.map((m) => [m.id, m]))
      await settling
      settling = settle(db, res, byId, outcome, now)
      if (res.revoked) {
        outcome.revoked = true
        break
      }
      // A server that did not answer for all of the batch: stop here, in order, and let the engine send the rest later.
      const answered = new Set(res.results.map((r) => r.id))
      if (!sent.every((m) => answered.has(m.id))) break
      batch = next
    }
  } finally {
    await settling
  }
  return outcome
}

/** The outbox's oldest `size` mutations after `afterId` (from the start when null). */
async function outboxAfter(db: DeskbookDb, afterId: string | null, size: number): Promise<Mutation[]> {
  return fitRequest(await (afterId === null ? db.outbox.orderBy('id') : db.outbox.where('id').above(afterId)).limit(size).toArray())
}

/** The first of `batch` that fit in one request of PUSH_CHARS (always the first one, however large). */
export function fitRequest(batch: Mutation[]): Mutation[] {
  let chars = 0
  for (let i = 0; i < batch.length; i++) {
    chars += JSON.stringify(batch[i]).length
    if (i > 0 && chars > PUSH_CHARS) return batch.slice(0, i)
  }
  return batch
}

/** The server's answers written down: answered mutations leave the outbox, refused ones go to the dead letters. */
async function settle(db: DeskbookDb, res: PushResponse, byId: ReadonlyMap<string, Mutation>, outcome: PushOutcome, now: () => number): Promise<void> {
  await db.transaction('rw', [db.outbox, db.deadLetters], async () => {
    const rejected = res.results.filter((r) => r.status === 'rejected' && byId.has(r.id))
    if (rejected.length) await db.deadLetters.bulkPut(rejected.map((r) => ({ id: r.id, mutation: byId.get(r.id)!, reason: r.reason ?? 'rejected', at: now() })))
    const answered = res.results.filter((r) => byId.has(r.id)).map((r) => r.id)
    await db.outbox.bulkDelete(answered)
    outcome.rejected += rejected.length
    outcome.pushed += answered.length
  })
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
