/**
 * Catching up with a restored server (docs/sync-protocol.md "After a restore"): re-send every record
 * this tablet holds, with the per-field stamps it pulled it with, so the server takes what it lost or
 * holds older; then say so, start the cursor again and pull the whole site. Nothing local changes
 * until the server has answered for every batch, so an interrupted catch-up simply starts again.
 */
import { DELETED_FIELD } from '@shared/sync/merge'
import { mutationSpec, PULLED_TABLES } from '@shared/sync/registry'
import { MAX_RESEND, type ResentRecord, type ServerEpochInfo } from '@shared/sync/protocol'
import type { DeskbookDb, FieldStampsRow, OutboxRow } from '../db/database'
import { caughtUp } from '../db/device/server-link'
import type { SyncApi } from './api'
import { pulledStamps, recordKey } from './pulled-stamps'

export interface CatchUpOutcome {
  sent: number
  applied: number
  /** Records the server would not take (kept on the tablet as they are), with its reason. */
  refused: { table: string; id: string; reason: string }[]
}

/** What the outbox still holds, per record: the fields its waiting changes set, and whether one is append-only. */
function waitingChanges(outbox: readonly OutboxRow[]): Map<string, { fields: Set<string>; appendOnly: boolean }> {
  const waiting = new Map<string, { fields: Set<string>; appendOnly: boolean }>()
  for (const m of outbox) {
    const k = recordKey(m.table, m.recordId)
    const entry = waiting.get(k) ?? { fields: new Set<string>(), appendOnly: false }
    for (const f of Object.keys(m.fields)) entry.fields.add(f)
    if (mutationSpec(m.name)?.kind === 'appendOnly') entry.appendOnly = true
    waiting.set(k, entry)
  }
  return waiting
}

/**
 * The records of `table` to re-send, a page at a time. A record still waiting in the outbox goes by
 * push, with every rule: an append-only one is left out; an editable one is sent with the fields its
 * waiting change set unstamped, so they only fill a gap and the push decides them.
 */
async function* tableRecords(db: DeskbookDb, table: string, waiting: ReturnType<typeof waitingChanges>, pulled: ReadonlyMap<string, FieldStampsRow>): AsyncGenerator<ResentRecord[]> {
  const t = db.table(table)
  const keyPath = String(t.schema.primKey.keyPath)
  let after: string | null = null
  for (;;) {
    const rows = (await (after === null ? t.orderBy(':id') : t.where(':id').above(after)).limit(MAX_RESEND).toArray()) as Record<string, unknown>[]
    if (!rows.length) return
    after = String(rows.at(-1)![keyPath])
    const ids = rows.map((r) => String(r[keyPath]))
    const page: ResentRecord[] = []
    rows.forEach((data, i) => {
      const id = ids[i]!
      const w = waiting.get(recordKey(table, id))
      if (w?.appendOnly) return
      const own = { ...(pulled.get(recordKey(table, id))?.stamps ?? {}) }
      for (const f of w?.fields ?? []) delete own[f]
      page.push({ table, id, data, deleted: false, stamps: own })
    })
    if (page.length) yield page
  }
}

/** Deletions the tablet learnt of by pull: their records are gone from it, their stamps are not. */
async function tombstones(db: DeskbookDb, pulled: ReadonlyMap<string, FieldStampsRow>): Promise<ResentRecord[]> {
  const out: ResentRecord[] = []
  for (const row of pulled.values()) {
    const stamp = row.stamps[DELETED_FIELD]
    if (!stamp || !(PULLED_TABLES as readonly string[]).includes(row.table)) continue
    if ((await db.table(row.table).get(row.id)) === undefined) out.push({ table: row.table, id: row.id, data: {}, deleted: true, stamps: { [DELETED_FIELD]: stamp } })
  }
  return out
}

async function* everything(db: DeskbookDb): AsyncGenerator<ResentRecord[]> {
  const waiting = waitingChanges(await db.outbox.toArray())
  const pulled = await pulledStamps(db)
  for (const table of PULLED_TABLES) yield* tableRecords(db, table, waiting, pulled)
  const gone = await tombstones(db, pulled)
  for (let i = 0; i < gone.length; i += MAX_RESEND) yield gone.slice(i, i + MAX_RESEND)
}

/** Re-send everything to the server `epoch` says it is now, then start pulling from the beginning. */
export async function catchUpWithServer(db: DeskbookDb, api: SyncApi, token: string, epoch: ServerEpochInfo): Promise<CatchUpOutcome> {
  const outcome: CatchUpOutcome = { sent: 0, applied: 0, refused: [] }
  for await (const batch of everything(db)) {
    const res = await api.resend(token, batch)
    outcome.sent += batch.length
    outcome.applied += res.applied
    outcome.refused.push(...res.refused)
  }
  const done = await api.resendDone(token, epoch.generation)
  await caughtUp(db, done.server)
  return outcome
}
