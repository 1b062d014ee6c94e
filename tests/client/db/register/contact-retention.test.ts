/**
 * Contact retention on the tablet (issue 14 point 3), on fake-indexeddb: the dry run lists what is due and
 * writes nothing; reducing shrinks the request, its correction and notes, its index row and a write still
 * waiting in the outbox, and nothing else; open and recent requests are never touched; the site's setting
 * decides; index rows from before schema 13 are found once they are indexed again.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { freshDb } from '../../../factories/db'
import { seedRetentionSite } from '../../../factories/retention-site'
import { loadLocalSite } from '@client/db/site/site'
import { saveSettings } from '@client/db/site/settings'
import { localRetentionPlan, reduceLocalContacts } from '@client/db/register/contact-retention'
import { CLOSED_REINDEX } from '@client/db/schema'
import { instantAt } from '@shared/domain/time'
import type { DeskbookDb } from '@client/db/database'

const at = (date: string, time = '10:00'): number => instantAt(date, time, 'Asia/Shanghai')
const NOW = at('2026-12-03')

let db: DeskbookDb
afterEach(async () => {
  db?.close()
  await db?.delete()
})

const standaloneSite = async () => {
  db = freshDb()
  return seedRetentionSite(db)
}

describe('contact retention on the tablet', () => {
  it('the dry run lists the request closed more than three years ago and writes nothing', async () => {
    const { old } = await standaloneSite()
    const outbox = await db.outbox.toArray()
    const plan = await localRetentionPlan(db, NOW)
    expect(plan.map((p) => [p.ref, p.closedAt, p.reception])).toEqual([[old.ref, at('2022-06-02'), { customerName: '王', phone: '138****5678', matter: '请回电 138****5678 咨询停车位' }]])
    expect(await db.receptions.get(old.id)).toMatchObject({ customerName: '王建国', phone: '13812345678' })
    expect(await db.outbox.toArray()).toEqual(outbox)
    // A shorter period proposed in the settings shows more, still without writing.
    expect((await localRetentionPlan(db, NOW, 1)).length).toBe(2)
  })

  it('reduces the request, its correction and notes, its index row and the writes not yet sent; once', async () => {
    const { old, open, recent } = await standaloneSite()
    expect(await reduceLocalContacts(db, NOW)).toBe(1)
    expect(await db.receptions.get(old.id)).toMatchObject({ customerName: '王', honorific: 'mr', phone: '138****5678', matter: '请回电 138****5678 咨询停车位', ref: old.ref })
    const events = await db.receptionEvents.where('receptionId').equals(old.id).sortBy('at')
    expect(events.map((e) => [e.type, e.note, e.correction])).toEqual([
      ['correction', '', { customerName: '王', phone: '139****1111' }],
      ['followUp', '已致电 139****1111', null],
      ['result', '已答复', null],
    ])
    // The corrected name and phone are what the list shows: reduced too, and no longer searchable by number.
    expect(await db.receptionIndex.get(old.id)).toMatchObject({ customerName: '王', phoneKeys: [], status: 'closed', kept: null, closedAt: at('2022-06-02') })
    const waiting = await db.outbox.where('[table+recordId]').anyOf([['receptions', old.id], ['receptionEvents', events[0]!.id], ['receptionEvents', events[1]!.id]]).toArray()
    const sent = Object.fromEntries(waiting.map((m) => [m.recordId, m.fields]))
    expect(sent[old.id]).toMatchObject({ customerName: '王', phone: '138****5678', matter: '请回电 138****5678 咨询停车位' })
    expect(sent[events[0]!.id]).toMatchObject({ correction: { customerName: '王', phone: '139****1111' } })
    expect(sent[events[1]!.id]).toMatchObject({ note: '已致电 139****1111' })
    expect(await reduceLocalContacts(db, NOW)).toBe(0)
    for (const r of [open, recent]) expect(await db.receptions.get(r.id)).toMatchObject({ customerName: '王建国', phone: '13812345678' })
  })

  it('follows the site’s setting', async () => {
    const { actor, recent } = await standaloneSite()
    const local = (await loadLocalSite(db))!
    await saveSettings(db, actor, { ...local.settings, contactRetentionYears: 1 }, NOW)
    expect(await reduceLocalContacts(db, NOW)).toBe(2)
    expect(await db.receptions.get(recent.id)).toMatchObject({ customerName: '王', phone: '138****5678' })
  })

  it('finds requests indexed before schema 13 once they are indexed again', async () => {
    const { old } = await standaloneSite()
    await db.receptionIndex.toCollection().modify((row) => {
      delete row.closedAt
      delete row.kept
    })
    expect(await localRetentionPlan(db, NOW)).toEqual([])
    await db.meta.put({ key: CLOSED_REINDEX, value: true })
    expect(await reduceLocalContacts(db, NOW)).toBe(1)
    expect(await db.receptions.get(old.id)).toMatchObject({ customerName: '王' })
    expect(await db.meta.get(CLOSED_REINDEX)).toBeUndefined()
  })
})
