/**
 * The real server for the sync simulation: Fastify in-process on a SQLite file, with a clock the
 * simulation moves, and a way to kill it in the middle of a push transaction and start it again on
 * the same file.
 *
 * The kill: a Kysely plugin sees every statement before it runs. Once armed, it "kills the process"
 * at a chosen statement inside a push transaction, after some of the batch was already written in
 * that transaction: it copies the database and WAL files as the disk holds them at that instant (a
 * dead process commits nothing more, and SQLite recovery drops what was not committed), then fails
 * that statement and every later one. The restart closes the app and the connection, puts the
 * files back as the crash left them, and opens a new app on the same file.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely'
import { buildApp } from '@server/app'
import { openSqlite, type ServerDb } from '@server/db/connection'
import { migrateToLatest } from '@server/db/migrate'
import type { Transport } from '@client/sync/transport'
import { injectTransport } from '../inject-transport'
import type { KillPoint, SimBackend } from './backend'

export type { KillPoint } from './backend'

export class ServerKilled extends Error {
  override readonly name = 'ServerKilled'
}

function tableOf(node: OperationNode | undefined): string | null {
  const n = node as { kind?: string; table?: { identifier?: { name?: string } } } | undefined
  return n?.kind === 'TableNode' ? (n.table?.identifier?.name ?? null) : null
}

class Killer implements KyselyPlugin {
  private plan: KillPoint | null = null
  private rowsThisRequest = 0
  dead = false

  constructor(private readonly onKill: () => void) {}

  arm(plan: KillPoint | null): void {
    this.plan = plan
  }

  get armed(): boolean {
    return this.plan !== null
  }

  /** A push request begins: count its rows afresh. */
  newRequest(): void {
    this.rowsThisRequest = 0
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.dead) throw new ServerKilled('the server process is dead')
    const node = args.node as OperationNode & { into?: OperationNode; table?: OperationNode }
    const plan = this.plan
    if (plan) {
      // The nth record the push writes: the server records the batch's outcomes together at its end.
      if (node.kind === 'InsertQueryNode' && tableOf(node.into) === 'records') {
        this.rowsThisRequest++
        if (plan.at === 'recordRow' && this.rowsThisRequest >= plan.nth) this.kill()
      } else if (plan.at === 'changeSeq' && node.kind === 'UpdateQueryNode' && tableOf(node.table) === 'sites' && this.rowsThisRequest > 0) {
        this.kill()
      }
    }
    return args.node
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result)
  }

  private kill(): never {
    this.plan = null
    this.dead = true
    this.onKill()
    throw new ServerKilled('the server process was killed mid-transaction')
  }
}

const SIDE_FILES = ['-wal', '-shm'] as const

export class SimServer implements SimBackend {
  readonly clock: { now: number }
  readonly canKill = true
  app!: FastifyInstance
  db!: ServerDb
  /** False from a kill until the restart: requests then get no answer. */
  up = true
  /** Bumped at every (re)start: an answer from an earlier process never arrives. */
  generation = 0
  kills = 0
  restarts = 0
  private raw!: ServerDb
  private killer!: Killer
  private crashImage: string | null = null

  private constructor(
    readonly dir: string,
    readonly file: string,
    start: number,
  ) {
    this.clock = { now: start }
  }

  static async start(start: number): Promise<SimServer> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-sim-'))
    const server = new SimServer(dir, path.join(dir, 'deskbook.sqlite'), start)
    await server.open()
    return server
  }

  private async open(): Promise<void> {
    this.raw = openSqlite(this.file)
    await migrateToLatest(this.raw)
    this.killer = new Killer(() => this.onKill())
    this.db = { ...this.raw, kysely: this.raw.kysely.withPlugin(this.killer) }
    this.app = await buildApp({ db: this.db, staticDir: '/nonexistent', now: () => this.clock.now })
    this.up = true
    this.generation++
  }

  /** The disk as the dying process leaves it. */
  private onKill(): void {
    this.up = false
    this.kills++
    const image = path.join(this.dir, `crash-${this.kills}.sqlite`)
    fs.copyFileSync(this.file, image)
    if (fs.existsSync(`${this.file}-wal`)) fs.copyFileSync(`${this.file}-wal`, `${image}-wal`)
    this.crashImage = image
  }

  advance(ms: number): void {
    this.clock.now += ms
  }

  private readonly transport = injectTransport(() => this.app)

  transportFor(): Transport {
    return this.transport
  }

  /** In-process, the server's clock stands still while it handles a request. */
  handledAt(): Promise<number> {
    return Promise.resolve(this.clock.now)
  }

  arm(plan: KillPoint): void {
    this.killer.arm(plan)
  }

  disarm(): void {
    this.killer.arm(null)
  }

  get armed(): boolean {
    return this.killer.armed
  }

  /** Called by the network before it hands a push to the server. */
  pushArriving(): void {
    this.killer.newRequest()
  }

  /** Stop the process (after a kill: put the files back as the crash left them) and start a new one on the same file. */
  async restart(): Promise<{ afterCrash: boolean }> {
    await this.app.close()
    await this.raw.close()
    const image = this.crashImage
    this.crashImage = null
    if (image) {
      for (const f of [this.file, ...SIDE_FILES.map((s) => `${this.file}${s}`)]) fs.rmSync(f, { force: true })
      fs.copyFileSync(image, this.file)
      if (fs.existsSync(`${image}-wal`)) fs.copyFileSync(`${image}-wal`, `${this.file}-wal`)
    }
    this.restarts++
    await this.open()
    return { afterCrash: image !== null }
  }

  async close(): Promise<void> {
    await this.app.close()
    await this.raw.close()
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}
