import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { DEFAULT_CHECKLIST } from '@shared/domain/inspection-template'
import { checklistRows } from '@shared/domain/inspection'
import { useE2eHarness } from '../support/e2e-harness'
import { expectAccessible } from '../support/axe'
import { loginAs, waitForServiceWorker } from '../support/journeys'
import { addStaff, code, enrolTablet, setUpServer } from '../support/enrolment'
import { printToText } from '../support/pdf'

/** A 1 × 1 PNG, as a camera picture stands in for it: the form compresses it to JPEG. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

async function drawOn(page: Page, canvas: ReturnType<Page['locator']>): Promise<void> {
  const box = (await canvas.boundingBox())!
  await page.mouse.move(box.x + 30, box.y + 50)
  await page.mouse.down()
  for (let i = 1; i <= 14; i++) await page.mouse.move(box.x + 30 + i * 15, box.y + 50 + (i % 2 ? 25 : -15))
  await page.mouse.up()
}

async function switchTo(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: '换人' }).click()
  await page.waitForURL(/\/login/)
  await loginAs(page, name, pin)
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

async function syncNow(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/settings`)
  await page.getByRole('button', { name: '立即同步' }).click()
  await expect.poll(() => page.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toContain('已全部同步')
}

describe('a quality inspection from the desk to the appraisal (篇2 4.4)', () => {
  const h = useE2eHarness()

  it('the supervisor inspects offline with a photo and one failure; it syncs; the clerk sees and answers it; a verification closes it; the appraisal counts it; the printed form holds every item', async () => {
    const url = h.server.url
    const c = await setUpServer(h.server)
    const at = new Date('2026-11-27T02:00:00Z') // 10:00 in Shanghai, the day shift
    const contextA = await h.tablet()
    const contextB = await h.tablet()
    const office = await enrolTablet(contextA, url, await code(url, c), '主管平板', at)
    await waitForServiceWorker(office)
    await office.goto(`${url}/settings`)
    await addStaff(office, '李娜', '1357', 'assistant')
    await addStaff(office, '张主管', '4826', 'supervisor')
    await expect.poll(() => office.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toContain('已全部同步')
    const desk = await enrolTablet(contextB, url, await code(url, c), '前台平板', at)
    // 李娜 is on duty at the desk (logging in starts her duty); her tablet syncs it.
    await switchTo(desk, '李娜', '1357')
    await office.goto(`${url}/settings`)
    await expect
      .poll(
        async () => {
          await office.getByRole('button', { name: '立即同步' }).click()
          return office.evaluate(async () => {
            const db = await new Promise<IDBDatabase>((resolve) => {
              const r = indexedDB.open('deskbook')
              r.onsuccess = () => resolve(r.result)
            })
            return new Promise<number>((resolve) => {
              const r = db.transaction('dutyEntries').objectStore('dutyEntries').count()
              r.onsuccess = () => resolve(r.result)
            })
          })
        },
        { timeout: 20_000 },
      )
      .toBe(1)

    // The supervisor inspects the desk with the office tablet offline.
    await contextA.setOffline(true)
    await switchTo(office, '张主管', '4826')
    await office.goto(`${url}/inspection/new`)
    const form = office.getByTestId('inspection-form')
    await form.waitFor()
    await expect.poll(() => form.locator('input[name="inspected"]:checked').count()).toBe(1)
    for (const all of await form.getByRole('button', { name: '全部符合' }).all()) await all.click()
    const row = form.locator('[data-row="a/a1"]')
    await row.getByText('不符合', { exact: true }).click()
    await row.locator('input[type="file"]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PHOTO })
    await expect.poll(() => row.locator('img').count()).toBe(1)
    await row.getByLabel('不合格事实').fill('值班时未佩戴胸卡')
    await row.getByLabel('现场纠正').fill('当场佩戴')
    await row.getByLabel('原因分析').fill('胸卡遗落在更衣室')
    await row.getByLabel('改进措施').fill('班前互查仪容仪表')
    await form.getByLabel('检查小结').fill('整体良好,一项不符合')
    await drawOn(office, form.locator('.inspection-new__sign canvas'))
    await expectAccessible(office, 'inspection: the form with a failure')
    await form.getByRole('button', { name: '保存检查记录' }).click()
    await office.waitForURL(/\/inspection\/[0-9a-f-]{36}$/)
    const inspectionUrl = office.url()
    await expect.poll(() => office.getByTestId('status-sync').textContent()).toContain('待同步')

    // Back online it syncs; the clerk's tablet shows her the nonconformity on her today screen.
    await contextA.setOffline(false)
    await expect.poll(() => office.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toContain('已全部同步')
    await desk.goto(`${url}/settings`)
    await desk.getByRole('button', { name: '立即同步' }).click()
    await desk.goto(`${url}/today`)
    await expect.poll(() => desk.getByTestId('today-nonconformities').textContent(), { timeout: 20_000 }).toContain('值班时未佩戴胸卡')

    // She answers and signs; she cannot change the finding.
    await desk.goto(inspectionUrl)
    await expect.poll(() => desk.getByTestId('inspection-nonconformities').textContent()).toContain('值班时未佩戴胸卡')
    expect(await desk.getByTestId('verify-form').count()).toBe(0)
    // The photo came with it, compressed to JPEG on the supervisor's tablet.
    expect(await desk.getByAltText('照片 1').getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/)
    await expectAccessible(desk, 'inspection: the inspected person’s view')
    const response = desk.getByTestId('response-form')
    await response.getByLabel('意见').fill('已改正,以后班前自查')
    await drawOn(desk, response.locator('canvas'))
    await response.getByRole('button', { name: '提交意见' }).click()
    await expect.poll(() => desk.getByTestId('inspection-responses').textContent()).toContain('已改正,以后班前自查')
    await expect.poll(() => desk.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toContain('已全部同步')

    // The supervisor verifies the measure worked: the nonconformity is closed.
    await syncNow(office, url)
    await office.goto(inspectionUrl)
    await expect.poll(() => office.getByTestId('inspection-responses').textContent()).toContain('已改正')
    const verify = office.getByTestId('verify-form')
    await expectAccessible(office, 'inspection: verification')
    await verify.getByText('有效', { exact: true }).click()
    await verify.getByLabel('验证说明').fill('复查已佩戴')
    await verify.getByRole('button', { name: '保存验证' }).click()
    await expect.poll(() => office.getByTestId('nonconformity').textContent()).toContain('已关闭')

    // The appraisal of the month counts it against 李娜, under item a.
    await office.goto(`${url}/inspection/appraisal?month=2026-11`)
    await office.getByRole('table').first().waitFor()
    await expectAccessible(office, 'inspection: appraisal')
    const table = office.getByTestId('appraisal-table')
    const lina = table.locator('tbody tr', { hasText: '李娜' })
    await expect.poll(() => lina.locator('.appraisal__total').textContent()).toBe('1')
    // Columns after name and role: a, b, … j — the one nonconformity is under a, none elsewhere.
    expect(await lina.locator('td').evaluateAll((cells) => cells.slice(1, 11).map((c) => c.textContent?.trim()))).toEqual(['1', '0', '0', '0', '0', '0', '0', '0', '0', '0'])

    // The printed 质量检查记录 holds every checklist item, the finding, both signers and the answer.
    await office.goto(`${url}/print/inspection?id=${inspectionUrl.split('/').at(-1)}`)
    const text = (await printToText(office)).compactPages.join('')
    // Every row of the checklist, by the start of its text (long cells wrap inside the table).
    for (const row of checklistRows({ items: [...DEFAULT_CHECKLIST] })) expect(text, `${row.itemCode}/${row.standardId}`).toContain(row.text.replace(/\s+/g, '').slice(0, 10))
    expect(text).toContain('✗')
    for (const expected of ['质量检查记录', '值班时未佩戴胸卡', '胸卡遗落在更衣室', '班前互查仪容仪表', '张主管', '李娜', '已改正']) expect(text, `${expected} in ${text}`).toContain(expected)
    await contextA.close()
    await contextB.close()
  })
})
