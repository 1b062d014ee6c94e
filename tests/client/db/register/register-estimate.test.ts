/**
 * Words of the matter over a long register (issue 17): the pairs' dimensions are sized from their newest
 * stretch only (estimateRange), and the chosen one is read in slices of time side by side — the rows
 * found are still exactly those the rule gives, newest first.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { makeReception } from '../../../factories/register-print'
import { freshDb } from '../../../factories/db'
import type { DeskbookDb } from '@client/db/database'
import { indexRow, searchText } from '@client/db/register/index-row'
import { putIndexRows } from '@client/db/register/reception-index'
import { openRegister } from '@client/db/register/reception-queries'
import { ESTIMATE_SPAN, estimateRange, slices } from '@client/db/register/register-windows'
import { SCAN_SPAN, newestFirst } from '@client/db/register/register-query'
import { defaultSettings } from '@shared/domain/settings'
import { DAY, HOUR } from '@shared/domain/time'

const SITE = '01930000-0000-7000-8000-00000000e001'
const CLERK = '01930000-0000-7000-8000-0000000000e1'
const T0 = Date.UTC(2026, 10, 27, 2)
const settings = defaultSettings(SITE)
const viewer = { id: CLERK, role: 'assistant' as const, departmentId: null }
const pair = (g: string) => ({ index: 'grams', prefix: [g] })

let db: DeskbookDb
afterEach(async () => {
  db.close()
  await db.delete()
})

/** `n` requests `every` ms apart back from T0, their matter from `matter(i)`. */
async function register(n: number, every: number, matter: (i: number) => string) {
  const rows = Array.from({ length: n }, (_, i) =>
    indexRow({ ...makeReception({ id: `01930000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`, siteId: SITE, receivedAt: T0 - i * every, receiverId: CLERK, createdAt: T0 - i * every }), ref: `R${i}`, matter: matter(i) }, []),
  )
  for (let i = 0; i < rows.length; i += 1000) await db.transaction('rw', [db.receptionIndex, db.meta], () => putIndexRows(db, rows.slice(i, i + 1000)))
  return rows
}

describe('sizing the pairs of the matter, and reading the rarest in slices', () => {
  it('counts a pair exactly within its newest stretch, scales the stretch beyond it, and says none only of none', async () => {
    db = freshDb()
    await register(300, DAY, (i) => (i % 2 ? '厨房漏水' : '电梯异响'))
    const all = await estimateRange(db, pair('漏水'), -Infinity, Infinity, T0)
    expect(all.from).toBe(T0 - 299 * DAY)
    // 30 of the newest 60 days' requests, over the 299 days the pair's rows cover: about 150 (exactly 150).
    expect(Math.abs(all.total - 150)).toBeLessThanOrEqual(2)
    expect(await estimateRange(db, pair('漏水'), T0 - 40 * DAY, Infinity, T0)).toMatchObject({ total: 20, from: T0 - 39 * DAY })
    expect((await estimateRange(db, pair('漏水'), -Infinity, T0 - 200 * DAY, T0)).total).toBeGreaterThan(0)
    expect(await estimateRange(db, pair('停车'), -Infinity, Infinity, T0)).toMatchObject({ total: 0 })
    expect(ESTIMATE_SPAN).toBe(60 * DAY)
  })

  it('cuts a read into slices that cover it end to end, once each', () => {
    expect(slices(-Infinity, Infinity, 0, 100, 4)).toEqual([[-Infinity, 25], [25, 50], [50, 75], [75, Infinity]])
    expect(slices(10, 60, 0, 100, 2)).toEqual([[10, 35], [35, 60]])
    expect(slices(10, 60, 0, 100, 1)).toEqual([[10, 60]])
    expect(slices(10, 60, 80, 100, 3)).toEqual([[10, 60]])
  })

  it('finds every request holding the words, newest first, when the rarest pair is read in slices', async () => {
    db = freshDb()
    // 4,800 requests over 200 days: 厨房 (2,400) is the rarest of the pairs — 房漏 and 漏水 have 3,600 each.
    const rows = await register(4800, HOUR, (i) => (i % 2 === 0 ? `${i}号厨房漏水` : i % 4 === 1 ? '屋顶漏水' : '书房漏风'))
    const want = rows.filter((r) => searchText(r.matter).includes('厨房漏水')).sort(newestFirst).map((r) => r.id)
    expect(want.length).toBeGreaterThan(SCAN_SPAN)
    const result = await openRegister(db, SITE, { queue: 'all', text: '厨房漏水' }, viewer, T0, settings)
    expect(result).toMatchObject({ plan: 'scan', total: want.length })
    expect((await result.window(0, want.length)).map((r) => r.id)).toEqual(want)
    const lastWeek = await openRegister(db, SITE, { queue: 'all', text: '厨房漏水', from: T0 - 7 * DAY }, viewer, T0, settings)
    const at = new Map(rows.map((r) => [r.id, r.receivedAt]))
    expect(lastWeek.total).toBe(want.filter((id) => at.get(id)! >= T0 - 7 * DAY).length)
  })
})
