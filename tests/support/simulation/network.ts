/**
 * The network between the simulated tablets and the server: each tablet's engine gets a transport
 * over the real server (in-process through tests/support/inject-transport.ts, or HTTP to the
 * process it is assigned to) through which the simulation
 * injects faults — offline, a request lost, an answer lost after the server committed, a request
 * sent twice, a request that arrives late (after the tablet gave up and sent newer ones), and a
 * request or an answer held in transit while other tablets go on.
 */
import { NetworkError, type Transport, type TransportRequest, type TransportResponse } from '@client/sync/transport'
import type { SimBackend } from './backend'

export const FAULTS = ['dropRequest', 'dropResponse', 'duplicate', 'late', 'replay', 'holdRequest', 'holdResponse'] as const
/**
 * - dropRequest: never reaches the server.
 * - dropResponse: the server handles it, the answer is lost.
 * - duplicate: it reaches the server twice; the tablet gets the second answer.
 * - late: the tablet times out at once; the request reaches the server later, out of order.
 * - replay: it is answered normally, and a copy reaches the server again later.
 * - holdRequest: it waits in transit (the tablet's sync waits) until released or the tablet dies.
 * - holdResponse: the server handles it; the answer waits in transit.
 */
export type Fault = (typeof FAULTS)[number]

export interface PlannedFault {
  fault: Fault
  /** Only for a push, only for a pull, or for whatever request comes next. */
  on: 'push' | 'pull' | 'any'
}

/** One tablet's connection. */
export interface Link {
  readonly index: number
  offline: boolean
  /** Faults waiting for this tablet's next requests, first first. */
  faults: PlannedFault[]
  /** Told when a request of this tablet is held in transit (its sync then waits). */
  onHold: (() => void) | null
}

export interface Held {
  link: Link
  kind: 'request' | 'response'
  /** Let it go on: deliver the request now, or hand the held answer to the tablet. */
  release(): Promise<void>
  /** The tablet died while waiting: a request still in transit arrives later; an answer is lost. */
  abandon(): void
}

export interface InFlight {
  link: Link
  req: TransportRequest
}

export interface Delivery {
  req: TransportRequest
  res: TransportResponse
  /** The server clock when it handled the request. */
  now: number
}

export const isPush = (req: TransportRequest): boolean => req.method === 'POST' && req.path === '/api/sync/push'

export class Network {
  /** Requests on their way that arrive whenever the simulation says (their answers go nowhere). */
  readonly late: InFlight[] = []
  readonly held: Held[] = []
  constructor(
    private readonly server: SimBackend,
    /** Sees every request the server answered, and the answer. */
    private readonly observe: (d: Delivery) => void,
  ) {}

  /** Hand `req` of `link`'s tablet to the server now. NetworkError when the server is down or dies handling it. */
  async deliver(link: Link, req: TransportRequest): Promise<TransportResponse> {
    const server = this.server
    if (!server.up) throw new NetworkError('connection refused: server down')
    const generation = server.generation
    if (isPush(req)) server.pushArriving()
    const sentAt = performance.now()
    const res = await server.transportFor(link.index)(req)
    const answeredAt = performance.now()
    if (!server.up || server.generation !== generation) throw new NetworkError('connection reset: the server died')
    this.observe({ req, res, now: await server.handledAt(req, res, sentAt, answeredAt) })
    return res
  }

  /** Deliver the late request number `i`; its answer goes nowhere. Says what happened. */
  async deliverLate(i: number): Promise<string> {
    const [item] = this.late.splice(i, 1)
    if (!item) throw new Error(`no late request ${i}`)
    try {
      const res = await this.deliver(item.link, item.req)
      return `${res.status}`
    } catch (e) {
      if (e instanceof NetworkError) return `lost (${e.message})`
      throw e
    }
  }

  transport(link: Link): Transport {
    return async (req) => {
      if (link.offline) throw new NetworkError('offline')
      const at = link.faults.findIndex((f) => f.on === 'any' || (f.on === 'push') === isPush(req))
      const fault = at >= 0 ? link.faults.splice(at, 1)[0]!.fault : null
      switch (fault) {
        case null:
          return this.deliver(link, req)
        case 'dropRequest':
          throw new NetworkError('request lost')
        case 'dropResponse':
          await this.deliver(link, req)
          throw new NetworkError('answer lost')
        case 'duplicate': {
          const first = await this.deliver(link, req)
          try {
            return await this.deliver(link, structuredClone(req))
          } catch (e) {
            if (e instanceof NetworkError) return first
            throw e
          }
        }
        case 'late':
          this.late.push({ link, req: structuredClone(req) })
          throw new NetworkError('timed out')
        case 'replay':
          this.late.push({ link, req: structuredClone(req) })
          return this.deliver(link, req)
        case 'holdRequest':
          return this.hold(link, 'request', req, () => this.deliver(link, req))
        case 'holdResponse': {
          const generation = this.server.generation
          const res = await this.deliver(link, req)
          return this.hold(link, 'response', req, async () => {
            if (!this.server.up || this.server.generation !== generation) throw new NetworkError('connection reset: the server restarted')
            return res
          })
        }
      }
    }
  }

  private hold(link: Link, kind: Held['kind'], req: TransportRequest, go: () => Promise<TransportResponse>): Promise<TransportResponse> {
    return new Promise<TransportResponse>((resolve, reject) => {
      const held: Held = {
        link,
        kind,
        release: async () => {
          this.held.splice(this.held.indexOf(held), 1)
          try {
            resolve(await go())
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)))
          }
        },
        abandon: () => {
          this.held.splice(this.held.indexOf(held), 1)
          if (kind === 'request') this.late.push({ link, req })
          reject(new NetworkError('the tablet is gone'))
        },
      }
      this.held.push(held)
      link.onHold?.()
    })
  }
}
