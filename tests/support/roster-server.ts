/**
 * A site for the roster's server tests (issue 13 point 7): its staff (the administrator who drafts, two
 * assistants, the supervisor, the manager), a day and a night shift, two desk tablets and a department's,
 * and the roster's mutations as the tablets push them — each signed record after its signature.
 */
import { expect } from 'vitest'
import { newId } from '@shared/domain/ids'
import { cellId, REST, type Lane, type RosterStep, type RosterVersion, type StepKind } from '@shared/domain/roster'
import type { RosterAnswer, RosterRequest } from '@shared/domain/roster-request'
import type { Role } from '@shared/domain/role'
import type { Signature } from '@shared/domain/signature'
import type { Mutation } from '@shared/sync/mutation'
import type { PushResult } from '@shared/sync/protocol'
import { makeAnswer, makeRequest, makeRow, makeShiftSnapshot, makeStep, makeVersion } from '../factories/roster'
import { TINY_PNG } from '../factories/inspection'
import type { Backend } from './server-db'
import { enrol, mutation, pushOk, siteWithAdmin, testServer, VERIFIER, type TestDevice, type TestServer } from './server-fixtures'

export type Who = 'admin' | 'assistant' | 'colleague' | 'supervisor' | 'manager'

/** The month rostered: the server's clock stands on 27 November 2026. */
export const MONTH = '2026-12'

export interface RosterSite {
  s: TestServer
  siteId: string
  desk: TestDevice
  desk2: TestDevice
  deptTablet: TestDevice
  staff: Record<Who, string>
  day: string
  night: string
  cell(by: Who, who: Who, date: string, lane: Lane, code: string, on?: TestDevice, wall?: number): Mutation
  /** December as the administrator drafts it: the assistant on days, the colleague on nights, the administrator off but the 20th's day. */
  version(overrides?: Partial<RosterVersion>): RosterVersion
  submit(by: Who, v: RosterVersion, on?: TestDevice): Mutation[]
  step(by: Who, v: RosterVersion, kind: StepKind, overrides?: Partial<RosterStep>, on?: TestDevice): Mutation[]
  request(by: Who, overrides?: Partial<RosterRequest>, on?: TestDevice): Mutation
  answer(by: Who, r: RosterRequest, overrides?: Partial<RosterAnswer>, on?: TestDevice): Mutation
  push(ms: Mutation[], on?: TestDevice): Promise<PushResult[]>
  /** December submitted and approved, on the server. */
  approved(): Promise<RosterVersion>
}

export async function rosterSite(backend: Backend): Promise<RosterSite> {
  const s = await testServer(backend)
  const site = await siteWithAdmin(s)
  const siteId = site.siteId
  const [desk, desk2, deptTablet] = [await enrol(s, siteId), await enrol(s, siteId, '后台电脑'), await enrol(s, siteId, '工程部平板', 'department')]
  const staff: Record<Who, string> = { admin: site.adminStaffId, assistant: newId(), colleague: newId(), supervisor: newId(), manager: newId() }
  const [day, night] = [newId(), newId()]
  const t0 = s.clock.now
  const add = (by: Who, name: string, table: string, fields: Record<string, unknown> & { id: string }, on = desk, wall = t0): Mutation => mutation(on, staff[by], { name, table, recordId: fields.id, fields }, wall)
  const member = (who: Who, name: string, role: Role): Mutation => add('admin', 'staff.put', 'staff', { id: staff[who], siteId, name, role, departmentId: null, pin: VERIFIER, active: true })
  const shift = (id: string, code: string, start: string, end: string): Mutation => add('admin', 'shiftType.put', 'shiftTypes', { id, siteId, code, name: `${code}班`, start, end, active: true, minStaff: 1 })
  const signature = (by: Who, id: string, subjectType: string, subjectId: string): Signature => ({ id, siteId, subjectType, subjectId, signerName: by, signerStaffId: staff[by], image: TINY_PNG, signedAt: t0 })
  const push = async (ms: Mutation[], on = desk): Promise<PushResult[]> => (await pushOk(s, on, ms)).results

  const setup = await push([
    member('assistant', '李娜', 'assistant'),
    member('colleague', '张敏', 'assistant'),
    member('supervisor', '赵主管', 'supervisor'),
    member('manager', '陈经理', 'manager'),
    shift(day, '白', '08:00', '20:00'),
    shift(night, '夜', '20:00', '08:00'),
  ])
  expect(setup.map((r) => r.status)).toEqual(Array(6).fill('applied'))

  const rs: RosterSite = {
    s,
    siteId,
    desk,
    desk2,
    deptTablet,
    staff,
    day,
    night,
    cell: (by, who, date, lane, code, on = desk, wall = t0) => add(by, 'rosterCell.put', 'rosterCells', { id: cellId(siteId, staff[who], date, lane), siteId, staffId: staff[who], date, lane, code, at: wall }, on, wall),
    version: (overrides = {}) =>
      makeVersion({
        siteId,
        month: MONTH,
        staffId: staff.admin,
        at: t0,
        snapshot: {
          shifts: [makeShiftSnapshot({ id: day, code: '白' }), makeShiftSnapshot({ id: night, code: '夜', start: '20:00', end: '08:00' })],
          rows: [makeRow(staff.admin, MONTH, REST, { 20: day }), makeRow(staff.assistant, MONTH, day), makeRow(staff.colleague, MONTH, night)],
        },
        ...overrides,
      }),
    submit: (by, v, on = desk) => [add(by, 'signature.add', 'signatures', signature(by, v.signatureId, 'rosterVersion', v.id), on), add(by, 'rosterVersion.add', 'rosterVersions', v, on)],
    step: (by, v, kind, overrides = {}, on = desk) => {
      const step = makeStep(v, kind, { staffId: staff[by], ...overrides })
      return [add(by, 'signature.add', 'signatures', signature(by, step.signatureId, 'rosterStep', step.id), on), add(by, 'rosterStep.add', 'rosterSteps', step, on)]
    },
    request: (by, overrides = {}, on = desk) => add(by, 'rosterRequest.add', 'rosterRequests', makeRequest({ siteId, staffId: staff[by], at: s.clock.now, ...overrides }), on),
    answer: (by, r, overrides = {}, on = desk) => add(by, 'rosterAnswer.add', 'rosterAnswers', makeAnswer(r, { staffId: staff[by], ...overrides }), on),
    push,
    async approved() {
      const v = rs.version()
      expect((await push([...rs.submit('admin', v), ...rs.step('supervisor', v, 'approve')])).map((r) => r.status)).toEqual(Array(4).fill('applied'))
      return v
    },
  }
  return rs
}

/**
 * Pushes each step in turn and expects its outcome: 'applied', or the reason it was refused. A signed record
 * is judged by its last mutation (its signature before it is applied either way).
 */
export async function expectOutcomes(rs: RosterSite, steps: [label: string, ms: Mutation[], want: string][], on?: TestDevice): Promise<void> {
  const got: [string, string][] = []
  for (const [label, ms] of steps) {
    const last = (await rs.push(ms, on)).at(-1)!
    got.push([label, last.status === 'rejected' ? last.reason! : last.status])
  }
  expect(got).toEqual(steps.map(([label, , want]) => [label, want]))
}
