import { afterEach, describe, expect, it } from 'vitest'
import type { DeskbookDb } from '@client/db/database'
import { indexRow } from '@client/db/register/index-row'
import { loadReceptionRecord, loadRegisterRange } from '@client/db/register/register-entries'
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { rangeInstants } from '@client/features/register/rows/register-scope'
import { DAY, HOUR } from '@shared/domain/time'
import { freshDb } from '../../../factories/db'
import { SITE, T0, makeEvent, makeReception, nextId } from '../../../factories/register-print'

let db: DeskbookDb
afterEach(async () => {
  db?.close()
  await db?.delete()
})

async function put(receptions: Reception[], events: ReceptionEvent[] = []): Promise<void> {
  await db.receptions.bulkPut(receptions)
  await db.receptionEvents.bulkPut(events)
  await db.receptionIndex.bulkPut(receptions.map((r) => indexRow(r, events.filter((e) => e.receptionId === r.id))))
}

describe('loadRegisterRange', () => {
  it('reads the site’s requests of whole local days with their timelines, nothing outside', async () => {
    db = freshDb()
    const { start, end } = rangeInstants({ from: '2026-11-16', to: '2026-11-17' }, 'Asia/Shanghai')
    const first = makeReception({ receivedAt: start })
    const last = makeReception({ receivedAt: end - 1 })
    const before = makeReception({ receivedAt: start - 1 })
    const after = makeReception({ receivedAt: end })
    const otherSite = makeReception({ receivedAt: T0, siteId: '01930000-0000-7000-8000-0000000000ee' })
    const step = makeEvent(first, 'followUp', start + HOUR, { note: '已联系' })
    await put([first, last, before, after, otherSite], [step, makeEvent(before, 'result', start, { note: 'x' })])

    const entries = await loadRegisterRange(db, SITE, start, end)
    expect(entries.map((e) => e.reception.id).sort()).toEqual([first.id, last.id].sort())
    expect(entries.find((e) => e.reception.id === first.id)!.events).toEqual([step])
    expect(entries.find((e) => e.reception.id === last.id)!.events).toEqual([])
  })

  it('reads a thousand requests', async () => {
    db = freshDb()
    const rows = Array.from({ length: 1000 }, (_, i) => makeReception({ receivedAt: T0 + i * 60_000 }))
    await put(rows)
    expect(await loadRegisterRange(db, SITE, T0, T0 + DAY)).toHaveLength(1000)
  })
})

describe('loadReceptionRecord', () => {
  it('reads a request with its timeline and the signatures its signed events point to', async () => {
    db = freshDb()
    const r = makeReception()
    const signature = { id: nextId(), siteId: SITE, subjectType: 'reception', subjectId: r.id, signerName: '王建国', signerStaffId: null, image: 'data:image/png;base64,iVBORw0KGgo=', signedAt: T0 + HOUR }
    const signed = makeEvent(r, 'signed', T0 + HOUR, { signatureId: signature.id })
    await put([r], [signed])
    await db.signatures.put(signature)
    const record = await loadReceptionRecord(db, r.id)
    expect(record!.entry.reception).toEqual(r)
    expect(record!.entry.events).toEqual([signed])
    expect(record!.signatures).toEqual([signature])
    expect(await loadReceptionRecord(db, nextId())).toBeNull()
  })
})
