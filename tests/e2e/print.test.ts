import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useE2eHarness } from '../support/e2e-harness'
import { firstRunSetup, loginAs } from '../support/journeys'
import { printToText } from '../support/pdf'

const compact = (s: string): string => s.replace(/\s+/g, '')

describe('printing on A4', () => {
  const h = useE2eHarness()
  let page: Page
  beforeAll(async () => {
    const context = await h.tablet()
    page = await context.newPage()
    await firstRunSetup(page, h.server.url, '翠苑小区')
    await loginAs(page, '王管理', '2580')
    await page.waitForURL(/\/today$/)
  })

  it('prints the blank duty-log sheet with its Chinese headings, handover block and review line', async () => {
    await page.goto(`${h.server.url}/duty-log`)
    await page.getByRole('button', { name: '打印空白表格' }).click()
    await page.waitForURL(/\/print\/duty-log-blank$/)
    const pdf = await printToText(page)
    expect(pdf.pages).toBe(1)
    const text = pdf.compactPages[0]!
    for (const heading of ['客户服务中心值班记录表', '翠苑小区', '表号:KF-JL-01', '日期:', '班次:', '值班人:', '时间', '来源', '接报信息', '轻重缓急', '处理措施', '通知何人', '跟进情况', '交接班记录', '待跟进事项', '前台环境检查', '交班人签名', '接班人签名', '客服主管审阅签名', '第1页/共1页']) {
      expect(text, heading).toContain(compact(heading))
    }
  })

  it('prints the staff list with every staff member and signature lines', async () => {
    await page.goto(`${h.server.url}/print/staff-list`)
    const pdf = await printToText(page)
    for (const expected of ['客户服务中心员工名单', '王管理', '客服管理员', '李娜', '客服助理', '制表人签名', '审核人(客服主管)签名', '第1页/共1页']) {
      expect(pdf.compactPages[0], expected).toContain(expected)
    }
  })

  it('over several pages: table head and page X of Y on every page, every row whole on exactly one page', async () => {
    // 120 more staff straight into the tablet's database, as a large site would have.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('deskbook')
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      const tx = db.transaction('staff', 'readwrite')
      const store = tx.objectStore('staff')
      const first = await new Promise<Record<string, unknown>>((resolve) => {
        const r = store.openCursor()
        r.onsuccess = () => resolve(r.result!.value as Record<string, unknown>)
      })
      for (let i = 1; i <= 120; i++) {
        store.put({ ...first, id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`, name: `员工${String(i).padStart(3, '0')}`, role: 'assistant' })
      }
      await new Promise((resolve) => (tx.oncomplete = resolve))
      db.close()
    })
    await page.goto(`${h.server.url}/print/staff-list`)
    const pdf = await printToText(page)
    expect(pdf.pages).toBeGreaterThanOrEqual(3)
    expect(Number(await page.locator('.print-sheet').getAttribute('data-pages'))).toBe(pdf.pages)
    pdf.compactPages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain('序号姓名岗位部门状态签名')
      expect(text, `page ${i + 1}`).toContain('客户服务中心员工名单')
      expect(text, `page ${i + 1}`).toContain(`第${i + 1}页/共${pdf.pages}页`)
    })
    // Each row (its number, name and role together) is whole on exactly one page.
    for (let i = 1; i <= 120; i++) {
      const name = `员工${String(i).padStart(3, '0')}`
      const holding = pdf.compactPages.filter((p) => p.includes(`${name}客服助理`))
      expect(holding, name).toHaveLength(1)
    }
    // Signature lines once, on the last page.
    expect(pdf.compactPages.filter((p) => p.includes('制表人签名'))).toHaveLength(1)
    expect(pdf.compactPages.at(-1)).toContain('制表人签名')
  })
})
