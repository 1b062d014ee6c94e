/**
 * A site with December's roster approved (the clerk 李娜 on days, 张敏 on nights, every day; 王管理 on the
 * desk roster with no shift), and the leave-and-swap screens mounted as a given person at a given instant.
 */
import { afterEach } from 'vitest'
import type { Component } from 'vue'
import type { VueWrapper } from '@vue/test-utils'
import { daysOf } from '@shared/domain/roster'
import type { DeskbookDb } from '@client/db/database'
import { paintCells, submitRoster, takeStep } from '@client/db/roster/roster-writes'
import { at, TZ } from '../../factories/duty'
import { seedRosterSite, type RosterSite } from '../../factories/roster-site'
import { signedInAt, useTodayFixture } from '../today/today-session'
import { mountApp } from '../mount'

export const MONTH = '2026-12'

export async function approveDecember(db: DeskbookDb, s: RosterSite): Promise<void> {
  const admin = s.actor('administrator')
  const when = at('2026-11-21', '09:00')
  const paint = daysOf(MONTH).flatMap((date) => [
    { staffId: s.staff.clerk.id, date, lane: 'desk' as const, code: s.day },
    { staffId: s.staff.colleague.id, date, lane: 'desk' as const, code: s.night },
  ])
  await paintCells(db, admin, 'administrator', MONTH, paint, TZ, when)
  const v = await submitRoster(db, admin, 'administrator', MONTH, '', s.sign('administrator', when), TZ, when)
  await takeStep(db, s.actor('supervisor'), 'supervisor', v.id, 'approve', '', s.sign('supervisor', when + 1), when + 1)
}

/** A fresh database per test with the site seeded (`approved`: December's roster approved); only Date is faked. */
export function useRequestsFixture(approved = true): { db: () => DeskbookDb; site: () => RosterSite; open: (component: Component, who: keyof RosterSite['staff'], when: number) => Promise<VueWrapper> } {
  let site: RosterSite | null = null
  let wrapper: VueWrapper | null = null
  const fixture = useTodayFixture(async (db) => {
    site = await seedRosterSite(db)
    if (approved) await approveDecember(db, site)
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
  })
  return {
    db: fixture.db,
    site: () => site!,
    async open(component, who, when) {
      wrapper?.unmount()
      const staff = (await fixture.db().staff.get(site!.staff[who].id))!
      wrapper = mountApp(component, {}, fixture.db(), signedInAt(site!.siteId, site!.deviceId, staff, when)).wrapper
      return wrapper
    },
  }
}
