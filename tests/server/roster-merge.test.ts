/**
 * Issue 13 point 7: two tablets painting the same draft offline merge cell by cell — each cell is one record
 * (its id derived from staff, day and lane), the later writer wins it whichever tablet reaches the server
 * first, and the other cells each painted keep their edits. Both tablets then pull the same month.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { cellId, REST } from '@shared/domain/roster'
import { formatHlc } from '@shared/sync/hlc'
import { BACKENDS } from '../support/server-db'
import { pullAll } from '../support/server-fixtures'
import { rosterSite, type RosterSite } from '../support/roster-server'

describe.each(BACKENDS)('roster cells merged on $name', (backend) => {
  let rs: RosterSite
  afterEach(async () => rs?.s.close())
  beforeEach(async () => {
    rs = await rosterSite(backend)
  })

  it('keeps the later writer per cell and both tablets’ other cells; both pull the same result', async () => {
    const { desk: a, desk2: b } = rs
    const t = rs.s.clock.now - 3600_000
    const [earlier, later] = [t, t + 60_000]
    // Offline on both tablets: the 1st painted on both (b later), the 2nd on both (a later), one cell each alone.
    const fromA = [
      rs.cell('admin', 'assistant', '2026-12-01', 'desk', rs.day, a, earlier),
      rs.cell('admin', 'assistant', '2026-12-02', 'desk', rs.night, a, later),
      rs.cell('admin', 'assistant', '2026-12-03', 'desk', REST, a, earlier),
    ]
    const fromB = [
      rs.cell('admin', 'assistant', '2026-12-01', 'desk', rs.night, b, later),
      rs.cell('admin', 'assistant', '2026-12-02', 'desk', REST, b, earlier),
      rs.cell('admin', 'colleague', '2026-12-01', 'desk', rs.day, b, earlier),
    ]
    // b reaches the server first, then a: arrival order decides nothing.
    expect((await rs.push(fromB, b)).map((r) => r.status)).toEqual(['applied', 'applied', 'applied'])
    expect((await rs.push(fromA, a)).map((r) => r.status)).toEqual(['applied', 'applied', 'applied'])

    const month = async (device: typeof a) =>
      (await pullAll(rs.s, device)).changes
        .filter((c) => c.table === 'rosterCells')
        .map((c) => ({ id: c.id, staffId: c.data.staffId, date: c.data.date, code: c.data.code, at: c.data.at }))
        .sort((x, y) => x.id.localeCompare(y.id))
    const want = [
      { id: cellId(rs.siteId, rs.staff.assistant, '2026-12-01', 'desk'), staffId: rs.staff.assistant, date: '2026-12-01', code: rs.night, at: later },
      { id: cellId(rs.siteId, rs.staff.assistant, '2026-12-02', 'desk'), staffId: rs.staff.assistant, date: '2026-12-02', code: rs.night, at: later },
      { id: cellId(rs.siteId, rs.staff.assistant, '2026-12-03', 'desk'), staffId: rs.staff.assistant, date: '2026-12-03', code: REST, at: earlier },
      { id: cellId(rs.siteId, rs.staff.colleague, '2026-12-01', 'desk'), staffId: rs.staff.colleague, date: '2026-12-01', code: rs.day, at: earlier },
    ].sort((x, y) => x.id.localeCompare(y.id))
    expect(await month(a)).toEqual(want)
    expect(await month(b)).toEqual(want)
  })

  it('merges an edit that sends only the code and its time (as a tablet edits a cell it has), and refuses one of a cell never written', async () => {
    const first = rs.cell('admin', 'assistant', '2026-12-03', 'desk', rs.day)
    const edit = (m: typeof first, wall: number) => ({ ...m, id: newId(), hlc: formatHlc({ wall, counter: 0, node: rs.desk2.id }), deviceId: rs.desk2.id, createdAt: wall, fields: { code: REST, at: wall } })
    const never = rs.cell('admin', 'assistant', '2026-12-04', 'desk', rs.day)
    const wall = rs.s.clock.now + 1000
    expect((await rs.push([first])).map((r) => r.status)).toEqual(['applied'])
    const results = await rs.push([edit(first, wall), edit(never, wall)], rs.desk2)
    // Without its id and the rest, the server cannot tell which cell it would be.
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['applied', undefined],
      ['rejected', 'recordIdMismatch'],
    ])
    const cells = (await pullAll(rs.s, rs.desk)).changes.filter((c) => c.table === 'rosterCells').map((c) => c.data)
    expect(cells).toEqual([{ ...first.fields, code: REST, at: wall }])
  })
})
