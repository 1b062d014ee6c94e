/**
 * What the server must hold, worked out independently of the server's code: every mutation the
 * tablets made, when each one first reached the server in a batch that committed, and the records
 * they add up to under the protocol's rules (docs/sync-protocol.md "Merge rules"): per field, the
 * write with the greatest clock stamp wins, a stamp more than MAX_CLOCK_AHEAD ahead of the server's
 * clock counts as the server's clock (same counter and node), and on equal stamps the write that
 * arrived first stays.
 */
import { isDeepStrictEqual } from 'node:util'
import type { Mutation } from '@shared/sync/mutation'
import type { PushResponse } from '@shared/sync/protocol'
import { MAX_CLOCK_AHEAD } from '@server/sync/apply-push'

export interface ModelRecord {
  table: string
  id: string
  data: Record<string, unknown>
  /** The stamp of the winning write of each field. */
  stamps: Record<string, string>
}

export interface Made {
  mutation: Mutation
  /** Which tablet made it, at which step. */
  client: number
  step: number
}

export interface Arrival {
  /** The server clock when it was applied. */
  at: number
  /** Position in the order the server applied mutations. */
  order: number
}

const WALL_DIGITS = 15

/** The stamp the server merges with: `stamp`, or the server's clock when `stamp` is too far ahead. */
export function effectiveStamp(stamp: string, serverNow: number): string {
  const wall = Number(stamp.slice(0, WALL_DIGITS))
  const limit = serverNow + MAX_CLOCK_AHEAD
  // Written out here rather than imported, so the model checks clampHlc instead of repeating it.
  return wall > limit ? `${String(limit).padStart(WALL_DIGITS, '0')}:99999:${stamp.split(':').slice(2).join(':')}` : stamp
}

export const recordKey = (table: string, id: string): string => `${table}/${id}`

export class SyncModel {
  readonly made = new Map<string, Made>()
  readonly applied = new Map<string, Arrival>()
  readonly records = new Map<string, ModelRecord>()
  /** Anything the server said that the protocol does not allow; the simulation asserts there is none. */
  readonly problems: string[] = []
  /** How often the clamp and the merge rules came into play (the simulation's summary shows them). */
  readonly stats = { clamped: 0, lostEveryField: 0 }
  /** Which mutation wrote each field's winning value (absent: the server's own first write). */
  private readonly winners = new Map<string, Record<string, string>>()
  private arrivals = 0

  /** The records the server wrote itself before any tablet wrote (site, settings, first administrator). */
  start(records: readonly ModelRecord[]): void {
    for (const r of records) this.records.set(recordKey(r.table, r.id), structuredClone(r))
  }

  make(mutation: Mutation, client: number, step: number): void {
    this.made.set(mutation.id, { mutation: structuredClone(mutation), client, step })
  }

  /** The server answered a push of `sent` (handled at server time `now`) with `res`. */
  answered(sent: readonly Mutation[], res: PushResponse, now: number): void {
    if (res.results.length !== sent.length) this.problems.push(`push of ${sent.length} answered with ${res.results.length} results`)
    sent.forEach((m, i) => {
      const result = res.results[i]
      const made = this.made.get(m.id)
      if (result?.id !== m.id) this.problems.push(`result ${i} is for ${result?.id}, not ${m.id}`)
      if (!made) return void this.problems.push(`pushed a mutation no tablet made: ${m.id}`)
      if (!isDeepStrictEqual(m, made.mutation)) this.problems.push(`mutation ${m.id} changed between the outbox and the server`)
      if (this.applied.has(m.id)) {
        if (result?.status !== 'duplicate') this.problems.push(`mutation ${m.id} sent again was answered ${result?.status} (${result?.reason ?? ''}), not duplicate`)
        return
      }
      if (result?.status !== 'applied') this.problems.push(`new mutation ${m.id} (${m.name} ${m.recordId}) was answered ${result?.status}: ${result?.reason ?? ''}`)
      this.applied.set(m.id, { at: now, order: this.arrivals++ })
      if (result?.status === 'applied') this.merge(made.mutation, now)
    })
  }

  private merge(m: Mutation, now: number): void {
    const key = recordKey(m.table, m.recordId)
    const record = this.records.get(key) ?? { table: m.table, id: m.recordId, data: {}, stamps: {} }
    const stamp = effectiveStamp(m.hlc, now)
    if (stamp !== m.hlc) this.stats.clamped++
    let won = false
    for (const [field, value] of Object.entries(m.fields)) {
      const before = record.stamps[field]
      if (before !== undefined && stamp < before) continue
      record.stamps[field] = stamp
      record.data[field] = structuredClone(value)
      this.winners.set(key, { ...this.winners.get(key), [field]: m.id })
      won = true
    }
    if (!won) this.stats.lostEveryField++
    this.records.set(key, record)
  }

  /**
   * Fields whose final value is a tablet's earlier write although the same tablet wrote the field
   * again later. The clamp is monotonic and ties go to the later write, so this must stay 0.
   */
  ownLaterWritesLost(): number {
    let lost = 0
    for (const [key, fields] of this.winners) {
      for (const [field, winnerId] of Object.entries(fields)) {
        const winner = this.made.get(winnerId)!.mutation
        const later = [...this.made.values()].some(
          ({ mutation: m }) => m.deviceId === winner.deviceId && recordKey(m.table, m.recordId) === key && field in m.fields && m.id > winnerId,
        )
        if (later) lost++
      }
    }
    return lost
  }
}
