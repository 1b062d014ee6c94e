/**
 * The server for the sync simulation as it runs for a company that outgrew one process (issue 12
 * point 3): real server processes (tests/support/app-server.ts), all on one PostgreSQL database,
 * each tablet talking HTTP to the process it is assigned to (tablet i to process i mod n). Real
 * time: the server's clock is the machine's; the simulation's steps do not move it.
 *
 * The model needs the server's clock at each push (for the clamp of stamps from the future): it is
 * read back from `applied_mutations` and checked to lie between sending the push and its answer.
 */
import { type ServerDb } from '@server/db/connection'
import { openPostgres } from '@server/db/postgres'
import { migrateToLatest } from '@server/db/migrate'
import { fetchTransport, type Transport, type TransportRequest, type TransportResponse } from '@client/sync/transport'
import type { PushResponse } from '@shared/sync/protocol'
import type { Mutation } from '@shared/sync/mutation'
import { startServer, type RunningServer } from '../app-server'
import type { SimBackend } from './backend'
import { isPush } from './network'

export class ProcessServers implements SimBackend {
  readonly clock = {
    get now(): number {
      return Date.now()
    },
  }
  readonly canKill = false
  readonly armed = false
  readonly up = true
  readonly generation = 1
  readonly kills = 0
  readonly restarts = 0
  /** Pushes each process answered, to show that both did the work. */
  readonly pushesServed: number[]
  private readonly transports: Transport[]

  private constructor(
    readonly db: ServerDb,
    readonly processes: readonly RunningServer[],
  ) {
    this.pushesServed = processes.map(() => 0)
    this.transports = processes.map((p, i) => {
      const http = fetchTransport(p.url, 20_000)
      return async (req) => {
        const res = await http(req)
        if (isPush(req) && res.status === 200) this.pushesServed[i]!++
        return res
      }
    })
  }

  /** `n` server processes on the database at `url` (migrated first, as an upgrade would be). */
  static async start(url: string, n = 2): Promise<ProcessServers> {
    const db = openPostgres(url)
    await migrateToLatest(db)
    const processes = await Promise.all(Array.from({ length: n }, () => startServer({ staticDir: '/nonexistent', env: { DATABASE_URL: url } })))
    return new ProcessServers(db, processes)
  }

  advance(): void {}

  arm(): void {
    throw new Error('real server processes are not killed mid-transaction here (the in-process SimServer is)')
  }

  disarm(): void {}

  restart(): Promise<{ afterCrash: boolean }> {
    return Promise.reject(new Error('real server processes are not restarted here'))
  }

  pushArriving(): void {}

  transportFor(index: number): Transport {
    return this.transports[index % this.transports.length]!
  }

  /** The server clock of a push that applied something: its `applied_at`, which must fall while the request was out. */
  async handledAt(req: TransportRequest, res: TransportResponse, sentAt: number, answeredAt: number): Promise<number> {
    if (!isPush(req) || res.status !== 200) return Date.now()
    const ids = (req.body as { mutations: Mutation[] }).mutations.map((m) => m.id)
    const rows = await this.db.kysely.selectFrom('applied_mutations').select('applied_at').where('id', 'in', ids).execute()
    const at = Math.max(...rows.map((r) => r.applied_at))
    const sent = performance.timeOrigin + sentAt
    const answered = performance.timeOrigin + answeredAt
    const fresh = (res.body as PushResponse).results.some((r) => r.status === 'applied')
    // A millisecond either side: Date.now and performance.now round differently.
    if (fresh && (at < sent - 1 || at > answered + 1)) throw new Error(`a push sent at ${sent} and answered at ${answered} was applied at ${at}`)
    return at
  }

  /** The same processes for one simulation run, which leaves them running when it ends (several seeds share them). */
  borrow(): SimBackend {
    const run = Object.create(this) as ProcessServers
    run.close = () => Promise.resolve()
    return run
  }

  async close(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()))
    await this.db.close()
  }
}
