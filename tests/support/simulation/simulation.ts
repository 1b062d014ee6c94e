/**
 * The seeded sync simulation (issue 3 point 5; tests/client/sync/simulation.test.ts says what it
 * exercises and checks): tablets — each its own IndexedDB and sync engine — and a server, through a
 * network that injects faults. The server is in-process on a SQLite file and can be killed in the
 * middle of a push (SimServer), or real server processes sharing one PostgreSQL with the tablets
 * spread over them (ProcessServers, issue 12 point 3).
 */
import { expect } from 'vitest'
import { DeskbookDb } from '@client/db/database'
import { writeRecords, type RecordWrite } from '@client/db/write-records'
import { getServerLink } from '@client/db/device/server-link'
import { SyncEngine } from '@client/sync/engine'
import { enrolTablet } from '@client/sync/link'
import { issueCode } from '@server/repositories/codes'
import { createSite } from '@server/sync/enrolment'
import { newId } from '@shared/domain/ids'
import type { Mutation } from '@shared/sync/mutation'
import type { PushResponse } from '@shared/sync/protocol'
import { mulberry32, type Rng } from './prng'
import { simIds } from './ids'
import type { KillPoint, SimBackend } from './backend'
import { FAULTS, isPush, Network, type Delivery, type Held, type Link } from './network'
import { recordKey, SyncModel, type ModelRecord } from './model'
import { chooseWrite, recordOf } from './writes'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const SYNCED_TABLES = ['sites', 'settings', 'departments', 'shiftTypes', 'staff'] as const
const TABLET_TABLES = [...SYNCED_TABLES, 'devices'] as const
type TabletTable = (typeof TABLET_TABLES)[number]

interface Tablet {
  index: number
  dbName: string
  db: DeskbookDb
  engine: SyncEngine
  link: Link
  deviceId: string
  /** How wrong its clock is, in ms. */
  skew: number
  /** A sync waiting on something held in transit; it goes on when that is released. */
  running: Promise<void> | null
  /** The tablet is dying in the middle of applying a pulled page (its engine's error is expected). */
  dying: boolean
}

type Action = 'write' | 'sync' | 'fault' | 'offline' | 'late' | 'release' | 'crash' | 'clock' | 'arm' | 'restart'

export class Simulation {
  readonly rng: Rng
  readonly model = new SyncModel()
  readonly trace: string[] = []
  /** Sync runs that ended in anything but success or "offline": none is expected. */
  readonly engineTrouble: string[] = []
  readonly counts: Record<string, number> = {}
  server!: SimBackend
  network!: Network
  tablets: Tablet[] = []
  siteId = ''
  adminId = ''
  step = 0

  constructor(
    readonly seed: number,
    /** The server the tablets sync with: in-process and killable (SimServer), or real processes. */
    private readonly startServer: () => Promise<SimBackend>,
  ) {
    this.rng = mulberry32(seed)
    simIds.reset(seed)
  }

  msg(what: string): string {
    return `seed ${this.seed}: ${what} (replay with SIM_SEED=${this.seed})`
  }

  private note(line: string): void {
    this.trace.push(`#${this.step} ${line}`)
  }

  private count(what: string): void {
    this.counts[what] = (this.counts[what] ?? 0) + 1
  }

  tabletNow(t: Tablet): number {
    return this.server.clock.now + t.skew
  }

  private randomSkew(): number {
    return this.rng.chance(0.5) ? this.rng.int(-2 * MINUTE, 2 * MINUTE) : this.rng.int(-48 * HOUR, 48 * HOUR)
  }

  private observe(d: Delivery): void {
    if (d.res.status !== 200) {
      this.model.problems.push(`step ${this.step}: ${d.req.method} ${d.req.path} answered ${d.res.status} ${JSON.stringify(d.res.body)}`)
      return
    }
    if (isPush(d.req)) this.model.answered((d.req.body as { mutations: Mutation[] }).mutations, d.res.body as PushResponse, d.now)
  }

  private makeEngine(t: Tablet): SyncEngine {
    return new SyncEngine({
      db: t.db,
      transport: this.network.transport(t.link),
      now: () => this.tabletNow(t),
      schedule: () => () => {},
      random: () => 0.5,
      lockName: `deskbook-sim-${t.index}`,
      onStatus: (s) => {
        if (s.state !== 'idle' && s.state !== 'running' && s.state !== 'offline' && !t.dying) this.engineTrouble.push(`step ${this.step} tablet ${t.index}: ${s.state} ${s.errorKey ?? ''} ${s.errorDetail}`)
      },
    })
  }

  async setup(): Promise<void> {
    this.server = await this.startServer()
    this.network = new Network(this.server, (d) => this.observe(d))
    const { site, staffId } = await createSite(this.server.db, { name: '翠苑小区', timezone: 'Asia/Shanghai', adminName: '王管理', adminPin: '2580' }, this.server.clock.now)
    this.siteId = site.id
    this.adminId = staffId
    this.model.start(await this.serverRecords())
    const n = this.rng.int(3, 4)
    for (let index = 0; index < n; index++) {
      const dbName = `sim-${this.seed}-${index}-${newId()}`
      const link: Link = { index, offline: false, faults: [], onHold: null }
      const t: Tablet = { index, dbName, db: new DeskbookDb(dbName), engine: null!, link, deviceId: '', skew: this.randomSkew(), running: null, dying: false }
      t.engine = this.makeEngine(t)
      const { code } = await issueCode(this.server.db.kysely, 'enrol', this.siteId, this.server.clock.now)
      await enrolTablet(t.db, t.engine.api, code, `前台平板${index + 1}`, this.tabletNow(t))
      t.deviceId = (await getServerLink(t.db))!.deviceId
      this.tablets.push(t)
    }
    this.note(`${n} tablets, skews ${this.tablets.map((t) => `${Math.round(t.skew / MINUTE)} min`).join(', ')}`)
  }

  /** The site's records on the server, as the model holds them (devices aside: only the server writes those). */
  async serverRecords(): Promise<ModelRecord[]> {
    const rows = await this.server.db.kysely.selectFrom('records').selectAll().where('site_id', '=', this.siteId).where('table_name', '!=', 'devices').execute()
    for (const r of rows) if (r.deleted !== 0) this.model.problems.push(`record ${r.table_name}/${r.record_id} is deleted, yet nothing deletes`)
    return rows
      .map((r) => ({ table: r.table_name, id: r.record_id, data: JSON.parse(r.data) as Record<string, unknown>, stamps: JSON.parse(r.field_hlc) as Record<string, string> }))
      .sort((a, b) => recordKey(a.table, a.id).localeCompare(recordKey(b.table, b.id)))
  }

  async run(steps: number): Promise<void> {
    for (this.step = 1; this.step <= steps; this.step++) await this.once()
  }

  private async once(): Promise<void> {
    const { rng, server, network } = this
    server.advance(rng.chance(0.1) ? 0 : rng.int(1, 90_000))
    // The clerk goes on working while a sync waits in transit: such a tablet is picked more often.
    const t = network.held.length && rng.chance(0.3) ? this.tablets[rng.pick(network.held).link.index]! : rng.pick(this.tablets)
    const action = rng.weighted<Action>([
      ['write', 30],
      ['sync', 26],
      ['fault', 12],
      ['offline', 4],
      ['late', network.late.length ? 5 : 0],
      ['release', network.held.length ? 8 : 0],
      ['crash', 3],
      ['clock', 3],
      ['arm', server.canKill && server.up && !server.armed ? 2 : 0],
      ['restart', !server.canKill ? 0 : server.up ? 1 : 25],
    ])
    this.count(action)
    switch (action) {
      case 'write':
        return this.write(t)
      case 'sync': {
        const held = network.held.find((h) => h.link === t.link)
        return held ? this.release(held) : this.sync(t)
      }
      case 'fault': {
        const fault = rng.pick(FAULTS)
        const on = rng.weighted([['push', 6], ['pull', 2], ['any', 2]] as const)
        t.link.faults.push({ fault, on })
        this.count(fault)
        return this.note(`tablet ${t.index}: next ${on === 'any' ? 'request' : on} will ${fault}`)
      }
      case 'offline':
        t.link.offline = !t.link.offline
        return this.note(`tablet ${t.index} ${t.link.offline ? 'offline' : 'online'}`)
      case 'late': {
        const i = rng.int(0, network.late.length - 1)
        const from = network.late[i]!.link.index
        const outcome = await network.deliverLate(i)
        return this.note(`a late request of tablet ${from} arrives: ${outcome}`)
      }
      case 'release':
        return this.release(rng.pick(network.held))
      case 'crash': {
        const when = rng.pick(['idle', 'afterWrite', 'whilePulling'] as const)
        return when === 'whilePulling' && !t.running ? this.crashWhilePulling(t) : this.crash(t, when === 'afterWrite')
      }
      case 'clock':
        t.skew = this.randomSkew()
        return this.note(`tablet ${t.index} clock now ${Math.round(t.skew / MINUTE)} min off`)
      case 'arm': {
        const plan: KillPoint = rng.chance(0.7) ? { at: 'recordRow', nth: rng.int(1, 3) } : { at: 'changeSeq' }
        server.arm(plan)
        return this.note(`server will die in a push transaction at ${plan.at === 'recordRow' ? `mutation ${plan.nth}` : 'its change-number update'}`)
      }
      case 'restart':
        return this.restart()
    }
  }

  /** One to three local writes in one transaction, through the app's write path. */
  async write(t: Tablet): Promise<void> {
    const writes: RecordWrite[] = []
    const howMany = this.rng.chance(0.15) ? this.rng.int(2, 3) : 1
    for (let i = 0; i < howMany; i++) {
      const w = await chooseWrite(this.rng, t.db, this, `${this.step}${'abc'[i]}`)
      if (!writes.some((x) => recordOf(x) === recordOf(w))) writes.push(w)
    }
    const made = await writeRecords(t.db, { siteId: this.siteId, deviceId: t.deviceId, staffId: this.adminId }, writes, this.tabletNow(t))
    for (const m of made) this.model.make(m, t.index, this.step)
    this.note(`tablet ${t.index} writes ${made.map((m) => `${m.name} ${m.recordId.slice(-4)} ${JSON.stringify(m.fields)}`).join('; ')} @${m0(made).hlc.slice(0, 21)}`)
  }

  async sync(t: Tablet): Promise<void> {
    if (t.running) throw new Error(`tablet ${t.index} is already syncing`)
    const before = await t.db.outbox.count()
    await this.follow(t, t.engine.run())
    const s = t.engine.current
    this.note(`tablet ${t.index} syncs (outbox ${before} → ${t.running ? 'held in transit' : `${await t.db.outbox.count()}, ${s.state}${s.errorDetail ? ` ${s.errorDetail}` : ''}`})`)
  }

  private async follow(t: Tablet, run: Promise<void>): Promise<void> {
    let onHold: () => void = () => {}
    const held = new Promise<'held'>((resolve) => (onHold = () => resolve('held')))
    t.link.onHold = onHold
    const how = await Promise.race([run.then(() => 'done' as const), held])
    t.link.onHold = null
    t.running = how === 'held' ? run : null
    await this.checkOwnChanges(t)
  }

  /** A tablet always shows its own changes still waiting in its outbox: a pulled change never hides them. */
  private async checkOwnChanges(t: Tablet): Promise<void> {
    const waiting = new Map<string, { table: string; id: string; fields: Record<string, unknown> }>()
    for (const m of await t.db.outbox.orderBy('id').toArray()) {
      const key = recordKey(m.table, m.recordId)
      waiting.set(key, { table: m.table, id: m.recordId, fields: { ...waiting.get(key)?.fields, ...m.fields } })
    }
    for (const [key, { table, id, fields }] of waiting) {
      const row = ((await t.db.table(table).get(id)) ?? {}) as Record<string, unknown>
      const shown = Object.fromEntries(Object.keys(fields).map((f) => [f, row[f]]))
      expect(shown, this.msg(`tablet ${t.index} shows its waiting change of ${key} (step ${this.step})`)).toEqual(fields)
    }
  }

  async release(h: Held): Promise<void> {
    const t = this.tablets[h.link.index]!
    this.note(`tablet ${t.index}: the held ${h.kind} goes on`)
    await h.release()
    if (t.running) await this.follow(t, t.running)
  }

  /** The tablet dies (after a local write, before it could push it): a new engine on the same database. */
  async crash(t: Tablet, afterWrite: boolean): Promise<void> {
    if (afterWrite) await this.write(t)
    const waiting = (await t.db.outbox.orderBy('id').primaryKeys()).join()
    for (const h of this.network.held.filter((x) => x.link === t.link)) h.abandon()
    if (t.running) await t.running // the dying engine's sync fails without touching the database
    t.running = null
    t.engine.stop()
    t.db.close()
    t.db = new DeskbookDb(t.dbName)
    t.engine = this.makeEngine(t)
    expect((await t.db.outbox.orderBy('id').primaryKeys()).join(), this.msg(`tablet ${t.index}'s outbox after it died`)).toBe(waiting)
    this.note(`tablet ${t.index} dies${afterWrite ? ' right after a local write' : ''} and starts again`)
  }

  /** The tablet dies while it applies a pulled page: at its first write of a pulled record. */
  async crashWhilePulling(t: Tablet): Promise<void> {
    let died = false
    const die = (): void => {
      died = true
      throw new Error('the tablet died while applying a pulled page')
    }
    const tables = TABLET_TABLES.map((name) => t.db.table(name))
    for (const table of tables) for (const event of ['creating', 'updating', 'deleting'] as const) table.hook[event].subscribe(die)
    t.dying = true
    try {
      await this.follow(t, t.engine.run())
    } finally {
      t.dying = false
      for (const table of tables) for (const event of ['creating', 'updating', 'deleting'] as const) table.hook[event].unsubscribe(die)
    }
    if (died) this.count('diedInPull')
    this.note(`tablet ${t.index} ${died ? 'dies applying a pulled page' : 'was to die applying a pulled page, but pulled nothing'}`)
    await this.crash(t, false)
  }

  async restart(): Promise<void> {
    const { afterCrash } = await this.server.restart()
    this.note(`server ${afterCrash ? 'starts again after the crash' : 'restarts'} on the same file`)
    await this.checkServer(afterCrash ? 'after a crash mid-batch' : 'after a restart')
  }

  /** The server holds exactly what the model says: nothing of a killed batch, all of every committed one. */
  async checkServer(when: string): Promise<void> {
    expect(await this.serverRecords(), this.msg(`server records ${when} (step ${this.step})`)).toEqual([...this.model.records.values()].sort((a, b) => recordKey(a.table, a.id).localeCompare(recordKey(b.table, b.id))))
    const applied = await this.server.db.kysely.selectFrom('applied_mutations').select('id').where('site_id', '=', this.siteId).execute()
    expect(applied.length, this.msg(`mutations on record at the server ${when} (step ${this.step})`)).toBe(this.model.applied.size)
  }

  /** Make sure the server died mid-batch at least once in this run: two new mutations, killed at the second. */
  async scriptedKill(): Promise<void> {
    const t = this.tablets[0]!
    await this.write(t)
    await this.write(t)
    this.server.arm({ at: 'recordRow', nth: 2 })
    await this.sync(t)
    expect(this.server.up, this.msg('the server dies on the second mutation of the batch')).toBe(false)
    await this.restart()
  }

  /** Everything heals: the network is clean, the server up, what is in transit arrives, every tablet syncs until its outbox is empty, then once more. */
  async heal(): Promise<void> {
    for (const t of this.tablets) {
      t.link.offline = false
      t.link.faults = []
    }
    if (!this.server.up) await this.restart()
    this.server.disarm()
    while (this.network.held.length) await this.release(this.network.held[0]!)
    if (this.server.canKill && this.server.kills === 0) await this.scriptedKill()
    while (this.network.late.length) this.note(`late request arrives: ${await this.network.deliverLate(this.rng.int(0, this.network.late.length - 1))}`)
    for (let round = 0; round < 5; round++) {
      for (const t of this.tablets) await this.sync(t)
      const waiting = await Promise.all(this.tablets.map((t) => t.db.outbox.count()))
      if (waiting.every((n) => n === 0)) break
    }
    for (const t of this.tablets) await this.sync(t)
  }

  async verify(): Promise<void> {
    const { model, server, siteId } = this
    // (2) Every mutation made on any tablet was applied exactly once, when it first reached the server.
    const applied = await server.db.kysely.selectFrom('applied_mutations').selectAll().where('site_id', '=', siteId).execute()
    const dead = await server.db.kysely.selectFrom('dead_letters').select(['id', 'reason']).where('site_id', '=', siteId).execute()
    expect(applied.map((a) => a.id).sort(), this.msg('mutations the server applied vs. those the tablets made')).toEqual([...model.made.keys()].sort())
    expect(dead, this.msg('mutations the server refused')).toEqual([])
    for (const a of applied) {
      expect({ id: a.id, status: a.status, at: a.applied_at }, this.msg(`applied mutation ${a.id}`)).toEqual({ id: a.id, status: 'applied', at: model.applied.get(a.id)?.at })
    }
    expect(model.problems, this.msg('what the server answered')).toEqual([])
    // The clamp keeps each tablet's own writes in the order it made them.
    expect(model.ownLaterWritesLost(), this.msg("fields where a tablet's earlier write beat its own later one")).toBe(0)
    expect(this.engineTrouble, this.msg('sync runs that failed for another reason than the network')).toEqual([])

    // (3) Nothing lost: the server holds, field by field, the last write by clock stamp of everything made.
    await this.checkServer('at the end')
    for (const made of model.made.values()) {
      const r = model.records.get(recordKey(made.mutation.table, made.mutation.recordId))
      expect(r, this.msg(`record ${made.mutation.table}/${made.mutation.recordId} written at step ${made.step}`)).toBeDefined()
    }

    const siteRecord = model.records.get(recordKey('sites', siteId))?.data
    const siteRow = await server.db.kysely.selectFrom('sites').select(['id', 'name', 'timezone']).where('id', '=', siteId).executeTakeFirst()
    expect(siteRow, this.msg("the server's site row follows the site record")).toEqual(siteRecord)

    // (1) Every tablet ends with the server's records, and nothing waiting or refused.
    const records = await server.db.kysely.selectFrom('records').selectAll().where('site_id', '=', siteId).execute()
    for (const t of this.tablets) {
      expect(t.running, this.msg(`tablet ${t.index} still syncing`)).toBeNull()
      expect(t.engine.current.state, this.msg(`tablet ${t.index} sync state`)).toBe('idle')
      expect(await t.db.outbox.count(), this.msg(`tablet ${t.index} outbox`)).toBe(0)
      expect(await t.db.deadLetters.toArray(), this.msg(`tablet ${t.index} dead letters`)).toEqual([])
      for (const table of TABLET_TABLES) {
        const expected = records
          .filter((r) => r.table_name === table && r.deleted === 0)
          .map((r) => JSON.parse(r.data) as Record<string, unknown>)
          .sort(byKey(table))
        const actual = ((await t.db.table(table).toArray()) as Record<string, unknown>[]).sort(byKey(table))
        expect(actual, this.msg(`tablet ${t.index} ${table}`)).toEqual(expected)
      }
    }
  }

  async teardown(): Promise<void> {
    for (const h of [...(this.network?.held ?? [])]) h.abandon()
    for (const t of this.tablets) {
      if (t.running) await t.running
      t.engine.stop()
      t.db.close()
      await t.db.delete()
    }
    await this.server?.close()
  }

  summary(): string {
    const m = this.model
    let hash = 0x811c9dc5
    for (const c of this.trace.join('\n')) hash = Math.imul(hash ^ c.codePointAt(0)!, 0x01000193) >>> 0
    return `seed ${this.seed}: trace ${hash.toString(16)}, ${this.tablets.length} tablets, ${m.made.size} mutations (${m.stats.clamped} clamped, ${m.stats.lostEveryField} lost every field, ${m.ownLaterWritesLost()} fields keep a tablet's earlier write over its own later one), ${m.records.size} records, ${this.server.kills} kills, ${this.server.restarts} restarts; ${Object.entries(this.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`
  }
}

const m0 = (made: readonly Mutation[]): Mutation => made[0]!

function byKey(table: TabletTable): (a: Record<string, unknown>, b: Record<string, unknown>) => number {
  const key = table === 'settings' ? 'siteId' : 'id'
  return (a, b) => String(a[key]).localeCompare(String(b[key]))
}

/** One seeded run: set up, `steps` steps, heal, check; a failure names the seed and shows the last steps (`SIM_TRACE`). */
export async function simulate(sim: Simulation, steps: number, verbose = Boolean(process.env.SIM_VERBOSE)): Promise<void> {
  try {
    await sim.setup()
    await sim.run(steps)
    await sim.heal()
    await sim.verify()
    if (verbose) console.warn(sim.summary())
  } catch (e) {
    if (e instanceof Error) e.message = `${e.message}\n${sim.msg('failed')}; last steps:\n${sim.trace.slice(-(Number(process.env.SIM_TRACE) || 40)).join('\n')}`
    throw e
  } finally {
    await sim.teardown()
  }
}
