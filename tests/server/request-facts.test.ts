/**
 * The stored request facts (repositories/request-facts.ts, migration 014) on SQLite and PostgreSQL: facts
 * worked out at an older watch number never replace newer ones (two views working out the same request at
 * once), nor does a deletion seen at an older number remove them; read back by receipt and as open now.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { ServerDb } from '@server/db/connection'
import { deleteRequestFacts, pendingRequestFacts, putRequestFacts, requestFactsBetween, type StoredRequestFacts } from '@server/repositories/request-facts'
import { BACKENDS } from '../support/server-db'

const T = Date.UTC(2026, 10, 3, 2)
const HOUR = 3_600_000
const facts = (overrides: Partial<StoredRequestFacts> = {}): StoredRequestFacts => ({
  ref: '20261103-A001',
  receivedAt: T,
  category: 'repair',
  channel: 'visit',
  status: 'open',
  resolvedAt: null,
  answeredAt: null,
  satisfaction: null,
  visited: false,
  ...overrides,
})

describe.each(BACKENDS)('request facts on $name', (backend) => {
  let db: ServerDb
  const siteId = newId()
  const id = newId()
  beforeAll(async () => {
    db = await backend.open()
  })
  afterAll(async () => db?.close())

  it('keeps the facts of the later watch number, whichever is written last', async () => {
    const resolved = facts({ status: 'awaitingVisit', resolvedAt: T + HOUR })
    await putRequestFacts(db.kysely, siteId, [{ receptionId: id, seq: 7, facts: resolved, pending: true }])
    await putRequestFacts(db.kysely, siteId, [{ receptionId: id, seq: 5, facts: facts(), pending: true }])
    expect(await requestFactsBetween(db.kysely, siteId, T, T + 1)).toEqual([{ ...resolved, unresolvableReason: null }])
    expect(await pendingRequestFacts(db.kysely, siteId)).toEqual([{ receivedAt: T, status: 'awaitingVisit', resolvedAt: T + HOUR }])
    const visited = facts({ status: 'closed', resolvedAt: T + HOUR, visited: true, satisfaction: 'satisfied' })
    await putRequestFacts(db.kysely, siteId, [{ receptionId: id, seq: 9, facts: visited, pending: false }])
    expect(await requestFactsBetween(db.kysely, siteId, T, T + 1)).toEqual([{ ...visited, unresolvableReason: null }])
    expect(await pendingRequestFacts(db.kysely, siteId)).toEqual([])
    // Read by receipt: the end is out.
    expect(await requestFactsBetween(db.kysely, siteId, T - HOUR, T)).toEqual([])
  })

  it('removes a deleted request’s facts only if not worked out after the deletion was read', async () => {
    await deleteRequestFacts(db.kysely, siteId, [{ receptionId: id, seq: 8 }])
    expect(await requestFactsBetween(db.kysely, siteId, T, T + 1)).toHaveLength(1)
    await deleteRequestFacts(db.kysely, siteId, [{ receptionId: id, seq: 9 }])
    expect(await requestFactsBetween(db.kysely, siteId, T, T + 1)).toEqual([])
  })
})
