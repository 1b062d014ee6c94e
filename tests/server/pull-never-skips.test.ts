import { afterEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { Change } from '@shared/sync/protocol'
import { BACKENDS } from '../support/server-db'
import { departmentPut, enrol, protocolHeaders, pushOk, siteWithAdmin, testServer, type TestServer } from '../support/server-fixtures'

describe.each(BACKENDS)('pull under concurrent writers on $name', (backend) => {
  let s: TestServer
  afterEach(async () => s?.close())

  it('never skips a committed change while other transactions commit around it', async () => {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const writers = await Promise.all(Array.from({ length: 6 }, (_, i) => enrol(s, siteId, `平板${i}`)))
    const reader = await enrol(s, siteId, '读者')
    const written: string[] = []
    let writing = true

    const write = async (): Promise<void> => {
      try {
        await Promise.all(
        writers.map(async (w) => {
          for (let round = 0; round < 15; round++) {
            const batch = Array.from({ length: 1 + (round % 4) }, (_, i) => departmentPut(w, adminStaffId, { id: newId(), name: `部门-${w.letter}${round}-${i}` }))
            await pushOk(s, w, batch)
            written.push(...batch.map((m) => m.recordId))
          }
        }),
        )
      } finally {
        writing = false
      }
    }

    const seen = new Map<string, Change>()
    let cursor = 0
    const read = async (): Promise<void> => {
      while (writing) {
        const res = await s.app.inject({ method: 'GET', url: `/api/sync/pull?cursor=${cursor}&limit=5`, headers: protocolHeaders(reader.token) })
        const page = res.json<{ changes: Change[]; cursor: number }>()
        for (const c of page.changes) seen.set(c.id, c)
        cursor = page.cursor
        // inject() on SQLite resolves in microtasks; let the writers' request bodies (macrotasks) in.
        await new Promise((resolve) => setImmediate(resolve))
      }
    }

    await Promise.all([write(), read(), read()])
    // Catch up once the writers are done: whatever was skipped while reading is gone for good,
    // because every record here is written once and never moves to a higher number.
    for (let more = true; more; ) {
      const res = await s.app.inject({ method: 'GET', url: `/api/sync/pull?cursor=${cursor}&limit=50`, headers: protocolHeaders(reader.token) })
      const page = res.json<{ changes: Change[]; cursor: number; more: boolean }>()
      for (const c of page.changes) seen.set(c.id, c)
      cursor = page.cursor
      more = page.more
    }
    expect(written.length).toBeGreaterThan(150)
    const missing = written.filter((id) => !seen.has(id))
    expect(missing).toEqual([])
  })
})
