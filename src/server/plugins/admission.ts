/**
 * The admission gate for sync requests (issue 12 point 4): when every tablet comes back at once,
 * at most `maxActive` pushes and pulls are handled at a time, the next `maxQueued` wait in
 * arrival order, and any beyond that are answered 503 at once with `Retry-After`, which the
 * tablets' back-off honours. So no request waits without bound, and a waiting request costs
 * nothing: the gate runs in `onRequest`, before its body is read or validated.
 *
 * Per process: each server process has its own gate (N processes admit N × maxActive), which is
 * what it protects — its own event loop and its share of the database connections.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

export interface AdmissionOptions {
  /** Requests handled at a time. */
  maxActive: number
  /** Requests waiting their turn; one more is refused. */
  maxQueued: number
  /** Longest wait in the queue (ms); then the request is refused like one that found it full. */
  maxWaitMs: number
  /** Paths the gate guards (without the query string). */
  paths: readonly string[]
}

export const SYNC_PATHS = ['/api/sync/push', '/api/sync/pull'] as const

/** What the defaults allow: one SQLite connection is kept busy with a second request parsed and ready; PostgreSQL's pool has ten. */
export function defaultAdmission(kind: 'sqlite' | 'postgres'): AdmissionOptions {
  // Ten seconds: well inside the tablet's 30-second timeout, so it hears "busy" instead of nothing.
  return { maxActive: kind === 'sqlite' ? 2 : 8, maxQueued: 256, maxWaitMs: 10_000, paths: SYNC_PATHS }
}

const BUSY = { error: 'ServerBusy', message: '服务器正忙,请稍后再同步 (server busy, retry later)' }

/** First come, first served, bounded: `enter` resolves when it is the request's turn, or says the queue is full. */
export class Gate {
  active = 0
  readonly waiting: (() => void)[] = []
  /** Mean time a request held its place (ms), for the `Retry-After` estimate. */
  private meanHeldMs = 50

  constructor(private readonly opts: Pick<AdmissionOptions, 'maxActive' | 'maxQueued' | 'maxWaitMs'>) {}

  /**
   * Admitted now, refused, or queued: `turn` resolves true when it goes in, false when it waited
   * `maxWaitMs` (then it is out of the line); `cancel` gives up the place in line.
   */
  enter(): 'admitted' | 'refused' | { turn: Promise<boolean>; cancel(): void } {
    if (this.active < this.opts.maxActive) {
      this.active++
      return 'admitted'
    }
    if (this.waiting.length >= this.opts.maxQueued) return 'refused'
    let go!: () => void
    let timer: NodeJS.Timeout | undefined
    const cancel = (): void => {
      clearTimeout(timer)
      const i = this.waiting.indexOf(go)
      if (i >= 0) this.waiting.splice(i, 1)
    }
    const turn = new Promise<boolean>((resolve) => {
      // Called by `leave` as it hands this request its place: from then on the wait cannot expire.
      // It goes in on a later turn of the event loop, not in the leaving one's promise chain:
      // SQLite's queries run synchronously, so a chain of admitted requests would keep the loop
      // from reading the sockets, and requests that arrived meanwhile would wait in the kernel,
      // unordered, instead of here in the order they came (issue 12 point 4: fairness).
      go = () => {
        clearTimeout(timer)
        setImmediate(() => resolve(true))
      }
      this.waiting.push(go)
      timer = setTimeout(() => {
        cancel()
        resolve(false)
      }, this.opts.maxWaitMs)
    })
    return { turn, cancel }
  }

  /** An admitted request is done: the next in line goes in. */
  leave(heldMs: number): void {
    this.meanHeldMs = 0.9 * this.meanHeldMs + 0.1 * heldMs
    const next = this.waiting.shift()
    if (next) next()
    else this.active--
  }

  /** Seconds until a refused request is likely to find room: what is ahead of it, at the pace requests leave. */
  retryAfterSeconds(): number {
    const ahead = this.active + this.waiting.length
    return Math.min(60, Math.max(1, Math.ceil((ahead * this.meanHeldMs) / this.opts.maxActive / 1000)))
  }
}

async function admissionPlugin(app: FastifyInstance, opts: AdmissionOptions): Promise<void> {
  const gate = new Gate(opts)
  const guarded = new Set(opts.paths)
  app.decorate('admission', gate)

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!guarded.has(req.url.split('?')[0]!)) return
    const busy = () => reply.code(503).header('retry-after', String(gate.retryAfterSeconds())).send(BUSY)
    const entered = gate.enter()
    if (entered === 'refused') return busy()
    let admittedAt: number | null = null
    let gone = false
    const queued = entered === 'admitted' ? null : entered
    // 'close' comes once the answer went out or the connection dropped: either way the place is free.
    reply.raw.once('close', () => {
      gone = true
      if (admittedAt !== null) gate.leave(performance.now() - admittedAt)
      queued?.cancel()
    })
    if (queued && !(await queued.turn)) return busy()
    // Its turn came just as the tablet hung up: the place goes straight to the next.
    if (gone) return gate.leave(0)
    admittedAt = performance.now()
  })
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The sync admission gate (plugins/admission.ts): its places and queue, which the tests watch. */
    admission: Gate
  }
}

export const admission = fp(admissionPlugin, { name: 'admission' })
