/**
 * Several server processes on one PostgreSQL (issue 12 point 3): the seeded sync simulation
 * (tests/client/sync/simulation.test.ts says what it does and checks) with its tablets spread over
 * two real server processes — each its own Node process, as `npm start` runs it — sharing one
 * database, over HTTP. The faults of the network stay; the server is not killed here (the
 * in-process simulation does that). It converges: every mutation applied exactly once, the
 * server holding what the merge rules give, every tablet holding what the server holds.
 *
 * Replay one seed: `SIM_SEED=1234 npx vitest run --project server tests/server/two-process-sync.test.ts`
 * (real time and two processes: the same seed makes the same writes and faults, the server's
 * clock and the order the processes commit in are the machine's).
 */
import 'fake-indexeddb/auto' // the tablets' IndexedDB, as in the unit project
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ProcessServers } from '../support/simulation/processes'
import { Simulation, simulate } from '../support/simulation/simulation'
import { createPostgresDatabase } from '../support/server-db'

// Ids decide the outbox order and break stamp ties: made from the seed, as in the in-process simulation.
vi.mock('@shared/domain/ids', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@shared/domain/ids')>()
  const { simIds } = await import('../support/simulation/ids')
  return { ...actual, newId: () => simIds.next() }
})

/** Few and short: each step is real HTTP to real processes; the in-process simulation runs the many seeds. */
const SEEDS = process.env.SIM_SEED ? [Number(process.env.SIM_SEED)] : [7, 1234]
const STEPS = Number(process.env.SIM_STEPS ?? 150)

describe('sync with tablets spread over two server processes on one PostgreSQL', () => {
  let servers: ProcessServers
  let drop: () => Promise<void> = async () => {}
  beforeAll(async () => {
    const database = await createPostgresDatabase()
    drop = database.drop
    servers = await ProcessServers.start(database.url, 2)
  }, 120_000)
  afterAll(async () => {
    await servers?.close()
    await drop()
  })

  for (const seed of SEEDS) {
    it(`seed ${seed}: converges — every mutation applied once, the server holding what the merge rules give, every tablet what the server holds`, async () => {
      const before = [...servers.pushesServed]
      await simulate(new Simulation(seed, async () => servers.borrow()), STEPS)
      // Both processes took pushes of this run.
      expect(servers.pushesServed.map((n, i) => n - before[i]!).every((n) => n > 0)).toBe(true)
    }, 120_000)
  }
})
