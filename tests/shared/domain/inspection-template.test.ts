import { describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { checklistRows, inspectionProblems } from '@shared/domain/inspection'
import { currentTemplate, DEFAULT_CHECKLIST, defaultInspectionTemplate, inspectionTemplateProblems, ITEM_CODES, type ChecklistItem, type InspectionTemplate, type TemplateProblem } from '@shared/domain/inspection-template'
import { problems } from '@shared/domain/validation'
import { InspectionTemplateSchema } from '@shared/domain/inspection-template'
import { answers, makeTemplate, smallChecklist } from '../../factories/inspection'

describe('DEFAULT_CHECKLIST: the regulations’ own (篇2 4.4.1 a–j)', () => {
  it('has items a–j in order, each titled', () => {
    expect(DEFAULT_CHECKLIST.map((i) => i.code)).toEqual([...ITEM_CODES])
    for (const item of DEFAULT_CHECKLIST) expect(item.title.trim(), item.code).not.toBe('')
  })

  it('details a (仪容仪表) and d (服务意识及服务技能) by the standards of 篇1 and 篇3', () => {
    for (const code of ['a', 'd']) {
      const item = DEFAULT_CHECKLIST.find((i) => i.code === code)!
      expect(item.standards.length, code).toBeGreaterThanOrEqual(6)
      for (const s of item.standards) {
        expect(s.id.startsWith(code), s.id).toBe(true)
        expect(s.text, s.id).toMatch(/篇[123]/)
      }
    }
    expect(DEFAULT_CHECKLIST.find((i) => i.code === 'a')!.standards.some((s) => /篇3 一/.test(s.text))).toBe(true)
    expect(DEFAULT_CHECKLIST.find((i) => i.code === 'd')!.standards.some((s) => /篇1 4/.test(s.text))).toBe(true)
  })

  it('judges j (其它临时性事项) as a whole', () => {
    expect(DEFAULT_CHECKLIST.at(-1)).toMatchObject({ code: 'j', standards: [] })
  })

  it('passes its own rules and the record schema', () => {
    expect(inspectionTemplateProblems(DEFAULT_CHECKLIST)).toEqual([])
    const t = defaultInspectionTemplate(newId(), newId(), newId(), Date.UTC(2026, 10, 27))
    expect(problems(InspectionTemplateSchema, t)).toEqual([])
  })
})

describe('defaultInspectionTemplate', () => {
  it('is version 1 of the site, by whom and when', () => {
    const [siteId, id, staffId] = [newId(), newId(), newId()]
    expect(defaultInspectionTemplate(siteId, id, staffId, 42)).toEqual({ id, siteId, version: 1, items: DEFAULT_CHECKLIST, staffId, createdAt: 42 })
  })

  it('copies the checklist, so an edit of the template never changes the regulations’ own', () => {
    const t = defaultInspectionTemplate(newId(), newId(), newId(), 0)
    t.items[0]!.title = '改过的'
    t.items[0]!.standards[0]!.text = '改过的'
    t.items[1]!.standards.push({ id: 'b2', text: '新增' })
    expect(DEFAULT_CHECKLIST[0]!.title).toBe('前台值班人员仪容仪表行为规范')
    expect(DEFAULT_CHECKLIST[0]!.standards[0]!.text).not.toBe('改过的')
    expect(DEFAULT_CHECKLIST[1]!.standards).toHaveLength(1)
  })
})

describe('currentTemplate: the version in force', () => {
  const siteId = newId()
  const v = (version: number, createdAt: number): InspectionTemplate => makeTemplate({ siteId, version, createdAt })
  const v1 = v(1, 100)
  const v2 = v(2, 200)
  const v3 = v(3, 300)
  /** Two tablets saved version 3 offline; the later one counts. */
  const v3later = v(3, 400)
  /** Saved last by wall clock, but on an old version's basis. */
  const v2late = v(2, 900)

  it.each<{ case: string; templates: InspectionTemplate[]; want: InspectionTemplate | null }>([
    { case: 'none saved', templates: [], want: null },
    { case: 'only version 1', templates: [v1], want: v1 },
    { case: 'the highest version', templates: [v2, v3, v1], want: v3 },
    { case: 'the highest version, whatever its time', templates: [v3, v2late, v1], want: v3 },
    { case: 'of two with one number, the later', templates: [v3later, v3, v1], want: v3later },
    { case: 'of two with one number, the later (other order)', templates: [v1, v3, v3later], want: v3later },
  ])('$case', ({ templates, want }) => {
    expect(currentTemplate(templates)).toBe(want)
  })
})

describe('inspectionTemplateProblems: what keeps a checklist from being saved', () => {
  const item = (code: string, title: string, standards: [string, string][] = []): ChecklistItem => ({ code, title, standards: standards.map(([id, text]) => ({ id, text })) })

  it.each<{ case: string; items: ChecklistItem[]; want: TemplateProblem[] }>([
    { case: 'the small checklist', items: smallChecklist(), want: [] },
    { case: 'no items', items: [], want: [{ code: 'noItems' }] },
    { case: 'an item without a code', items: [item('a', '仪容'), item(' ', '值班记录')], want: [{ code: 'itemCodeRequired', index: 1 }] },
    { case: 'two items with one code', items: [item('a', '仪容'), item('b', '值班记录'), item('a', '环境')], want: [{ code: 'itemCodeDuplicate', index: 2 }] },
    { case: 'two items with one code, one padded', items: [item('a', '仪容'), item(' a ', '环境')], want: [{ code: 'itemCodeDuplicate', index: 1 }] },
    { case: 'an item without a title', items: [item('a', ' ')], want: [{ code: 'itemTitleRequired', index: 0 }] },
    { case: 'a standard without text', items: [item('a', '仪容', [['a1', '着工装'], ['a2', '  ']])], want: [{ code: 'standardTextRequired', index: 0, standard: 1 }] },
    { case: 'one standard id twice in an item', items: [item('a', '仪容', [['a1', '着工装'], ['a1', '站立']])], want: [{ code: 'standardIdDuplicate', index: 0, standard: 1 }] },
    { case: 'one standard id in two items', items: [item('a', '仪容', [['x1', '着工装']]), item('d', '服务', [['x1', '问候']])], want: [{ code: 'standardIdDuplicate', index: 1, standard: 0 }] },
    {
      case: 'everything at once',
      items: [item('', '', [['s', '']]), item('b', 'B'), item('b', 'B2', [['s', '文字']])],
      want: [
        { code: 'itemCodeRequired', index: 0 },
        { code: 'itemTitleRequired', index: 0 },
        { code: 'standardTextRequired', index: 0, standard: 0 },
        { code: 'itemCodeDuplicate', index: 2 },
        { code: 'standardIdDuplicate', index: 2, standard: 0 },
      ],
    },
  ])('$case', ({ items, want }) => {
    expect(inspectionTemplateProblems(items)).toEqual(want)
  })
})

describe('template versioning: old inspections keep their old checklist (issue 6 point 1)', () => {
  const siteId = newId()
  const inspector = newId()
  const clerk = newId()
  const v1 = makeTemplate({ siteId, version: 1 })
  /** Version 2 adds a standard to a and drops j. */
  const v2 = makeTemplate({ siteId, version: 2, createdAt: v1.createdAt + 1, items: [{ code: 'a', title: '仪容仪表', standards: [...v1.items[0]!.standards, { id: 'a3', text: '佩戴胸卡' }] }] })
  const draft = (results: ReturnType<typeof answers>): Parameters<typeof inspectionProblems>[0] => ({ kind: 'daily', inspectorId: inspector, inspectedIds: [clerk], results, signed: true, date: '2026-11-27' })

  it('makes version 2 the current one, with its own rows', () => {
    expect(currentTemplate([v1, v2])).toBe(v2)
    expect(checklistRows(v1).map((r) => `${r.itemCode}/${r.standardId}`)).toEqual(['a/a1', 'a/a2', 'j/'])
    expect(checklistRows(v2).map((r) => `${r.itemCode}/${r.standardId}`)).toEqual(['a/a1', 'a/a2', 'a/a3'])
  })

  it('judges an inspection by the version it used', () => {
    const onV1 = answers(v1)
    expect(inspectionProblems(draft(onV1), v1, [])).toEqual([])
    // Against version 2 the same answers would leave a3 unanswered: which is why an inspection names its version.
    expect(inspectionProblems(draft(onV1), v2, [])).toEqual([{ code: 'rowUnanswered', itemCode: 'a', standardId: 'a3' }])
    expect(inspectionProblems(draft(answers(v2)), v2, [])).toEqual([])
  })
})
