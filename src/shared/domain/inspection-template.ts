/**
 * The checklist of a quality inspection 质量检查记录 (篇2 4.4.1 a–j), with items a and d detailed by
 * the etiquette standards of 篇1 (接待规范) and 篇3 (前台接待服务标准). The inspectors of a site edit it
 * as a versioned template: every save is a new version (append-only), and an inspection keeps the
 * version it used, so old inspections keep their old checklist (issue 6 point 1). Until a site saves
 * one, the first inspection writes the regulations' own as version 1.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'

export const ITEM_CODES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const
export type ItemCode = (typeof ITEM_CODES)[number]

const StandardSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 40 }),
  text: Type.String({ minLength: 1, maxLength: 200 }),
})

export const ChecklistItemSchema = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 4 }),
  title: Type.String({ minLength: 1, maxLength: 60 }),
  /** The concrete standards checked under the item (may be empty: the item is judged as a whole). */
  standards: Type.Array(StandardSchema, { maxItems: 40 }),
})
export type ChecklistItem = Static<typeof ChecklistItemSchema>

export const InspectionTemplateSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  version: Type.Integer({ minimum: 1, maximum: 100_000 }),
  items: Type.Array(ChecklistItemSchema, { minItems: 1, maxItems: 30 }),
  staffId: IdSchema,
  createdAt: InstantSchema,
})
export type InspectionTemplate = Static<typeof InspectionTemplateSchema>

const std = (id: string, text: string): Static<typeof StandardSchema> => ({ id, text })

/** The regulations' own checklist: 篇2 4.4.1 a–j; a and d from 篇1 4 and 篇3 一–九. */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  {
    code: 'a',
    title: '前台值班人员仪容仪表行为规范',
    standards: [
      std('a1', '按规定着工装,服装整洁,佩戴胸卡(篇3 一)'),
      std('a2', '头发梳理整齐,不浓妆艳抹(篇3 一)'),
      std('a3', '站立服务,站姿端正,保持自然亲切的微笑(篇1 4;篇3 二)'),
      std('a4', '不坐姿服务,不相互聊天、说笑(篇1 4)'),
      std('a5', '坚守岗位,不擅自离岗、串岗(篇2 4.2.1;篇3 二)'),
      std('a6', '精神面貌良好,情绪饱满(篇1 3.2)'),
    ],
  },
  { code: 'b', title: '值班记录', standards: [std('b1', '值班期间接报的信息及事件记录完整、清楚,不遗漏(篇2 4.2.2)')] },
  {
    code: 'c',
    title: '前台环境',
    standards: [std('c1', '前台各种工作用品完好、整洁、有序(篇3 九)'), std('c2', '周围环境整洁、美观(篇3 九)'), std('c3', '值班记录、工作表格、收款收据、文具准备齐全(篇1 3.3)')],
  },
  {
    code: 'd',
    title: '前台值班人员服务意识及服务技能',
    standards: [
      std('d1', '客人走近约 1.5 米时立即放下手头工作,起身站立,面带微笑(篇1 4 迎接)'),
      std('d2', '主动问候“您好!早上好!”,熟悉的客人称呼姓氏(篇1 4 迎接)'),
      std('d3', '正在接电话或接待他人时示意客人稍候(篇1 4 迎接)'),
      std('d4', '主动询问“有什么可以帮到您?”,不能马上回答时致歉“请稍等”(篇1 4 接待)'),
      std('d5', '接过客人物品时致谢,递接物品双手为宜(篇1 4 接待)'),
      std('d6', '请客人签名时将签名簿正面转向客人,笔尾朝客人递上(篇1 4 接待)'),
      std('d7', '不与客人争论,遇无理言行晓之以理,不以恶言相待(篇1 4;篇3 四)'),
      std('d8', '接听电话语言标准、清晰,态度和蔼(篇3 五)'),
      std('d9', '主动道别“再见!请慢走”,面带微笑目送,提醒随身物品(篇1 4 道别)'),
      std('d10', '投诉在 24 小时内解决或答复,事事有着落,件件有回音(篇3 五)'),
    ],
  },
  { code: 'e', title: '交接班情况', standards: [std('e1', '接班人提前 15 分钟到岗,交接清楚并双方签名(篇2 4.3)')] },
  { code: 'f', title: '客户信息处理情况', standards: [std('f1', '业主意见或需求登记完整,及时处理或转责任部门并跟踪(篇4 4.2–4.6)')] },
  { code: 'g', title: '客户投诉、意见处理情况', standards: [std('g1', '投诉如实记录,及时派人处理或上报,按时回访(篇3 五、六)')] },
  { code: 'h', title: '待跟进事项处理情况', standards: [std('h1', '上一班遗漏及待跟进事项已跟进(篇2 4.3.5)')] },
  { code: 'i', title: '有偿服务、便民服务情况', standards: [std('i1', '有偿服务收款开具收据,便民服务借还有记录(篇2 4.4.1 i)')] },
  { code: 'j', title: '其它临时性事项处理情况', standards: [] },
]

/** The first version of a site's checklist: the regulations' own. */
export function defaultInspectionTemplate(siteId: string, id: string, staffId: string, now: number): InspectionTemplate {
  return { id, siteId, version: 1, items: DEFAULT_CHECKLIST.map((i) => ({ ...i, standards: i.standards.map((s) => ({ ...s })) })), staffId, createdAt: now }
}

/** The version in force: the highest; of two with one number (saved on two tablets offline), the later. */
export function currentTemplate(templates: readonly InspectionTemplate[]): InspectionTemplate | null {
  return templates.reduce<InspectionTemplate | null>((best, t) => (!best || t.version > best.version || (t.version === best.version && t.createdAt > best.createdAt) ? t : best), null)
}

export type TemplateProblem =
  | { code: 'noItems' }
  | { code: 'itemCodeRequired'; index: number }
  | { code: 'itemCodeDuplicate'; index: number }
  | { code: 'itemTitleRequired'; index: number }
  | { code: 'standardTextRequired'; index: number; standard: number }
  | { code: 'standardIdDuplicate'; index: number; standard: number }

/** What keeps a checklist from being saved: items with a code and a title, unique codes, standards with text and unique ids. */
export function inspectionTemplateProblems(items: readonly ChecklistItem[]): TemplateProblem[] {
  const out: TemplateProblem[] = []
  if (!items.length) out.push({ code: 'noItems' })
  const codes = new Set<string>()
  const ids = new Set<string>()
  items.forEach((item, index) => {
    const code = item.code.trim()
    if (!code) out.push({ code: 'itemCodeRequired', index })
    else if (codes.has(code)) out.push({ code: 'itemCodeDuplicate', index })
    codes.add(code)
    if (!item.title.trim()) out.push({ code: 'itemTitleRequired', index })
    item.standards.forEach((s, standard) => {
      if (!s.text.trim()) out.push({ code: 'standardTextRequired', index, standard })
      if (ids.has(s.id)) out.push({ code: 'standardIdDuplicate', index, standard })
      ids.add(s.id)
    })
  })
  return out
}
