/**
 * Issue 6 on the server: only inspectors record quality inspections, each the kind their role makes
 * (篇2 4.4.2–4.4.4), signed; a nonconformity belongs to a failed row and a person inspected; only the
 * inspected answer; the checklist is validated as on the tablet; and inspections stay with the desk.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { shiftKey } from '@shared/domain/duty-log'
import { newId } from '@shared/domain/ids'
import type { Inspection, InspectionKind, InspectionPhoto, InspectionResponse, Nonconformity, Verification } from '@shared/domain/inspection'
import { DEFAULT_CHECKLIST, type InspectionTemplate } from '@shared/domain/inspection-template'
import type { Role } from '@shared/domain/role'
import type { Signature } from '@shared/domain/signature'
import { HOUR } from '@shared/domain/time'
import type { Mutation } from '@shared/sync/mutation'
import type { PushResult } from '@shared/sync/protocol'
import { INSPECTION_TABLES } from '@shared/sync/registry'
import { BACKENDS } from '../support/server-db'
import { applied, enrol, mutation, pullAll, pushOk, rejected, siteWithAdmin, testServer, VERIFIER, type Expect, type TestDevice, type TestServer } from '../support/server-fixtures'
import { answers, TINY_JPEG, TINY_PNG } from '../factories/inspection'

type Who = 'admin' | 'assistant' | 'colleague' | 'supervisor' | 'manager'

describe.each(BACKENDS)('inspection permissions on $name', (backend) => {
  let s: TestServer
  let desk: TestDevice
  let deptTablet: TestDevice
  let siteId: string
  let staff: Record<Who, string>
  let t0: number
  let shift: string
  let template: InspectionTemplate

  afterEach(async () => s?.close())

  beforeEach(async () => {
    s = await testServer(backend)
    const site = await siteWithAdmin(s)
    siteId = site.siteId
    t0 = s.clock.now
    desk = await enrol(s, siteId)
    deptTablet = await enrol(s, siteId, '工程部平板', 'department')
    staff = { admin: site.adminStaffId, assistant: newId(), colleague: newId(), supervisor: newId(), manager: newId() }
    shift = shiftKey('2026-11-27', newId())
    const member = (who: Who, name: string, role: Role): Mutation =>
      mutation(desk, staff.admin, { name: 'staff.put', table: 'staff', recordId: staff[who], fields: { id: staff[who], siteId, name, role, departmentId: null, pin: VERIFIER, active: true } })
    template = { id: newId(), siteId, version: 1, items: DEFAULT_CHECKLIST.map((i) => ({ ...i, standards: [...i.standards] })), staffId: staff.supervisor, createdAt: t0 }
    const { results } = await pushOk(s, desk, [
      member('assistant', '李娜', 'assistant'),
      member('colleague', '张敏', 'assistant'),
      member('supervisor', '赵主管', 'supervisor'),
      member('manager', '陈经理', 'manager'),
      mutation(desk, staff.supervisor, { name: 'inspectionTemplate.add', table: 'inspectionTemplates', recordId: template.id, fields: template }),
    ])
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('applied'))
  })

  // Records as the tablet makes them.

  function inspection(by: Who, kind: InspectionKind, inspected: Who[], overrides: Partial<Inspection> = {}): Inspection {
    return {
      id: newId(),
      siteId,
      templateId: template.id,
      kind,
      inspectorId: staff[by],
      shiftKey: shift,
      inspectedIds: inspected.map((w) => staff[w]),
      at: t0,
      results: answers(template, ['a/a1']),
      summary: '',
      inspectorSignatureId: newId(),
      createdAt: t0,
      ...overrides,
    }
  }
  const signature = (id: string, subjectType: string, subjectId: string, who: Who): Signature => ({ id, siteId, subjectType, subjectId, signerName: who, signerStaffId: staff[who], image: TINY_PNG, signedAt: t0 })
  const nonconformity = (i: Inspection, who: Who, overrides: Partial<Nonconformity> = {}): Nonconformity => ({
    id: newId(),
    siteId,
    inspectionId: i.id,
    itemCode: 'a',
    standardId: 'a1',
    staffId: staff[who],
    finding: '未佩戴胸卡',
    correction: '当场佩戴',
    cause: '遗落在更衣室',
    measure: '班前互查',
    dueDate: '2026-12-04',
    at: i.at,
    createdAt: t0,
    ...overrides,
  })
  const response = (i: Inspection, who: Who, signatureId: string | null = null): InspectionResponse => ({ id: newId(), siteId, inspectionId: i.id, staffId: staff[who], comment: '已知悉', signatureId, at: t0 + HOUR, createdAt: t0 + HOUR })
  const verification = (nc: Nonconformity, who: Who, effective = true): Verification => ({ id: newId(), siteId, nonconformityId: nc.id, staffId: staff[who], effective, note: effective ? '' : '仍未改正', at: t0 + 24 * HOUR, createdAt: t0 + 24 * HOUR })
  const photo = (i: Inspection): InspectionPhoto => ({ id: newId(), siteId, inspectionId: i.id, image: TINY_JPEG, createdAt: t0 })

  // Their mutations. `on` is the tablet, `by` who is logged in on it.

  const add = (by: Who, name: string, table: string, fields: { id: string }, on = desk): Mutation => mutation(on, staff[by], { name, table, recordId: fields.id, fields })
  const addInspection = (by: Who, i: Inspection, on = desk): Mutation => add(by, 'inspection.add', 'inspections', i, on)
  const addSignature = (by: Who, sig: Signature, on = desk): Mutation => add(by, 'signature.add', 'signatures', sig, on)
  const addNc = (by: Who, nc: Nonconformity, on = desk): Mutation => add(by, 'nonconformity.add', 'nonconformities', nc, on)
  const addResponse = (by: Who, r: InspectionResponse): Mutation => add(by, 'inspectionResponse.add', 'inspectionResponses', r)
  const addVerification = (by: Who, v: Verification): Mutation => add(by, 'verification.add', 'verifications', v)
  const addTemplate = (by: Who, t: InspectionTemplate): Mutation => add(by, 'inspectionTemplate.add', 'inspectionTemplates', t)

  /** The inspection as the inspector's tablet pushes it: their signature first, then the inspection. */
  const signed = (by: Who, i: Inspection, on = desk): Mutation[] => [addSignature(by, signature(i.inspectorSignatureId, 'inspection', i.id, by), on), addInspection(by, i, on)]

  async function pushOne(m: Mutation, device = desk): Promise<PushResult> {
    const { results } = await pushOk(s, device, [m])
    return results[0]!
  }

  async function expectSteps(steps: [string, Mutation, Expect][]): Promise<void> {
    for (const [label, m, want] of steps) {
      const got = await pushOne(m)
      if (want.status === 'rejected') expect(got, label).toMatchObject({ id: m.id, status: 'rejected', reason: expect.stringMatching(want.reason) })
      else expect(got, label).toEqual({ id: m.id, status: want.status })
    }
  }

  /** A supervisor's signed spot inspection of the assistant, already on the server. */
  async function recorded(inspected: Who[] = ['assistant']): Promise<Inspection> {
    const i = inspection('supervisor', 'spot', inspected)
    const { results } = await pushOk(s, desk, signed('supervisor', i))
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied'])
    return i
  }

  describe('confidentiality (inspections stay with the desk)', () => {
    it('applies a supervisor’s signed spot inspection, sends it to the desk tablet and not to the department tablet', async () => {
      const i = inspection('supervisor', 'spot', ['assistant', 'colleague'])
      const nc = nonconformity(i, 'assistant')
      const p = photo(i)
      const batch = [...signed('supervisor', i), add('supervisor', 'inspectionPhoto.add', 'inspectionPhotos', p), addNc('supervisor', nc)]
      expect((await pushOk(s, desk, batch)).results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied'])
      const r = response(i, 'assistant')
      expect((await pushOk(s, desk, [addResponse('assistant', r), addVerification('admin', verification(nc, 'admin'))])).results.map((x) => x.status)).toEqual(['applied', 'applied'])

      const atDesk = (await pullAll(s, desk)).changes
      const byTable = (table: string): unknown[] => atDesk.filter((c) => c.table === table).map((c) => c.data)
      expect(byTable('inspections')).toEqual([i])
      expect(byTable('inspectionTemplates')).toEqual([template])
      expect(byTable('nonconformities')).toEqual([nc])
      expect(byTable('inspectionPhotos')).toEqual([p])
      expect(byTable('inspectionResponses')).toEqual([r])
      expect(byTable('verifications')).toHaveLength(1)
      expect(byTable('signatures')).toEqual([signature(i.inspectorSignatureId, 'inspection', i.id, 'supervisor')])

      const atDepartment = (await pullAll(s, deptTablet)).changes
      expect(atDepartment.length).toBeGreaterThan(0)
      for (const table of INSPECTION_TABLES) expect(atDepartment.filter((c) => c.table === table), `department pulls ${table}`).toEqual([])
      // Nor the inspector's signature on it.
      expect(atDepartment.filter((c) => c.table === 'signatures')).toEqual([])
    })

    it('refuses an inspection from the department tablet, whoever is logged in on it', async () => {
      const i = inspection('supervisor', 'spot', ['assistant'])
      const { results } = await pushOk(s, deptTablet, signed('supervisor', i, deptTablet))
      expect(results[1]).toMatchObject({ status: 'rejected', reason: 'confidential: desk devices only' })
      const t = { ...template, id: newId(), version: 2 }
      expect(await pushOne(add('supervisor', 'inspectionTemplate.add', 'inspectionTemplates', t, deptTablet), deptTablet)).toMatchObject({ status: 'rejected', reason: 'confidential: desk devices only' })
    })
  })

  describe('who records, and which kind (4.4.2–4.4.4)', () => {
    it('takes each inspector’s own kind only', async () => {
      const steps: [string, Inspection, Who, Expect][] = [
        ['the supervisor, spot', inspection('supervisor', 'spot', ['assistant']), 'supervisor', applied],
        ['the administrator, daily', inspection('admin', 'daily', ['assistant']), 'admin', applied],
        ['the manager, ad hoc', inspection('manager', 'adhoc', ['supervisor', 'assistant']), 'manager', applied],
        ['the manager, spot', inspection('manager', 'spot', ['assistant']), 'manager', rejected(/^notAllowed: a manager does not make spot inspections$/)],
        ['the supervisor, daily', inspection('supervisor', 'daily', ['assistant']), 'supervisor', rejected(/^notAllowed: a supervisor does not make daily inspections$/)],
        ['the administrator, ad hoc', inspection('admin', 'adhoc', ['assistant']), 'admin', rejected(/^notAllowed: a administrator does not make adhoc inspections$/)],
      ]
      for (const [label, i, by, want] of steps) {
        const { results } = await pushOk(s, desk, signed(by, i))
        expect(results[0], `${label}: signature`).toMatchObject({ status: 'applied' })
        if (want.status === 'rejected') expect(results[1], label).toMatchObject({ status: 'rejected', reason: expect.stringMatching(want.reason) })
        else expect(results[1], label).toMatchObject({ status: 'applied' })
      }
    })

    it('lets no assistant record an inspection, a checklist, a nonconformity or a verification', async () => {
      const i = await recorded()
      const nc = nonconformity(i, 'assistant')
      await expectSteps([
        ['an inspection', addInspection('assistant', inspection('assistant', 'spot', ['colleague'])), rejected(/^notAllowed: assistant may not inspection\.record$/)],
        ['a checklist', addTemplate('assistant', { ...template, id: newId(), version: 2, staffId: staff.assistant }), rejected(/^notAllowed: assistant may not inspection\.record$/)],
        ['a nonconformity', addNc('assistant', nc), rejected(/^notAllowed: assistant may not inspection\.record$/)],
        ['the supervisor’s nonconformity', addNc('supervisor', nc), applied],
        ['a verification', addVerification('assistant', verification(nc, 'assistant')), rejected(/^notAllowed: assistant may not inspection\.record$/)],
      ])
    })

    it('takes an inspection only signed, in the inspector’s own name, of others on the staff, on a known checklist', async () => {
      const unsigned = inspection('supervisor', 'spot', ['assistant'])
      const elsewhere = inspection('supervisor', 'spot', ['assistant'])
      await expectSteps([
        ['without its signature', addInspection('supervisor', unsigned), rejected(/^invalid: signature missing$/)],
        ['with a signature made for another inspection', addSignature('supervisor', signature(elsewhere.inspectorSignatureId, 'inspection', newId(), 'supervisor')), applied],
        ['  … the inspection', addInspection('supervisor', elsewhere), rejected(/^invalid: signature missing$/)],
        ['in the supervisor’s name, by the administrator', addInspection('admin', inspection('supervisor', 'spot', ['assistant'])), rejected(/^actorMismatch: inspectorId$/)],
      ])
      const steps: [string, Inspection, RegExp][] = [
        ['the inspector inspecting themselves', inspection('supervisor', 'spot', ['supervisor', 'assistant']), /^invalid: inspectorInspected$/],
        ['someone not on the staff', inspection('supervisor', 'spot', ['assistant'], { inspectedIds: [staff.assistant, newId()] }), /^invalid: unknownStaff$/],
        ['on an unknown checklist', inspection('supervisor', 'spot', ['assistant'], { templateId: newId() }), /^invalid: unknownTemplate$/],
        ['nobody inspected', inspection('supervisor', 'spot', []), /^invalid: .*inspectedIds/],
      ]
      for (const [label, i, reason] of steps) {
        const { results } = await pushOk(s, desk, signed('supervisor', i))
        expect(results[1], label).toMatchObject({ status: 'rejected', reason: expect.stringMatching(reason) })
      }
    })
  })

  describe('nonconformities (4.4.3: against a person inspected, for a failed row)', () => {
    it('takes one on a failed row against a person inspected, nothing else', async () => {
      const i = await recorded(['assistant', 'colleague'])
      await expectSteps([
        ['on the failed row, the assistant', addNc('supervisor', nonconformity(i, 'assistant')), applied],
        ['on the failed row, the colleague too', addNc('supervisor', nonconformity(i, 'colleague')), applied],
        ['on a passed row', addNc('supervisor', nonconformity(i, 'assistant', { standardId: 'a2' })), rejected(/^invalid: nonconformityWithoutFail$/)],
        ['on a row the checklist does not have', addNc('supervisor', nonconformity(i, 'assistant', { itemCode: 'z', standardId: 'z1' })), rejected(/^invalid: nonconformityWithoutFail$/)],
        ['naming someone not inspected', addNc('supervisor', nonconformity(i, 'manager')), rejected(/^invalid: responsibleNotInspected$/)],
        ['naming the inspector', addNc('supervisor', nonconformity(i, 'supervisor')), rejected(/^invalid: responsibleNotInspected$/)],
        ['of an unknown inspection', addNc('supervisor', nonconformity({ ...i, id: newId() }, 'assistant')), rejected(/^unknownInspection$/)],
      ])
    })

    it('never changes a finding once recorded', async () => {
      const i = await recorded()
      const nc = nonconformity(i, 'assistant')
      await expectSteps([
        ['the nonconformity', addNc('supervisor', nc), applied],
        ['the same, its finding softened', addNc('supervisor', { ...nc, finding: '胸卡稍有歪斜' }), rejected(/^appendOnlyChanged$/)],
        ['the inspection, a fail turned into a pass', addInspection('supervisor', { ...i, results: answers(template) }), rejected(/^appendOnlyChanged$/)],
      ])
    })

    it('takes a verification of a known nonconformity by an inspector', async () => {
      const i = await recorded()
      const nc = nonconformity(i, 'assistant')
      await expectSteps([
        ['the nonconformity', addNc('supervisor', nc), applied],
        ['not effective, by the administrator', addVerification('admin', verification(nc, 'admin', false)), applied],
        ['effective, by the supervisor', addVerification('supervisor', verification(nc, 'supervisor')), applied],
        ['of an unknown nonconformity', addVerification('supervisor', verification({ ...nc, id: newId() }, 'supervisor')), rejected(/^unknownNonconformity$/)],
        ['in the administrator’s name, by the supervisor', addVerification('supervisor', verification(nc, 'admin')), rejected(/^actorMismatch: staffId$/)],
      ])
    })
  })

  describe('the inspected person’s answer (issue 6 point 7)', () => {
    it('takes an answer only from a person inspected, in their own name', async () => {
      const i = await recorded(['assistant'])
      const sigId = newId()
      await expectSteps([
        ['by someone not inspected', addResponse('colleague', response(i, 'colleague')), rejected(/^notAllowed: only a person inspected answers$/)],
        ['by the inspector', addResponse('supervisor', response(i, 'supervisor')), rejected(/^notAllowed: only a person inspected answers$/)],
        ['by the manager', addResponse('manager', response(i, 'manager')), rejected(/^notAllowed: manager may not inspection\.respond$/)],
        ['in the inspected person’s name, by a colleague', addResponse('colleague', response(i, 'assistant')), rejected(/^actorMismatch: staffId$/)],
        ['to an unknown inspection', addResponse('assistant', response({ ...i, id: newId() }, 'assistant')), rejected(/^unknownInspection$/)],
        ['the inspected person’s signature', addSignature('assistant', signature(sigId, 'inspectionResponse', i.id, 'assistant')), applied],
        ['by the person inspected, signed', addResponse('assistant', response(i, 'assistant', sigId)), applied],
      ])
      const { changes } = await pullAll(s, desk)
      expect(changes.filter((c) => c.table === 'inspections').map((c) => c.data)).toEqual([i])
    })
  })

  describe('the checklist (issue 6 point 1)', () => {
    it('refuses a checklist the tablet’s editor would refuse, and keeps both of two versions with one number', async () => {
      const item = (code: string): InspectionTemplate['items'][number] => ({ code, title: `项目 ${code}`, standards: [] })
      await expectSteps([
        ['two items with one code', addTemplate('supervisor', { ...template, id: newId(), version: 2, items: [item('a'), item('b'), item('a')] }), rejected(/^invalid: itemCodeDuplicate$/)],
        ['a standard without text', addTemplate('supervisor', { ...template, id: newId(), version: 2, items: [{ code: 'a', title: 'A', standards: [{ id: 'a1', text: ' ' }] }] }), rejected(/^invalid: standardTextRequired$/)],
        ['version 2', addTemplate('supervisor', { ...template, id: newId(), version: 2, items: [item('a')] }), applied],
        ['another version 2, saved offline elsewhere', addTemplate('admin', { ...template, id: newId(), version: 2, items: [item('b')], staffId: staff.admin }), applied],
        ['in the supervisor’s name, by the administrator', addTemplate('admin', { ...template, id: newId(), version: 3 }), rejected(/^actorMismatch: staffId$/)],
        ['version 1 changed', addTemplate('supervisor', { ...template, items: [item('a')] }), rejected(/^appendOnlyChanged$/)],
      ])
      // The inspection made on version 1 still names it.
      const i = await recorded()
      expect((await pullAll(s, desk)).changes.find((c) => c.table === 'inspections')!.data).toMatchObject({ id: i.id, templateId: template.id })
    })
  })
})
