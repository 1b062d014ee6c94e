import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import ExcelJS from 'exceljs'
import { indexRow, type ReceptionIndexRow } from '@client/db/register/index-row'
import { newId } from '@shared/domain/ids'
import type { Reception } from '@shared/domain/reception'
import type { EventType, ReceptionEvent } from '@shared/domain/reception-event'
import { formatReference } from '@client/db/register/reference'
import { weekStart } from '@shared/domain/review'
import { addDays, formatDateTime, instantAt, localDate, MINUTE, HOUR } from '@shared/domain/time'
import { useE2eHarness } from '../support/e2e-harness'
import { DEFAULT_STAFF, firstRunSetup, loginAs, waitForServiceWorker } from '../support/journeys'
import { printToText } from '../support/pdf'
import { drawSignature, putRows } from '../support/idb-page'

const TZ = 'Asia/Shanghai'
const N = 300
const HEADINGS = ['序号', '接待日期', '业主姓名/联系电话', '房号', '事由', '处理情况及结果', '完成日期', '接待人', '编号']
/** The spreadsheet's: 类别 and 来访方式 apart from 事由. */
const EXPORT_HEADINGS = ['序号', '接待日期', '业主姓名/联系电话', '房号', '事由', '类别', '来访方式', '处理情况及结果', '完成日期', '接待人', '编号']
const seq = (i: number): string => String(i).padStart(4, '0')
const phone = (i: number): string => `1381234${seq(i)}`
const masked = (i: number): string => `138****${seq(i)}`

interface SiteIds {
  siteId: string
  staff: Record<string, string>
  departments: Record<string, string>
}

interface Fixture {
  receptions: Reception[]
  events: ReceptionEvent[]
  index: ReceptionIndexRow[]
  /** Last week, Monday to Sunday, in the site's timezone. */
  from: string
  to: string
  /** The request with the whole timeline, the one closed as unresolvable, the one with a formula in its matter. */
  full: Reception
  unresolvable: Reception
  evil: Reception
  /** A complaint answered after 24 hours, then resolved (篇3 五: 逾期答复). */
  late: Reception
}

/** 300 requests over last week: every tenth with a long matter (a tall row), markers at both ends of each matter. */
function buildFixture(ids: SiteIds): Fixture {
  const from = addDays(weekStart(localDate(Date.now(), TZ)), -7)
  const clerk = ids.staff['李娜']!
  const manager = ids.staff['赵经理']!
  const engineering = ids.departments['工程部']!
  const perDay = new Map<string, number>()
  const receptions: Reception[] = []
  for (let i = 1; i <= N; i++) {
    const day = addDays(from, (i - 1) % 7)
    const n = (perDay.get(day) ?? 0) + 1
    perDay.set(day, n)
    const receivedAt = instantAt(day, '08:00', TZ) + n * 5 * MINUTE
    const long = i % 10 === 0 ? ` ${'楼上卫生间渗水导致天花板发霉,业主要求尽快查明原因并维修,'.repeat(3)}` : ' 厨房水龙头漏水'
    receptions.push({
      id: newId(),
      siteId: ids.siteId,
      ref: formatReference(day, 'A', n),
      receivedAt,
      channel: 'phone',
      receiverId: clerk,
      relayedBy: '',
      room: `3-2-${1100 + (i % 30)}`,
      roomId: null,
      customerId: null,
      customerName: `业主${seq(i)}`,
      honorific: 'mr',
      phone: phone(i),
      matter: `S${seq(i)}${long} E${seq(i)}`,
      category: 'repair',
      urgency: 'normal',
      createdAt: receivedAt,
    })
  }
  const evil = receptions[0]!
  evil.matter = '=HYPERLINK("http://evil.example","点我")'
  const full = receptions[1]!
  const unresolvable = receptions[2]!
  const late = receptions[3]!
  late.category = 'complaint'
  const event = (r: Reception, type: EventType, after: number, overrides: Partial<ReceptionEvent> = {}): ReceptionEvent => ({
    id: newId(),
    siteId: ids.siteId,
    receptionId: r.id,
    type,
    at: r.receivedAt + after,
    staffId: clerk,
    note: '',
    departmentId: null,
    assignee: '',
    satisfaction: null,
    level: null,
    correction: null,
    signatureId: null,
    createdAt: r.receivedAt + after,
    ...overrides,
  })
  const events = [
    event(full, 'handedOver', HOUR, { departmentId: engineering, assignee: '张师傅', note: '请今天上门' }),
    event(full, 'correction', 2 * HOUR, { correction: { room: '3-2-1108' }, note: '业主更正房号' }),
    event(full, 'departmentDone', 4 * HOUR, { note: '已更换阀门' }),
    event(full, 'result', 5 * HOUR, { note: '维修完毕,业主确认' }),
    event(full, 'returnVisit', 26 * HOUR, { satisfaction: 'satisfied', note: '电话回访' }),
    event(full, 'signed', 26 * HOUR + MINUTE, { note: '业主0002', signatureId: '__signature__' }),
    event(unresolvable, 'takenOver', 2 * HOUR, { staffId: manager, level: 'manager' }),
    event(unresolvable, 'closedUnresolvable', 3 * HOUR, { staffId: manager, note: '属开发商保修范围' }),
    event(late, 'answered', 30 * HOUR, { note: '已电话致歉' }),
    event(late, 'result', 31 * HOUR, { note: '已协调解决' }),
  ]
  const index = receptions.map((r) => indexRow(r, events.filter((e) => e.receptionId === r.id)))
  return { receptions, events, index, from, to: addDays(from, 6), full, unresolvable, evil, late }
}

async function readSiteIds(page: Page): Promise<SiteIds> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('deskbook')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const all = <T,>(store: string): Promise<T[]> =>
      new Promise((resolve) => {
        const r = db.transaction(store).objectStore(store).getAll()
        r.onsuccess = () => resolve(r.result as T[])
      })
    const device = await new Promise<{ value: { siteId: string } }>((resolve) => {
      const r = db.transaction('meta').objectStore('meta').get('device')
      r.onsuccess = () => resolve(r.result as { value: { siteId: string } })
    })
    const staff = await all<{ id: string; name: string }>('staff')
    const departments = await all<{ id: string; name: string }>('departments')
    db.close()
    return {
      siteId: device.value.siteId,
      staff: Object.fromEntries(staff.map((s) => [s.name, s.id])),
      departments: Object.fromEntries(departments.map((d) => [d.name, d.id])),
    }
  })
}

/** Straight into the tablet's IndexedDB, as a busy week of registering would leave it; the owner's signature drawn on a canvas. */
async function insert(page: Page, f: Fixture): Promise<void> {
  const signatureId = crypto.randomUUID()
  const signature = { id: signatureId, siteId: f.receptions[0]!.siteId, subjectType: 'reception', subjectId: f.full.id, signerName: '业主0002', signerStaffId: null, image: await drawSignature(page), signedAt: Date.now() }
  await putRows(page, {
    receptions: f.receptions,
    receptionEvents: f.events.map((e) => (e.signatureId === '__signature__' ? { ...e, signatureId } : e)),
    receptionIndex: f.index,
    signatures: [signature],
  })
}

/** Open the register print of last week by its button and wait until the pages are laid out. */
async function openLastWeek(page: Page, baseUrl: string, f: Fixture): Promise<void> {
  await page.goto(`${baseUrl}/print/register`)
  await page.getByTestId('range-lastWeek').click()
  await page.waitForURL((url) => url.searchParams.get('from') === f.from && url.searchParams.get('to') === f.to)
  await page.locator('.print-page[data-page="1"]').getByText(`共 ${N} 条`).waitFor()
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
  const saved = await file.path()
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(saved) }
}

async function switchTo(page: Page, baseUrl: string, name: string, pin: string): Promise<void> {
  await page.goto(`${baseUrl}/today`)
  await page.getByRole('button', { name: '换人' }).click()
  await loginAs(page, name, pin)
  await page.waitForURL(/\/today$/)
}

describe('printing and exporting the register', () => {
  const h = useE2eHarness()
  let context: BrowserContext
  let page: Page
  let f: Fixture
  beforeAll(async () => {
    context = await h.tablet()
    page = await context.newPage()
    await firstRunSetup(page, h.server.url, '翠苑小区', [...DEFAULT_STAFF, { name: '赵经理', role: 'manager', pin: '3690' }])
    await loginAs(page, '王管理', '2580')
    await page.waitForURL(/\/today$/)
    f = buildFixture(await readSiteIds(page))
    await insert(page, f)
  })

  it('prints a week of 300 requests as 《接待业主情况记录》: headings and page X of Y on every page, every row whole on one page, phones in full for the desk', async () => {
    await openLastWeek(page, h.server.url, f)
    const pdf = await printToText(page)
    expect(pdf.pages).toBeGreaterThanOrEqual(10)
    expect(Number(await page.locator('.print-sheet').getAttribute('data-pages'))).toBe(pdf.pages)
    pdf.compactPages.forEach((text, i) => {
      for (const heading of ['翠苑小区', '接待业主情况记录', '表号:KF-JL-04', `日期范围:${f.from}至${f.to}`, ...HEADINGS, `第${i + 1}页/共${pdf.pages}页`]) {
        expect(text, `page ${i + 1}: ${heading}`).toContain(heading)
      }
    })
    // Each row — its reference number and both ends of its matter — is on exactly one page, the same one.
    f.receptions.forEach((r, i) => {
      const holding = pdf.compactPages.filter((p) => p.includes(r.ref))
      expect(holding, r.ref).toHaveLength(1)
      if (i > 0) for (const marker of [`S${seq(i + 1)}`, `E${seq(i + 1)}`]) expect(holding[0], `${r.ref} ${marker}`).toContain(marker)
    })
    // Nothing drawn past the bottom of a page.
    const overflowing = await page.locator('section.print-page').evaluateAll((sections) =>
      sections.filter((s) => {
        const table = s.querySelector('table')
        return table && table.getBoundingClientRect().bottom > (s.querySelector('.print-footer') as HTMLElement).getBoundingClientRect().top
      }).length,
    )
    expect(overflowing).toBe(0)
    // The administrator may call owners (customer.contact): phones in full.
    expect(pdf.text).toContain(phone(5))
    expect(pdf.text).not.toContain(masked(5))
    // The handling column (its lines interleave with other cells in the PDF's text, so read on screen):
    // department, result, return visit; unresolvable with its reason and who closed it.
    const cells = async (ref: string): Promise<string[]> => page.locator('section.print-page tbody tr', { hasText: ref }).locator('td').allInnerTexts()
    expect((await cells(f.full.ref))[5]).toBe('转工程部(张师傅)处理;维修完毕,业主确认(李娜);回访:满意(李娜)')
    expect((await cells(f.unresolvable.ref))[5]).toBe('经理接手(赵经理);无法处理已关闭:属开发商保修范围(赵经理)')
    expect((await cells(f.full.ref))[1]).toBe(formatDateTime(f.full.receivedAt, TZ))
    // 篇3 五: the complaint answered after 24 hours stays marked once resolved.
    expect((await cells(f.late.ref))[5]).toBe('已协调解决(李娜);待回访;逾期答复(超过24小时)')
    // Reviewers' lines once, on the last page (篇4 4.3, 4.9).
    expect(pdf.compactPages.filter((p) => p.includes('客服主管审核签名'))).toHaveLength(1)
    expect(pdf.compactPages.at(-1)).toContain('经理审核签名')
  })

  it('prints the week whole from the register list, whatever tab it is on; the tab alone only when chosen, named in the title', async () => {
    // 王管理's list opens on 我的待办, which holds none of 李娜's requests.
    await page.goto(`${h.server.url}/register`)
    await page.getByRole('tab', { name: '我的待办', selected: true }).waitFor()
    const printFromList = async (): Promise<void> => {
      await page.getByRole('button', { name: '打印' }).click()
      await page.waitForURL(/\/print\/register\?/)
      await page.getByTestId('range-lastWeek').click()
      await page.waitForURL((url) => url.searchParams.get('from') === f.from)
    }
    const count = (n: number) => page.locator('.print-page[data-page="1"]').getByText(`共 ${n} 条`).waitFor()
    const header = () => page.locator('.print-page[data-page="1"] .print-header').innerText()
    await printFromList()
    await count(N)
    expect(await header()).not.toContain('仅')
    expect(await page.getByTestId('scope-all').getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByTestId('scope-subset').innerText()).toBe('仅当前筛选:我的待办')
    await page.getByTestId('scope-subset').click()
    await page.waitForURL((url) => url.searchParams.get('subset') === '1')
    await count(0)
    expect(await header()).toContain('接待业主情况记录(仅:我的待办)')

    // The 未完成 tab: printed whole by default; as a subset, without the closed requests and titled so.
    await page.goto(`${h.server.url}/register`)
    await page.getByRole('tab', { name: '未完成' }).click()
    await page.waitForURL(/queue=open/)
    await printFromList()
    await count(N)
    await page.getByTestId('scope-subset').click()
    await count(N - 2)
    const pdf = await printToText(page)
    for (const text of pdf.compactPages) expect(text).toContain('接待业主情况记录(仅:未完成)')
    expect(pdf.text).not.toContain(f.full.ref)
    expect(pdf.text).toContain(f.late.ref)
  })

  it('prints one request’s full record with its timeline and the owner’s signature', async () => {
    await page.goto(`${h.server.url}/print/register/${f.full.id}`)
    const pdf = await printToText(page)
    const text = pdf.compactPages.join('')
    for (const expected of [
      '接待业主情况记录(单项)',
      `编号:${f.full.ref}`,
      '接待登记',
      '转责任部门',
      '责任部门:工程部;负责人:张师傅;请今天上门',
      '更正',
      '房号由“3-2-1102”改为“3-2-1108”',
      '部门完成',
      '处理结果',
      '维修完毕,业主确认',
      '满意度:满意;电话回访',
      '业主签名确认',
      '签名人:业主0002',
      // 篇1: named with the honorific, as on screen.
      `业主0002先生/${phone(2)}`,
      '处理情况及结果',
      '接待人签名',
      '客服主管审核签名',
      `第1页/共${pdf.pages}页`,
    ]) {
      expect(text, expected).toContain(expected)
    }
    // The signer is named once (the event's note repeats the name).
    expect(text).not.toContain('签名人:业主0002;业主0002')
    expect(await page.getByTestId('owner-signature').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(300)
    // The signature is in the PDF as an image.
    await page.emulateMedia({ media: 'print' })
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-record-')), 'record.pdf')
    fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
    await page.emulateMedia({ media: 'screen' })
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(images.length).toBeGreaterThanOrEqual(1)
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
  })

  it('prints 逾期答复 on the record of a complaint answered late', async () => {
    await page.goto(`${h.server.url}/print/register/${f.late.id}`)
    const pdf = await printToText(page)
    expect(pdf.compactPages.join('')).toContain('已协调解决(李娜);待回访;逾期答复(超过24小时)')
  })

  it('masks phones for the manager, who may not call owners', async () => {
    await switchTo(page, h.server.url, '赵经理', '3690')
    await openLastWeek(page, h.server.url, f)
    const pdf = await printToText(page)
    expect(pdf.text).toContain(masked(5))
    expect(pdf.text).not.toContain(phone(5))
  })

  it('exports the same rows to XLSX (text cells as text, 类别 and 来访方式 apart) and CSV (neutralised cells): Chinese headers, masked phones — offline too', async () => {
    const xlsx = await download(page, 'export-xlsx')
    expect(xlsx.name).toBe(`接待业主情况记录_${f.from}_${f.to}.xlsx`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength) as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    const values = (n: number): unknown[] => (sheet.getRow(n).values as unknown[]).slice(1)
    expect(values(1)).toEqual(EXPORT_HEADINGS)
    expect(sheet.rowCount).toBe(N + 1)
    const rows = Array.from({ length: N }, (_, i) => values(i + 2))
    const evil = rows.find((r) => r[10] === f.evil.ref)!
    // Text as written: Excel and WPS show no apostrophe, and a string cell is never a formula.
    expect(evil.slice(4, 7)).toEqual(['=HYPERLINK("http://evil.example","点我")', '报修', '来电'])
    expect(sheet.getRow(rows.indexOf(evil) + 2).getCell(5).type).toBe(ExcelJS.ValueType.String)
    expect(evil[2]).toBe(`业主0001先生 / ${masked(1)}`)
    expect(rows.find((r) => r[10] === f.unresolvable.ref)![7]).toBe('经理接手(赵经理);无法处理已关闭:属开发商保修范围(赵经理)')
    expect(rows.find((r) => r[10] === f.late.ref)![7]).toBe('已协调解决(李娜);待回访;逾期答复(超过24小时)')
    expect(rows.find((r) => r[10] === f.late.ref)![5]).toBe('投诉')
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: N }, (_, i) => i + 1))

    // Offline: the app and the exceljs chunk come from the service worker's cache; the file is made in the page.
    await waitForServiceWorker(page)
    await context.setOffline(true)
    await page.reload()
    await page.locator('.print-page[data-page="1"]').getByText(`共 ${N} 条`).waitFor()
    const csv = await download(page, 'export-csv')
    await context.setOffline(false)
    expect(csv.name).toBe(`接待业主情况记录_${f.from}_${f.to}.csv`)
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = csv.bytes.subarray(3).toString('utf8').split(/\r?\n/)
    expect(lines[0]).toBe(EXPORT_HEADINGS.join(','))
    expect(lines).toHaveLength(N + 1)
    expect(lines.find((l) => l.includes(f.evil.ref))).toContain('"\'=HYPERLINK(""http://evil.example"",""点我"")",报修,来电')
    expect(lines.join('\n')).not.toContain(phone(5))
  })

  it('prints the blank register form for paper fallback', async () => {
    await page.goto(`${h.server.url}/print/register/blank`)
    const pdf = await printToText(page)
    expect(pdf.pages).toBe(1)
    for (const heading of ['接待业主情况记录', '表号:KF-JL-04', '日期范围:', ...HEADINGS, '客服主管审核签名', '经理审核签名', '第1页/共1页']) {
      expect(pdf.compactPages[0], heading).toContain(heading)
    }
  })
})
