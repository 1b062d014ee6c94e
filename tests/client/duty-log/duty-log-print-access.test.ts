/**
 * The printed duty log and the access trail (issue 14 point 2): a print whose registered requests show
 * owners' phones in full is recorded when the page prints (`beforeprint`: the 打印 button and the
 * browser's own menu alike); a masked print, or one without a phone, is not.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import { shiftKey } from '@shared/domain/duty-log'
import { newId } from '@shared/domain/ids'
import type { Role } from '@shared/domain/role'
import { instantAt } from '@shared/domain/time'
import type { DeskbookDb } from '@client/db/database'
import DutyLogPrint from '@client/features/duty-log/print/DutyLogPrint.vue'
import { freshDb } from '../../factories/db'
import { makeShiftType, makeStaff } from '../../factories/site'
import { makeEntry, makeRegistered } from '../../factories/duty-seed'
import { mountApp, signedIn, until } from '../mount'

const TZ = 'Asia/Shanghai'
const SITE = newId()
const DATE = '2026-11-27'
const day = makeShiftType({ siteId: SITE, name: '白班', start: '08:00', end: '20:00' })
const li = makeStaff({ siteId: SITE, name: '李娜' })
const key = shiftKey(DATE, day.id)

let db: DeskbookDb
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(instantAt('2026-11-28', '12:00', TZ))
  db = freshDb()
  await db.shiftTypes.put(day)
  await db.staff.put(li)
  await db.dutyEntries.put(makeEntry(SITE, { shiftKey: key, at: instantAt(DATE, '09:00', TZ), staffId: li.id }))
})
afterEach(async () => {
  vi.useRealTimers()
  db.close()
  await db.delete()
})

async function withRequest(): Promise<void> {
  const { reception, index } = makeRegistered(SITE, li.id, instantAt(DATE, '12:00', TZ), DATE, 1)
  await db.receptions.put(reception)
  await db.receptionIndex.put(index)
}

/** The shift's print, laid out, as `role` sees it. */
async function printAs(role: Role): Promise<VueWrapper> {
  const { wrapper } = mountApp(DutyLogPrint, {}, db, signedIn(SITE, makeStaff({ siteId: SITE, name: '张三', role })))
  await (wrapper.vm.$router as Router).push(`/print/duty-log?shift=${key}`)
  await until(() => expect(wrapper.find('section.print-page').exists()).toBe(true))
  return wrapper
}

async function print(): Promise<void> {
  window.dispatchEvent(new Event('beforeprint'))
  await flushPromises()
}

describe('DutyLogPrint and the access trail', () => {
  it('records a clerk’s print with an owner’s full phone: what was printed, never the phone', async () => {
    await withRequest()
    const wrapper = await printAs('assistant')
    expect(wrapper.find('section.print-page').text()).toContain('13812340001')
    expect(await db.accessTrail.count()).toBe(0)
    await print()
    await until(async () => expect(await db.accessTrail.count()).toBe(1))
    const [entry] = await db.accessTrail.toArray()
    expect(entry).toMatchObject({ kind: 'printPhones', subjectTable: '', what: `客户服务中心值班记录表 · ${DATE} 白班` })
    expect(JSON.stringify(entry)).not.toContain('0001')
    await print()
    await until(async () => expect(await db.accessTrail.count()).toBe(2))
    wrapper.unmount()
  })

  it('records nothing when the print masks the phones (the manager) or shows none', async () => {
    await withRequest()
    const masked = await printAs('manager')
    expect(masked.find('section.print-page').text()).toContain('138****0001')
    await print()
    masked.unmount()
    await db.receptions.clear()
    await db.receptionIndex.clear()
    const none = await printAs('assistant')
    await print()
    none.unmount()
    expect(await db.accessTrail.count()).toBe(0)
  })

  it('stops listening once the print page is left', async () => {
    await withRequest()
    ;(await printAs('assistant')).unmount()
    await print()
    expect(await db.accessTrail.count()).toBe(0)
  })
})
