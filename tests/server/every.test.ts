/**
 * The loop the server's own passes run on (admin/every.ts: contact retention, notification delivery): at
 * start, then every period, never two at once, a failure logged and the next tick run, stopped for good.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FastifyBaseLogger } from 'fastify'
import { every } from '@server/admin/every'

describe('every', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs at start and each period, skips a tick while a pass still runs, logs a failure and stops', async () => {
    const errors: string[] = []
    const log = { error: (_: unknown, message: string) => void errors.push(message) } as unknown as FastifyBaseLogger
    let runs = 0
    let release: () => void = () => {}
    const pass = vi.fn(async () => {
      runs++
      if (runs === 2) await new Promise<void>((resolve) => (release = resolve))
      if (runs === 3) throw new Error('boom')
    })
    const stop = every(1000, pass, log, 'the pass failed')
    await vi.advanceTimersByTimeAsync(0)
    expect(runs).toBe(1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(runs).toBe(2)
    // Still running: the tick is skipped.
    await vi.advanceTimersByTimeAsync(1000)
    expect(runs).toBe(2)
    release()
    await vi.advanceTimersByTimeAsync(1000)
    expect(runs).toBe(3)
    expect(errors).toEqual(['the pass failed'])
    await vi.advanceTimersByTimeAsync(1000)
    expect(runs).toBe(4)
    stop()
    await vi.advanceTimersByTimeAsync(5000)
    expect(runs).toBe(4)
  })
})
