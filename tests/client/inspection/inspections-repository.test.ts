import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { shiftKey } from '@shared/domain/duty-log'
import { newId } from '@shared/domain/ids'
import { checklistRows } from '@shared/domain/inspection'
import { DEFAULT_CHECKLIST } from '@shared/domain/inspection-template'
import type { Role } from '@shared/domain/role'
import { HOUR } from '@shared/domain/time'
import type { DeskbookDb } from '@client/db/database'
import { checklistOf, loadInspection, respondToInspection, saveChecklist, saveInspection, verifyNonconformity, type InspectionInput, type InspectionWriteProblem } from '@client/db/inspection/inspections'
import { RecordInvalidError } from '@client/db/errors'
import { freshDb } from '../../factories/db'
import { at, outboxInOrder, TZ } from '../../factories/duty'
import { answers, inspectionInput, ncDraft, smallChecklist, TINY_JPEG, TINY_PNG } from '../../factories/inspection'

const D = '2026-11-27'
const siteId = newId()
const device = newId()
const supervisor = newId()
const administrator = newId()
const manager = newId()
const clerk = newId()
const colleague = newId()
const SHIFT = shiftKey(D, newId())
const AT = at(D, '10:00')
const NOW = at(D, '10:20')
const actor = (staffId: string): { siteId: string; deviceId: string; staffId: string } => ({ siteId, deviceId: device, staffId })

let db: DeskbookDb
beforeEach(() => {
  db = freshDb()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

/** The regulations' checklist: what a site inspects with before it saves its own. */
const regulations = { id: newId(), items: [...DEFAULT_CHECKLIST] }

const input = (overrides: Partial<InspectionInput> = {}, fail = ['a/a1', 'd/d2']): InspectionInput => inspectionInput(regulations, { shiftKey: SHIFT, inspectedIds: [clerk, colleague], at: AT, dueDate: '2026-12-04', fail }, overrides)

async function tableCounts(): Promise<Record<string, number>> {
  const tables = ['inspectionTemplates', 'inspections', 'nonconformities', 'verifications', 'inspectionResponses', 'inspectionPhotos', 'signatures', 'outbox'] as const
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await db.table(t).count()])))
}

async function problemsOf(p: Promise<unknown>): Promise<string[]> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(RecordInvalidError)
  return (e as RecordInvalidError<InspectionWriteProblem>).problems.map((x) => x.code)
}

describe('saveInspection (篇2 4.4)', () => {
  it('writes the checklist version 1, the signature, the inspection, its photos and nonconformities, queued in that order', async () => {
    const withPhoto = input({
      photos: [
        { id: newId(), image: TINY_JPEG },
        { id: newId(), image: TINY_JPEG },
      ],
      summary: '  a 项胸卡未戴  ',
    })
    const [used, unused] = withPhoto.photos
    withPhoto.results.find((r) => r.standardId === 'a1')!.photoIds = [used!.id, newId()]
    withPhoto.nonconformities[1] = ncDraft('d/d2', colleague, '2026-11-27', { finding: ' 未主动问候 ', cause: ' 新员工 ', measure: ' 培训 ', correction: '' })

    const inspection = await saveInspection(db, actor(supervisor), 'supervisor', withPhoto, TZ, NOW)

    const [template] = await db.inspectionTemplates.toArray()
    expect(template).toMatchObject({ siteId, version: 1, staffId: supervisor, createdAt: NOW, items: DEFAULT_CHECKLIST })
    const [signature] = await db.signatures.toArray()
    expect(signature).toMatchObject({ siteId, subjectType: 'inspection', subjectId: inspection.id, signerStaffId: supervisor, signerName: '张主管', image: TINY_PNG })
    expect(await db.inspections.get(inspection.id)).toEqual(inspection)
    expect(inspection).toMatchObject({ siteId, templateId: template!.id, kind: 'spot', inspectorId: supervisor, shiftKey: SHIFT, inspectedIds: [clerk, colleague], at: AT, summary: 'a 项胸卡未戴', inspectorSignatureId: signature!.id, createdAt: NOW })
    expect(inspection.results).toHaveLength(checklistRows(regulations).length)
    // Only the photo a row names is kept, and a row names only photos that were kept.
    expect(inspection.results.find((r) => r.standardId === 'a1')!.photoIds).toEqual([used!.id])
    expect(await db.inspectionPhotos.toArray()).toEqual([{ id: used!.id, siteId, inspectionId: inspection.id, image: TINY_JPEG, createdAt: NOW }])
    expect(await db.inspectionPhotos.get(unused!.id)).toBeUndefined()
    const ncs = await db.nonconformities.where('inspectionId').equals(inspection.id).toArray()
    expect(ncs.map((n) => [n.itemCode, n.standardId, n.staffId]).sort()).toEqual([
      ['a', 'a1', clerk],
      ['d', 'd2', colleague],
    ])
    expect(ncs.find((n) => n.itemCode === 'd')).toMatchObject({ siteId, finding: '未主动问候', cause: '新员工', measure: '培训', correction: '', dueDate: '2026-11-27', at: AT, createdAt: NOW })

    const outbox = await outboxInOrder(db)
    expect(outbox.map((m) => m.name)).toEqual(['inspectionTemplate.add', 'signature.add', 'inspection.add', 'inspectionPhoto.add', 'nonconformity.add', 'nonconformity.add'])
    expect(outbox.map((m) => m.recordId).slice(0, 4)).toEqual([template!.id, signature!.id, inspection.id, used!.id])
    for (const m of outbox) expect(m).toMatchObject({ staffId: supervisor, siteId, deviceId: device, version: 1 })
    expect(outbox[2]!.fields).toEqual(inspection)
  })

  it.each<[Role, string, string]>([
    ['supervisor', 'spot', supervisor],
    ['administrator', 'daily', administrator],
    ['manager', 'adhoc', manager],
  ])('records a %s’s inspection as %s', async (role, kind, staffId) => {
    expect(await saveInspection(db, actor(staffId), role, input(), TZ, NOW)).toMatchObject({ kind, inspectorId: staffId })
  })

  it('reuses the saved checklist for the next inspection', async () => {
    const first = await saveInspection(db, actor(supervisor), 'supervisor', input(), TZ, NOW)
    const second = await saveInspection(db, actor(administrator), 'administrator', input({}, []), TZ, NOW + HOUR)
    expect(second.templateId).toBe(first.templateId)
    expect(await db.inspectionTemplates.count()).toBe(1)
    expect((await outboxInOrder(db)).filter((m) => m.name === 'inspectionTemplate.add')).toHaveLength(1)
  })

  it.each<{ case: string; role: Role; staffId?: string; input: () => InspectionInput; codes: string[] }>([
    { case: 'an assistant', role: 'assistant', staffId: clerk, input: () => input({ inspectedIds: [colleague], nonconformities: [ncDraft('a/a1', colleague, D), ncDraft('d/d2', colleague, D)] }), codes: ['notAllowed'] },
    { case: 'a department', role: 'department', input: () => input(), codes: ['notAllowed'] },
    { case: 'no signature', role: 'supervisor', input: () => input({ signature: null }), codes: ['signatureRequired'] },
    { case: 'a row unanswered', role: 'supervisor', input: () => input({ results: input().results.filter((r) => r.standardId !== 'c2') }), codes: ['rowUnanswered'] },
    { case: 'a fail without its nonconformity', role: 'supervisor', input: () => input({ nonconformities: [] }), codes: ['failNeedsNonconformity', 'failNeedsNonconformity'] },
    { case: 'a nonconformity naming someone not inspected', role: 'supervisor', input: () => input({ nonconformities: [ncDraft('a/a1', newId(), D), ncDraft('d/d2', clerk, D)] }), codes: ['responsibleNotInspected'] },
    { case: 'due before the inspection day', role: 'supervisor', input: () => input({ nonconformities: [ncDraft('a/a1', clerk, '2026-11-26'), ncDraft('d/d2', clerk, D)] }), codes: ['dueBeforeInspection'] },
    { case: 'the inspector among the inspected', role: 'supervisor', input: () => input({ inspectedIds: [supervisor, clerk] }), codes: ['inspectorInspected'] },
  ])('writes nothing for $case', async ({ role, staffId, input: make, codes }) => {
    expect(await problemsOf(saveInspection(db, actor(staffId ?? supervisor), role, make(), TZ, NOW))).toEqual(codes)
    expect(Object.values(await tableCounts()).every((n) => n === 0), JSON.stringify(await tableCounts())).toBe(true)
  })

  it('judges the due date by the site’s day: 00:30 in Shanghai is still the day before in UTC', async () => {
    const early = at('2026-11-28', '00:30')
    const due27 = (): InspectionInput => input({ at: early, nonconformities: [ncDraft('a/a1', clerk, D), ncDraft('d/d2', clerk, D)] })
    expect(await problemsOf(saveInspection(db, actor(supervisor), 'supervisor', due27(), TZ, early))).toEqual(['dueBeforeInspection', 'dueBeforeInspection'])
    expect(await saveInspection(db, actor(supervisor), 'supervisor', due27(), 'UTC', early)).toMatchObject({ at: early })
  })
})

describe('the checklist’s versions (issue 6 point 1)', () => {
  it('makes version 1 when none is saved, then version 2; the current one is the latest', async () => {
    expect((await checklistOf(db, siteId)).saved).toBe(false)
    const v1 = await saveChecklist(db, actor(supervisor), 'supervisor', DEFAULT_CHECKLIST, NOW)
    const v2 = await saveChecklist(db, actor(administrator), 'administrator', smallChecklist(), NOW + HOUR)
    expect([v1.version, v2.version]).toEqual([1, 2])
    expect(v2).toMatchObject({ siteId, staffId: administrator, createdAt: NOW + HOUR, items: smallChecklist() })
    expect(await checklistOf(db, siteId)).toEqual({ template: v2, saved: true })
    expect((await outboxInOrder(db)).map((m) => [m.name, m.recordId])).toEqual([
      ['inspectionTemplate.add', v1.id],
      ['inspectionTemplate.add', v2.id],
    ])
  })

  it('keeps an older inspection on its version-1 checklist after version 2 is saved', async () => {
    const old = await saveInspection(db, actor(supervisor), 'supervisor', input(), TZ, NOW)
    // Version 2 adds a standard to item a.
    const items = DEFAULT_CHECKLIST.map((i) => (i.code === 'a' ? { ...i, standards: [...i.standards, { id: 'a7', text: '佩戴口罩' }] } : i))
    const v2 = await saveChecklist(db, actor(supervisor), 'supervisor', items, NOW + HOUR)
    expect(v2.version).toBe(2)

    // A form still showing version 1 files its answers under version 1; answers to version 2 under version 2.
    expect((await saveInspection(db, actor(supervisor), 'supervisor', input(), TZ, NOW + 2 * HOUR)).templateId).toBe(old.templateId)
    // Answers to version 1 filed as if they were for version 2 miss its new row.
    expect(await problemsOf(saveInspection(db, actor(supervisor), 'supervisor', input({ templateId: v2.id }), TZ, NOW + 2 * HOUR))).toEqual(['rowUnanswered'])
    const next = await saveInspection(db, actor(supervisor), 'supervisor', inspectionInput({ id: v2.id, items }, { shiftKey: SHIFT, inspectedIds: [clerk], at: NOW + 2 * HOUR, dueDate: D, fail: ['a/a7'] }), TZ, NOW + 2 * HOUR)
    expect(next.templateId).toBe(v2.id)
    expect(next.results).toHaveLength(old.results.length + 1)

    const loadedOld = await loadInspection(db, old.id)
    expect(loadedOld!.template).toMatchObject({ id: old.templateId, version: 1, items: DEFAULT_CHECKLIST })
    expect(checklistRows(loadedOld!.template!)).toHaveLength(old.results.length)
    const loadedNext = await loadInspection(db, next.id)
    expect(loadedNext!.template).toEqual(v2)
    expect(loadedNext!.nonconformities.map((n) => [n.itemCode, n.standardId])).toEqual([['a', 'a7']])
  })

  // The input names the version the form showed, so a version pulled in meanwhile does not take its answers.
  it('does not file answers to version 1 under a version 2 without their rows (pulled in while the form was open)', async () => {
    const v1 = await saveChecklist(db, actor(supervisor), 'supervisor', DEFAULT_CHECKLIST, NOW)
    const shown = input({ templateId: v1.id })
    await saveChecklist(db, actor(administrator), 'administrator', DEFAULT_CHECKLIST.filter((i) => i.code !== 'd'), NOW + 1)
    const got: unknown = await saveInspection(db, actor(supervisor), 'supervisor', shown, TZ, NOW + 2).catch((e: unknown) => e)
    const filed = got instanceof RecordInvalidError ? 'refused' : (got as { templateId: string }).templateId === v1.id ? 'under version 1' : 'under version 2'
    expect(['refused', 'under version 1']).toContain(filed)
  })

  it('refuses a checklist with problems, or from someone who does not inspect, and writes nothing', async () => {
    const twice = [...smallChecklist(), { code: 'a', title: '重复', standards: [] }]
    expect(await problemsOf(saveChecklist(db, actor(supervisor), 'supervisor', twice, NOW))).toEqual(['itemCodeDuplicate'])
    expect(await problemsOf(saveChecklist(db, actor(supervisor), 'supervisor', [], NOW))).toEqual(['noItems'])
    expect(await problemsOf(saveChecklist(db, actor(clerk), 'assistant', smallChecklist(), NOW))).toEqual(['notAllowed'])
    expect(await db.inspectionTemplates.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('trims what it saves, so a padded code is a duplicate', async () => {
    const padded = [{ code: ' a ', title: ' 仪容 ', standards: [{ id: 'a1', text: ' 着工装 ' }] }]
    expect((await saveChecklist(db, actor(supervisor), 'supervisor', padded, NOW)).items).toEqual([{ code: 'a', title: '仪容', standards: [{ id: 'a1', text: '着工装' }] }])
    expect(await problemsOf(saveChecklist(db, actor(supervisor), 'supervisor', [...padded, { code: 'a', title: 'x', standards: [] }], NOW))).toEqual(['itemCodeDuplicate'])
  })
})

describe('verifyNonconformity (issue 6 point 3)', () => {
  async function recorded(): Promise<{ inspectionId: string; ncId: string }> {
    const inspection = await saveInspection(db, actor(supervisor), 'supervisor', input({}, ['a/a1']), TZ, NOW)
    const [nc] = await db.nonconformities.toArray()
    await db.outbox.clear()
    return { inspectionId: inspection.id, ncId: nc!.id }
  }

  it('lets an inspector record a verification, effective or not', async () => {
    const { inspectionId, ncId } = await recorded()
    const v = await verifyNonconformity(db, actor(administrator), 'administrator', ncId, false, ' 仍未佩戴 ', NOW + HOUR)
    expect(v).toMatchObject({ siteId, nonconformityId: ncId, staffId: administrator, effective: false, note: '仍未佩戴', at: NOW + HOUR })
    const w = await verifyNonconformity(db, actor(supervisor), 'supervisor', ncId, true, '', NOW + 2 * HOUR)
    expect((await outboxInOrder(db)).map((m) => [m.name, m.recordId])).toEqual([
      ['verification.add', v.id],
      ['verification.add', w.id],
    ])
    expect((await loadInspection(db, inspectionId))!.verifications.map((x) => x.effective).sort()).toEqual([false, true])
  })

  it.each<{ case: string; role: Role; effective: boolean; note: string; unknown?: boolean; codes: string[] }>([
    { case: 'an assistant', role: 'assistant', effective: true, note: '', codes: ['notAllowed'] },
    { case: 'a department', role: 'department', effective: true, note: '', codes: ['notAllowed'] },
    { case: 'not effective without a note', role: 'supervisor', effective: false, note: ' ', codes: ['commentRequired'] },
    { case: 'an unknown nonconformity', role: 'supervisor', effective: true, note: '', unknown: true, codes: ['unknownNonconformity'] },
  ])('refuses $case', async ({ role, effective, note, unknown, codes }) => {
    const { ncId } = await recorded()
    expect(await problemsOf(verifyNonconformity(db, actor(clerk), role, unknown ? newId() : ncId, effective, note, NOW + HOUR))).toEqual(codes)
    expect(await db.verifications.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })
})

describe('respondToInspection (issue 6 point 7)', () => {
  let inspectionId: string
  beforeEach(async () => {
    inspectionId = (await saveInspection(db, actor(supervisor), 'supervisor', input({ inspectedIds: [clerk] }, ['a/a1']), TZ, NOW)).id
    await db.outbox.clear()
  })
  const signed = { image: TINY_PNG, name: '李娜', signedAt: NOW + HOUR }

  it('lets a person inspected answer with a comment and signature, beside the unchanged findings', async () => {
    const before = await loadInspection(db, inspectionId)
    const response = await respondToInspection(db, actor(clerk), 'assistant', inspectionId, ' 已知悉,会改正 ', signed, NOW + HOUR)
    const after = await loadInspection(db, inspectionId)
    expect(after!.responses).toEqual([response])
    expect(response).toMatchObject({ siteId, inspectionId, staffId: clerk, comment: '已知悉,会改正', at: NOW + HOUR })
    const sig = after!.signatures.find((s) => s.id === response.signatureId)
    expect(sig).toMatchObject({ subjectType: 'inspectionResponse', subjectId: inspectionId, signerStaffId: clerk, signerName: '李娜' })
    expect((await outboxInOrder(db)).map((m) => [m.name, m.recordId])).toEqual([
      ['signature.add', sig!.id],
      ['inspectionResponse.add', response.id],
    ])
    expect(after!.inspection).toEqual(before!.inspection)
    expect(after!.nonconformities).toEqual(before!.nonconformities)
  })

  it('takes a comment without a signature, or a signature without a comment', async () => {
    expect(await respondToInspection(db, actor(clerk), 'assistant', inspectionId, '有异议', null, NOW + HOUR)).toMatchObject({ signatureId: null })
    expect((await respondToInspection(db, actor(clerk), 'assistant', inspectionId, '', signed, NOW + HOUR)).signatureId).not.toBeNull()
  })

  it.each<{ case: string; staffId: () => string; role: Role; comment: string; codes: string[]; other?: boolean }>([
    { case: 'someone not inspected', staffId: () => colleague, role: 'assistant', comment: '我也说两句', codes: ['notInspected'] },
    { case: 'the inspector', staffId: () => supervisor, role: 'supervisor', comment: '补充', codes: ['notInspected'] },
    { case: 'the manager (does not answer inspections)', staffId: () => manager, role: 'manager', comment: '知悉', codes: ['notAllowed'] },
    { case: 'a department', staffId: () => clerk, role: 'department', comment: '知悉', codes: ['notAllowed'] },
    { case: 'an empty answer', staffId: () => clerk, role: 'assistant', comment: '  ', codes: ['commentRequired'] },
    { case: 'an unknown inspection', staffId: () => clerk, role: 'assistant', comment: '知悉', codes: ['notInspected'], other: true },
  ])('refuses $case', async ({ staffId, role, comment, codes, other }) => {
    expect(await problemsOf(respondToInspection(db, actor(staffId()), role, other ? newId() : inspectionId, comment, null, NOW + HOUR))).toEqual(codes)
    expect(await db.inspectionResponses.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })
})

describe('loadInspection', () => {
  it('returns null for an unknown inspection', async () => {
    expect(await loadInspection(db, newId())).toBeNull()
  })

  it('returns the inspection with everything that belongs to it, and nothing of another', async () => {
    const mine = await saveInspection(db, actor(supervisor), 'supervisor', input({ photos: [{ id: newId(), image: TINY_JPEG }] }, ['a/a1']), TZ, NOW)
    await saveInspection(db, actor(administrator), 'administrator', input({}, ['a/a2']), TZ, NOW)
    const got = await loadInspection(db, mine.id)
    expect(got!.inspection).toEqual(mine)
    expect(got!.nonconformities.map((n) => n.standardId)).toEqual(['a1'])
    expect(got!.signatures.map((s) => s.id)).toEqual([mine.inspectorSignatureId])
    expect(got!.photos).toEqual([])
    expect(got!.verifications).toEqual([])
    expect(got!.responses).toEqual([])
    expect(answers(got!.template!)).toHaveLength(mine.results.length)
  })
})
