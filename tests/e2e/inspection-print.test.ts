import { beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { shiftKey } from '@shared/domain/duty-log'
import { checklistRows, type Inspection, type InspectionResponse, type InspectionResult, type Nonconformity } from '@shared/domain/inspection'
import { defaultInspectionTemplate } from '@shared/domain/inspection-template'
import { instantAt } from '@shared/domain/time'
import { useE2eHarness } from '../support/e2e-harness'
import { DEFAULT_STAFF, firstRunSetup, loginAs } from '../support/journeys'
import { printToText } from '../support/pdf'
import { makeSignature } from '../factories/duty-seed'
import { drawSignature, putRows, readSite } from '../support/idb-page'

const TZ = 'Asia/Shanghai'
const DATE = '2026-11-27'
const at = (hhmm: string, date = DATE): number => instantAt(date, hhmm, TZ)
const STAFF = [...DEFAULT_STAFF, { name: '张主管', role: 'supervisor', pin: '4826' }]
const compact = (s: string): string => s.replace(/\s+/g, '')

/** The supervisor's spot check of 李娜 on the day shift of 2026-11-27: a3 failed, j not applicable, the rest passed; 李娜 answered and signed. And a second check of the month by the administrator. */
async function seed(page: Page): Promise<{ id: string; standards: string[] }> {
  const site = await readSite(page)
  const s = site.siteId
  const id = (name: string): string => site.staff[name]!
  const day = site.shiftTypes.find((t) => t.name === '白班')!
  const template = defaultInspectionTemplate(s, crypto.randomUUID(), id('张主管'), at('08:00'))
  const rows = checklistRows(template)
  const results: InspectionResult[] = rows.map((r) => ({
    itemCode: r.itemCode,
    standardId: r.standardId,
    result: r.standardId === 'a3' ? 'fail' : r.itemCode === 'j' ? 'na' : 'pass',
    note: r.standardId === 'a3' ? '坐姿接待业主' : '',
    photoIds: [],
  }))
  const inspectionId = crypto.randomUUID()
  const [inspectorImage, clerkImage] = [await drawSignature(page, 0), await drawSignature(page, 1)]
  const inspectorSig = makeSignature(s, 'inspection', inspectionId, id('张主管'), '张主管', at('09:40'), inspectorImage)
  const clerkSig = makeSignature(s, 'inspectionResponse', inspectionId, id('李娜'), '李娜', at('10:05'), clerkImage)
  const inspection: Inspection = {
    id: inspectionId,
    siteId: s,
    templateId: template.id,
    kind: 'spot',
    inspectorId: id('张主管'),
    shiftKey: shiftKey(DATE, day.id),
    inspectedIds: [id('李娜')],
    at: at('09:30'),
    results,
    summary: '整体良好,站立服务需加强',
    inspectorSignatureId: inspectorSig.id,
    createdAt: at('09:40'),
  }
  const nc: Nonconformity = {
    id: crypto.randomUUID(),
    siteId: s,
    inspectionId,
    itemCode: 'a',
    standardId: 'a3',
    staffId: id('李娜'),
    finding: '业主来访时坐着接待',
    correction: '当场提醒起身站立服务',
    cause: '连续值班疲劳',
    measure: '每两小时安排轮换休息',
    dueDate: '2026-11-30',
    at: inspection.at,
    createdAt: inspection.createdAt,
  }
  const response: InspectionResponse = { id: crypto.randomUUID(), siteId: s, inspectionId, staffId: id('李娜'), comment: '接受检查结果,立即改正', signatureId: clerkSig.id, at: at('10:05'), createdAt: at('10:05') }
  const second: Inspection = { ...inspection, id: crypto.randomUUID(), kind: 'daily', inspectorId: id('王管理'), at: at('08:10', '2026-11-03'), shiftKey: shiftKey('2026-11-03', day.id), results: results.map((r) => ({ ...r, result: 'pass', note: '' })), summary: '', inspectorSignatureId: crypto.randomUUID(), createdAt: at('08:10', '2026-11-03') }
  await putRows(page, { inspectionTemplates: [template], inspections: [inspection, second], nonconformities: [nc], inspectionResponses: [response], signatures: [inspectorSig, clerkSig] })
  return { id: inspectionId, standards: rows.map((r) => r.text) }
}

describe('printing quality inspections', () => {
  const h = useE2eHarness()
  let context: BrowserContext
  let page: Page
  let seeded: { id: string; standards: string[] }
  beforeAll(async () => {
    context = await h.tablet()
    page = await context.newPage()
    await page.clock.install({ time: new Date('2026-11-28T02:00:00Z') }) // 10:00 in Shanghai, the morning after
    await firstRunSetup(page, h.server.url, '翠苑小区', STAFF)
    await loginAs(page, '张主管', '4826')
    await page.waitForURL(/\/today$/)
    seeded = await seed(page)
  })

  it('prints an inspection: header, every checklist row of its version, the finding with cause and measure, the comment and both signatures', async () => {
    await page.goto(`${h.server.url}/print/inspection?id=${seeded.id}`)
    const pdf = await printToText(page)
    expect(pdf.pages).toBe(Number(await page.locator('.print-sheet').getAttribute('data-pages')))
    const text = pdf.compactPages.join('')
    for (const expected of [
      '质量检查记录',
      '翠苑小区',
      '表号:KF-JL-03',
      '检查时间:2026-11-2709:30',
      '班次:2026-11-27白班',
      '检查类型:主管抽查',
      '检查人:张主管',
      '被检查人:李娜',
      '检查表:第1版',
      '坐姿接待业主',
      '整体良好,站立服务需加强',
      '不合格项1:a3',
      '业主来访时坐着接待',
      '当场提醒起身站立服务',
      '连续值班疲劳',
      '每两小时安排轮换休息',
      '2026-11-30',
      '待验证',
      '接受检查结果,立即改正',
      `第1页/共${pdf.pages}页`,
    ]) {
      expect(text, expected).toContain(expected)
    }
    // Every row of the checklist: the first line of each standard in the PDF, the whole text on the page.
    for (const standard of seeded.standards) expect(text, standard).toContain(compact(standard).slice(0, 10))
    const printed = await page.locator('section.print-page tbody tr td:nth-child(3)').allInnerTexts()
    expect(printed.slice(0, seeded.standards.length)).toEqual(seeded.standards)
    const marks = await page.locator('section.print-page tbody tr td:nth-child(4)').allInnerTexts()
    expect(marks.slice(0, seeded.standards.length).filter((m) => m === '✗')).toHaveLength(1)
    expect(marks.at(seeded.standards.length - 1)).toBe('—')
    const signers = await page.getByTestId('inspection-print-signers').innerText()
    expect(compact(signers)).toContain('检查人张主管2026-11-2709:40')
    expect(compact(signers)).toContain('被检查人李娜2026-11-2710:05')
    for (const role of ['inspector', 'inspected']) expect(await page.getByTestId(`inspection-print-signature-${role}`).evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(300)
  })

  it('prints a month in one job, each inspection from a new page', async () => {
    await page.goto(`${h.server.url}/print/inspection?month=2026-11`)
    const pdf = await printToText(page)
    const sheets = await page.locator('.print-sheet').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-pages'))))
    expect(sheets).toHaveLength(2)
    expect(pdf.pages).toBe(sheets[0]! + sheets[1]!)
    expect(pdf.compactPages[0]).toContain('检查时间:2026-11-0308:10')
    expect(pdf.compactPages[0]).toContain('检查类型:管理员日检')
    expect(pdf.compactPages[sheets[0]!]).toContain('检查时间:2026-11-2709:30')
    // Numbered through the month's set, each inspection keeping its own header (issue 10 point 10).
    pdf.compactPages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(`第${i + 1}页/共${pdf.pages}页`))
    expect(pdf.compactPages.filter((p) => p.includes('质量检查记录'))).toHaveLength(pdf.pages)
  })

  it('prints the blank form with the checklist in force', async () => {
    await page.goto(`${h.server.url}/print/inspection-blank`)
    const pdf = await printToText(page)
    const text = pdf.compactPages.join('')
    for (const expected of ['质量检查记录', '表号:KF-JL-03', '检查表:第1版', '现场纠正', '原因分析', '改进措施', '责任人', '完成期限', '被检查人意见', '检查人签名', '被检查人签名']) expect(text, expected).toContain(expected)
    for (const standard of seeded.standards) expect(text, standard).toContain(compact(standard).slice(0, 10))
    expect(text).not.toContain('业主来访时坐着接待')
  })
})
