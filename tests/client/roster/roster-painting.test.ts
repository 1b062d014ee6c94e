import { describe, expect, it } from 'vitest'
import type { DOMWrapper, VueWrapper } from '@vue/test-utils'
import { cellId, daysOf, weekdayOf } from '@shared/domain/roster'
import { paintCells } from '@client/db/roster/roster-writes'
import { TZ } from '../../factories/duty'
import { until } from '../mount'
import { MONTH, NOW, useRosterFixture } from './roster-fixture'

const f = useRosterFixture()
const cell = (w: VueWrapper, name: string, day: number): DOMWrapper<Element> => w.find(`button[aria-label^="${name} 12月${day}日 "]`)
const staffing = (w: VueWrapper, shiftId: string, day: number): DOMWrapper<Element> => w.find(`tr[data-shift="${shiftId}"] td[data-date="${MONTH}-${String(day).padStart(2, '0')}"]`)
const release = (): boolean => window.dispatchEvent(new Event('pointerup'))

describe('painting the roster grid (issue 13 point 1)', () => {
  it('paints a tapped cell with the code picked in the palette; the staffing under the grid follows', async () => {
    const w = await f.open('administrator')
    const { db, s } = f.get()
    await until(() => expect(cell(w, '李娜', 3).exists()).toBe(true))
    expect(staffing(w, s.day, 3).text()).toBe('0缺1')
    expect(staffing(w, s.day, 3).classes()).toContain('roster-staffing--short')
    // Before a code is picked a tap paints nothing.
    await cell(w, '李娜', 3).trigger('pointerdown')
    release()
    expect(await db.rosterCells.count()).toBe(0)

    await w.find('[data-testid="roster-palette"] [data-code="' + s.day + '"]').trigger('click')
    expect(w.find(`[data-code="${s.day}"]`).attributes('aria-pressed')).toBe('true')
    await cell(w, '李娜', 3).trigger('pointerdown')
    release()
    await w.vm.$nextTick()
    // Shown at once, while it is written.
    expect(cell(w, '李娜', 3).attributes('aria-label')).toBe('李娜 12月3日 白班')
    expect(staffing(w, s.day, 3).text()).toBe('1')
    await until(async () => expect((await db.rosterCells.get(cellId(s.siteId, s.staff.clerk.id, `${MONTH}-03`, 'desk')))?.code).toBe(s.day))
    expect(staffing(w, s.day, 3).classes()).not.toContain('roster-staffing--short')
    expect(w.find('[data-testid="roster-short"]').text()).not.toContain('12月3日 白班')
    expect(w.find('[data-testid="roster-short"]').text()).toContain('12月4日 白班 0/1 人')
  })

  it('paints every cell a drag crosses in one write, and 清除 empties them again', async () => {
    const w = await f.open('administrator')
    const { db } = f.get()
    await until(() => expect(cell(w, '张敏', 1).exists()).toBe(true))
    await w.find(`[data-code="rest"]`).trigger('click')
    await cell(w, '张敏', 1).trigger('pointerdown')
    for (const d of [2, 3, 4]) await cell(w, '张敏', d).trigger('pointerover')
    // A cell of another row crossed on the way counts too.
    await cell(w, '李娜', 4).trigger('pointerover')
    release()
    await until(async () => expect(await db.rosterCells.count()).toBe(5))
    const outbox = await db.outbox.toArray()
    expect(outbox.filter((m) => m.name === 'rosterCell.put')).toHaveLength(5)
    // One call: every cell carries the same instant.
    expect(new Set((await db.rosterCells.toArray()).map((c) => c.at)).size).toBe(1)
    expect(cell(w, '张敏', 2).text()).toBe('休')

    await w.find(`[data-code="clear"]`).trigger('click')
    await cell(w, '张敏', 1).trigger('pointerdown')
    await cell(w, '张敏', 2).trigger('pointerover')
    release()
    await until(() => expect(cell(w, '张敏', 2).attributes('aria-label')).toBe('张敏 12月2日 未排班'))
    expect(cell(w, '张敏', 3).text()).toBe('休')
  })

  it('fills the cells a quick swipe skips along a row, writes no cell that already holds the code, and paints nothing when the system takes the gesture', async () => {
    const w = await f.open('administrator')
    const { db } = f.get()
    await until(() => expect(cell(w, '李娜', 10).exists()).toBe(true))
    await w.find(`[data-code="rest"]`).trigger('click')
    // Two pointer events, on the 10th and the 14th: the 11th to the 13th were crossed between them.
    await cell(w, '李娜', 10).trigger('pointerdown')
    await cell(w, '李娜', 14).trigger('pointerover')
    release()
    await until(async () => expect(await db.rosterCells.count()).toBe(5))
    for (const d of [11, 12, 13]) await until(() => expect(cell(w, '李娜', d).text()).toBe('休'))
    const written = await db.outbox.count()
    // Over the same cells again, and one more: only the new one is written.
    await cell(w, '李娜', 10).trigger('pointerdown')
    await cell(w, '李娜', 15).trigger('pointerover')
    release()
    await until(async () => expect(await db.rosterCells.count()).toBe(6))
    expect(await db.outbox.count()).toBe(written + 1)
    // A cancelled gesture (the system scrolled or took the touch) paints nothing.
    await cell(w, '李娜', 20).trigger('pointerdown')
    await cell(w, '李娜', 22).trigger('pointerover')
    window.dispatchEvent(new Event('pointercancel'))
    release()
    await w.vm.$nextTick()
    expect(cell(w, '李娜', 21).attributes('aria-label')).toBe('李娜 12月21日 未排班')
    expect(await db.rosterCells.count()).toBe(6)
  })

  it('says there is nothing to copy when last month has no roster, and asks before replacing what is painted', { timeout: 15_000 }, async () => {
    const w = await f.open('administrator')
    const { db, s } = f.get()
    await until(() => expect(cell(w, '李娜', 1).exists()).toBe(true))
    await w.find('[data-testid="roster-copy"]').trigger('click')
    await until(() => expect(document.body.textContent).toContain('上月没有排班,没有可复制的内容'))
    expect(await db.rosterCells.count()).toBe(0)

    await paintCells(db, s.actor('administrator'), 'administrator', '2026-11', [{ staffId: s.staff.clerk.id, date: '2026-11-02', lane: 'desk', code: s.day }], TZ, NOW)
    await paintCells(db, s.actor('administrator'), 'administrator', MONTH, [{ staffId: s.staff.clerk.id, date: `${MONTH}-01`, lane: 'desk', code: 'rest' }], TZ, NOW)
    await until(() => expect(cell(w, '李娜', 1).text()).toBe('休'))
    await w.find('[data-testid="roster-copy"]').trigger('click')
    await until(() => expect(document.body.querySelector('.van-dialog__cancel')).not.toBeNull())
    expect(document.body.querySelector('.van-dialog')!.textContent).toContain('本月已排的班次将按上月的排法改写')
    ;(document.body.querySelector('.van-dialog__cancel') as HTMLElement).click()
    await new Promise((r) => setTimeout(r, 50))
    expect(cell(w, '李娜', 1).text()).toBe('休')
    expect((await db.rosterCells.toArray()).filter((c) => c.date.startsWith(MONTH))).toHaveLength(1)
  })

  it('applies a weekly pattern to the month in one write', { timeout: 15_000 }, async () => {
    const w = await f.open('administrator')
    const { db, s } = f.get()
    await until(() => expect(cell(w, '李娜', 1).exists()).toBe(true))
    await w.find('[data-testid="roster-pattern-open"]').trigger('click')
    await until(() => expect(w.find('[data-testid="roster-pattern"]').exists()).toBe(true))
    const dialog = w.find('[data-testid="roster-pattern"]')
    await dialog.find('select[aria-label="李娜 星期一"]').setValue(s.day)
    await dialog.find('select[aria-label="李娜 星期六"]').setValue('rest')
    await dialog.trigger('submit')
    // December 2026 has 4 Mondays (7, 14, 21, 28) and 4 Saturdays (5, 12, 19, 26).
    await until(async () => expect(await db.rosterCells.count()).toBe(8))
    expect(cell(w, '李娜', 7).attributes('aria-label')).toBe('李娜 12月7日 白班')
    expect(cell(w, '李娜', 5).attributes('aria-label')).toBe('李娜 12月5日 休息')
    expect(cell(w, '李娜', 8).attributes('aria-label')).toBe('李娜 12月8日 未排班')
  })

  it('copies last month by weekday in one write: rest days stay on their weekday, 假 is not carried', { timeout: 15_000 }, async () => {
    const { db, s } = f.get()
    // November: 李娜 on days Monday to Friday, at rest at weekends, on leave on the 27th (a Friday).
    const november = daysOf('2026-11').map((date) => ({ staffId: s.staff.clerk.id, date, lane: 'desk' as const, code: date === '2026-11-27' ? 'leave' : weekdayOf(date) >= 5 ? 'rest' : s.day }))
    await paintCells(db, s.actor('administrator'), 'administrator', '2026-11', november, TZ, NOW)
    const w = await f.open('administrator')
    await until(() => expect(cell(w, '李娜', 1).exists()).toBe(true))
    await w.find('[data-testid="roster-copy"]').trigger('click')
    await until(() => expect(cell(w, '李娜', 31).attributes('aria-label')).toBe('李娜 12月31日 白班'))
    expect(cell(w, '李娜', 5).attributes('aria-label')).toBe('李娜 12月5日 休息')
    // The last Friday of November was leave: Fridays in December are left empty, not 假.
    expect(cell(w, '李娜', 4).attributes('aria-label')).toBe('李娜 12月4日 未排班')
    const december = (await db.rosterCells.toArray()).filter((c) => c.date.startsWith(MONTH))
    expect(december).toHaveLength(31 - 4)
    expect(new Set(december.map((c) => c.at)).size).toBe(1)
  })
})
