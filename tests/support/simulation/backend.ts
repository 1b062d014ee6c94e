/**
 * The server side of the sync simulation, as the simulation and its network see it: in-process on
 * a SQLite file with a clock the simulation moves and kills mid-transaction (server.ts), or real
 * server processes on one PostgreSQL on real time (processes.ts).
 */
import type { ServerDb } from '@server/db/connection'
import type { Transport, TransportRequest, TransportResponse } from '@client/sync/transport'

/** Where a push transaction dies: before writing the `nth` mutation's `applied_mutations` row, or at its change-number update. */
export type KillPoint = { at: 'recordRow'; nth: number } | { at: 'changeSeq' }

export interface SimBackend {
  /** The server's clock; the tablets' clocks are it plus their skew. */
  readonly clock: { readonly now: number }
  /** Time passes between steps (real processes: real time passes by itself). */
  advance(ms: number): void
  /** The database, for the simulation's own reads and its setup (site, codes). */
  readonly db: ServerDb
  /** False from a kill until the restart: requests then get no answer. */
  readonly up: boolean
  /** Bumped at every (re)start: an answer from an earlier process never arrives. */
  readonly generation: number
  readonly kills: number
  readonly restarts: number
  /** Whether it can be killed in the middle of a push and started again (arm, restart). */
  readonly canKill: boolean
  readonly armed: boolean
  arm(plan: KillPoint): void
  disarm(): void
  restart(): Promise<{ afterCrash: boolean }>
  /** Called by the network before it hands a push to the server. */
  pushArriving(): void
  /** How tablet number `index` reaches its server. */
  transportFor(index: number): Transport
  /** The server's clock when it handled `req` (sent at `sentAt`, answered `res` by `answeredAt`, both on this process's clock). */
  handledAt(req: TransportRequest, res: TransportResponse, sentAt: number, answeredAt: number): Promise<number>
  close(): Promise<void>
}
