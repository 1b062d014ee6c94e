/**
 * The company view's inspection quota follows the roster (issue 16 point 4; 篇2 4.4.4), on SQLite and
 * PostgreSQL: with December's roster approved on the server, the administrator owes the daily inspection only
 * on the one day it puts them on a desk shift (the 20th); November, without a roster, asks every day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { monthPeriod } from '@shared/domain/statistics'
import { siteFigures } from '@server/admin/statistics'
import { listSites } from '@server/repositories/sites'
import { BACKENDS } from '../support/server-db'
import { rosterSite, type RosterSite } from '../support/roster-server'

/** 2027-01-05 in Shanghai: both months are over. */
const LATER = Date.UTC(2027, 0, 5, 2)

describe.each(BACKENDS)('the inspection quota by the roster on $name', (backend) => {
  let rs: RosterSite

  beforeAll(async () => {
    rs = await rosterSite(backend)
    await rs.approved()
  })
  afterAll(() => rs.s.close())

  it('asks the administrator the rostered days of a rostered month, every day of one without', async () => {
    const site = (await listSites(rs.s.db.kysely)).find((x) => x.id === rs.siteId)!
    const required = async (month: string) =>
      (await siteFigures(rs.s.db, site, monthPeriod(month), LATER)).current.inspections.byInspector.map((l) => [l.staffId, l.required] as const)
    const dec = new Map(await required('2026-12'))
    expect(dec.get(rs.staff.admin)).toBe(1)
    expect(dec.get(rs.staff.supervisor)).toBe(Math.ceil((3 * 31) / 7))
    expect(dec.get(rs.staff.manager)).toBeNull()
    expect(new Map(await required('2026-11')).get(rs.staff.admin)).toBe(30)
  })
})
