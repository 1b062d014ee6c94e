/**
 * The tablet's contact-retention pass (issue 14 point 3): a little after start — the first screen comes
 * first — and then every hour, with the tablet's clock as "now". Linked tablets also pull what the server
 * reduced; this covers what a standalone or long-offline tablet holds itself. The pass's code is loaded
 * when it first runs, not with the first screen (issue 17).
 */
import { HOUR, MINUTE } from '@shared/domain/time'
import type { DeskbookDb } from '../db/database'

export function startContactRetention(db: DeskbookDb, clock: () => number = Date.now): () => void {
  const pass = (): void => {
    // A failed pass is tried again at the next; it never stands in the clerk's way.
    import('../db/register/contact-retention')
      .then(({ reduceLocalContacts }) => reduceLocalContacts(db, clock()))
      .catch((e: unknown) => console.warn('contact retention pass failed', e))
  }
  const first = setTimeout(pass, MINUTE / 2)
  const timer = setInterval(pass, HOUR)
  return () => {
    clearTimeout(first)
    clearInterval(timer)
  }
}
