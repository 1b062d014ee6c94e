/**
 * The sync engine (docs/sync-protocol.md "The client engine"): push the outbox, then pull. Runs
 * from the page on start, on `online`, when the app becomes visible, on a timer and shortly after
 * local writes; one run at a time across tabs (Web Locks); failures back off exponentially.
 * Time and scheduling are injected, so tests drive it without waiting.
 */
import type { DeskbookDb } from '../db/database'
import { getServerLink, type ServerLink } from '../db/device/server-link'
import { SyncApi, SyncError } from './api'
import { pullChanges } from './pull'
import { pushOutbox } from './push'
import { catchUpWithServer } from './resend'
import type { Transport } from './transport'

/** `catchingUp`: the server was restored from a backup and the tablet is re-sending what it holds. */
export type SyncState = 'notConnected' | 'idle' | 'running' | 'catchingUp' | 'offline' | 'error' | 'upgrade' | 'revoked'

export interface SyncStatus {
  state: SyncState
  lastSuccessAt: number | null
  /** i18n key of the last error, null when the last run went well. */
  errorKey: string | null
  errorDetail: string
  /** Consecutive failed runs (drives the back-off). */
  failures: number
}

export interface EngineOptions {
  db: DeskbookDb
  transport: Transport
  now?: () => number
  /** Schedules `fn` after `ms`; returns a cancel function. */
  schedule?: (fn: () => void, ms: number) => () => void
  random?: () => number
  /** Called when the server says this tablet is revoked, after its last push. */
  onRevoked?: () => Promise<void>
  /** Called with every status change. */
  onStatus?: (status: SyncStatus) => void
  lockName?: string
}

export const PERIOD_MS = 60_000
export const AFTER_WRITE_MS = 2_000
const BACKOFF_FIRST_MS = 2_000
const BACKOFF_MAX_MS = 5 * 60_000

/**
 * Delay before retry number `failures` (1, 2 …): 2 s doubling to 5 min, with ±20 % jitter; never
 * less than a busy server asked (`atLeastMs`, its Retry-After), plus up to 20 % so that tablets
 * told the same wait do not all come back at the same instant.
 */
export function backoffDelay(failures: number, random: () => number = Math.random, atLeastMs = 0): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, failures - 1))
  const r = random()
  return Math.round(Math.max(base * (0.8 + 0.4 * r), atLeastMs * (1 + 0.2 * r)))
}

const defaultSchedule = (fn: () => void, ms: number): (() => void) => {
  const t = setTimeout(fn, ms)
  return () => clearTimeout(t)
}

export class SyncEngine {
  readonly api: SyncApi
  private status: SyncStatus = { state: 'notConnected', lastSuccessAt: null, errorKey: null, errorDetail: '', failures: 0 }
  private running: Promise<void> | null = null
  private again = false
  private cancelTimer: (() => void) | null = null
  private stopped = false

  constructor(private readonly opts: EngineOptions) {
    this.api = new SyncApi(opts.transport)
  }

  get current(): SyncStatus {
    return this.status
  }

  private now(): number {
    return (this.opts.now ?? Date.now)()
  }

  private set(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch }
    this.opts.onStatus?.(this.status)
  }

  private plan(ms: number): void {
    this.cancelTimer?.()
    if (this.stopped) return
    this.cancelTimer = (this.opts.schedule ?? defaultSchedule)(() => void this.run(), ms)
  }

  /** Ask for a run soon (after local writes: coalesced into one run `AFTER_WRITE_MS` later). */
  soon(ms = AFTER_WRITE_MS): void {
    if (this.status.failures === 0) this.plan(ms)
  }

  stop(): void {
    this.stopped = true
    this.cancelTimer?.()
  }

  /** One run now (or right after the one in progress). Resolves when it is done. */
  run(): Promise<void> {
    if (this.stopped) return Promise.resolve()
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = this.withLock(() => this.once()).finally(() => {
      this.running = null
      if (this.again) {
        this.again = false
        void this.run()
      }
    })
    return this.running
  }

  private async withLock(fn: () => Promise<void>): Promise<void> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined
    if (!locks) return fn()
    // Another tab is syncing: it does the work for both. This tab tries again shortly, so its own timer
    // goes on — the other tab may be closing (a reload holds the lock until the old page is gone).
    await locks.request(this.opts.lockName ?? 'deskbook-sync', { ifAvailable: true }, async (lock) => {
      if (lock) await fn()
      else this.plan(AFTER_WRITE_MS)
    })
  }

  private async once(): Promise<void> {
    const link = await getServerLink(this.opts.db)
    if (!link) {
      this.set({ state: 'notConnected' })
      return
    }
    this.set({ state: 'running' })
    try {
      if ((await this.exchangeOrCatchUp(link)) === 'revoked') return await this.revoked()
      this.set({ state: 'idle', lastSuccessAt: this.now(), errorKey: null, errorDetail: '', failures: 0 })
      this.plan(PERIOD_MS)
    } catch (e) {
      if (e instanceof SyncError && e.kind === 'revoked') return await this.revoked()
      const failures = this.status.failures + 1
      if (e instanceof SyncError) {
        const state = e.kind === 'offline' ? 'offline' : e.kind === 'upgrade' ? 'upgrade' : 'error'
        this.set({ state, errorKey: e.messageKey, errorDetail: e.detail, failures })
      } else {
        this.set({ state: 'error', errorKey: 'sync.errors.local', errorDetail: e instanceof Error ? e.message : String(e), failures })
      }
      // A client too old for the server keeps its outbox and waits for the update; the rest retry.
      if (this.status.state !== 'upgrade') this.plan(backoffDelay(failures, this.opts.random, e instanceof SyncError ? e.retryAfterMs : 0))
    }
  }

  /** Push then pull; the server was restored (or the tablet rejoined it): re-send everything first, then again. */
  private async exchangeOrCatchUp(link: ServerLink): Promise<'done' | 'revoked'> {
    try {
      return await this.exchange(link)
    } catch (e) {
      if (!(e instanceof SyncError && e.kind === 'restored' && e.server)) throw e
      this.set({ state: 'catchingUp' })
      await catchUpWithServer(this.opts.db, this.api, link.token, e.server)
      this.set({ state: 'running' })
      return this.exchange(link)
    }
  }

  private async exchange(link: ServerLink): Promise<'done' | 'revoked'> {
    const pushed = await pushOutbox(this.opts.db, this.api, link.token, () => this.now())
    if (pushed.revoked) return 'revoked'
    await pullChanges(this.opts.db, this.api, link.token)
    return 'done'
  }

  private async revoked(): Promise<void> {
    this.set({ state: 'revoked', errorKey: 'sync.errors.revoked' })
    this.stop()
    await this.opts.onRevoked?.()
  }
}
