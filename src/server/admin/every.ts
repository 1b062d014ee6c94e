/**
 * A pass the server runs itself on its own clock: once at start, then every `period`, never two at once
 * in this process (a slow pass makes the next tick skip), its timer not keeping the process alive
 * (`unref`), stopped by the function it answers (server.ts calls it on close). A failed pass is logged and
 * the next tick runs as usual.
 */
import type { FastifyBaseLogger } from 'fastify'

export function every(period: number, pass: () => Promise<void>, log: FastifyBaseLogger, failure: string): () => void {
  let running = false
  const run = async (): Promise<void> => {
    if (running) return
    running = true
    try {
      await pass()
    } catch (e) {
      log.error({ err: e }, failure)
    } finally {
      running = false
    }
  }
  void run()
  const timer = setInterval(() => void run(), period)
  timer.unref()
  return () => clearInterval(timer)
}
