import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useE2eHarness } from '../support/e2e-harness'
import { expectAccessible } from '../support/axe'
import { loginAs, waitForServiceWorker } from '../support/journeys'
import { setupToken } from '../support/enrolment'

/** Join the site with `code` on a fresh tablet named `name`; the login screen is then shown. */
async function enrolWith(page: Page, url: string, code: string, name: string): Promise<void> {
  await page.goto(`${url}/enrol`)
  await page.getByLabel('注册码').fill(code)
  await page.getByLabel('设备名称').fill(name)
  await page.getByRole('button', { name: '加入' }).click()
  await page.waitForURL(/\/login/)
}

/** Change one department in 设置 → 责任部门 (issue 10 point 11). */
async function editDepartment(page: Page, row: string | null, change: { name?: string; active?: boolean }, saved = true): Promise<void> {
  const section = page.getByTestId('settings-departments')
  if (row === null) await section.getByRole('button', { name: '添加部门' }).click()
  else await section.locator(`[data-row="${row}"]`).click()
  const editor = page.getByTestId('department-editor')
  if (change.name !== undefined) await editor.getByLabel('部门名称(不超过 30 字)').fill(change.name)
  if (change.active !== undefined) await editor.getByLabel('启用').setChecked(change.active)
  await editor.getByRole('button', { name: '保存' }).click()
  if (saved) await editor.waitFor({ state: 'detached' })
}

describe('the server console', () => {
  const h = useE2eHarness()

  it('sets a fresh server up, enrols a desk tablet and a department’s own, and reviews what the revoked desk tablet uploaded', async () => {
    const admin = await (await h.tablet()).newPage()
    await admin.goto(`${h.server.url}/admin`)
    const setup = admin.getByTestId('console-setup')
    await setup.waitFor()
    await setup.getByLabel('项目名称').fill('翠苑小区')
    await setup.getByLabel('项目客服管理员姓名').fill('王管理')
    await setup.getByLabel('客服管理员 PIN(4–8 位数字)').fill('2580')
    await setup.getByLabel('密码(至少 10 位)').fill('short')
    await setup.getByRole('button', { name: '完成设置' }).click()
    await expect.poll(() => setup.getByRole('alert').textContent()).toContain('密码至少 10 位')
    await setup.getByLabel('密码(至少 10 位)').fill('correct-horse-1')
    await setup.getByRole('button', { name: '完成设置' }).click()
    // A fresh server is set up only with the token it printed at its start (issue 14 point 1).
    await expect.poll(() => setup.getByRole('alert').textContent()).toContain('请填写设置口令')
    await setup.getByLabel('设置口令').fill('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01')
    await setup.getByRole('button', { name: '完成设置' }).click()
    await expect.poll(() => setup.getByRole('alert').textContent()).toContain('设置口令不正确')
    await setup.getByLabel('设置口令').fill(setupToken(h.server))
    await setup.getByRole('button', { name: '完成设置' }).click()
    const sites = admin.getByTestId('console-sites')
    await expect.poll(() => sites.textContent()).toContain('翠苑小区')
    const site = sites.locator('[data-site="翠苑小区"]')
    await expectAccessible(admin, 'console: sites')

    await site.getByRole('button', { name: '发放注册码', exact: true }).click()
    const code = (await admin.getByTestId('console-code').locator('strong').textContent())!
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/)

    const deskContext = await h.tablet()
    const desk = await deskContext.newPage()
    await enrolWith(desk, h.server.url, code, '前台平板')
    await loginAs(desk, '王管理', '2580')
    await desk.waitForURL(/\/today$/)

    // Point 11: the site created on the server came with 财务部; its administrator deactivates it, adds
    // 绿化部, and adds an engineer to 工程部 — all synced to the server.
    await desk.goto(`${h.server.url}/settings`)
    const departments = desk.getByTestId('settings-departments')
    await expect.poll(() => departments.locator('[data-row]').allTextContents()).toEqual(['财务部', '工程部', '环境部', '秩序部'])
    await editDepartment(desk, '财务部', { active: false })
    await editDepartment(desk, null, { name: '秩序部' }, false)
    // (the same name as an active one is refused, in Chinese)
    await expect.poll(() => desk.getByTestId('department-editor').getByRole('alert').textContent()).toBe('已有同名的启用部门')
    await desk.getByTestId('department-editor').getByLabel('部门名称(不超过 30 字)').fill('绿化部')
    await desk.getByTestId('department-editor').getByRole('button', { name: '保存' }).click()
    await expect.poll(() => departments.locator('[data-row]').allTextContents()).toEqual(['工程部', '环境部', '绿化部', '秩序部', '财务部已停用'])
    await desk.getByRole('button', { name: '添加员工' }).click()
    const staffEditor = desk.getByTestId('staff-editor')
    await staffEditor.locator('[name="staff-name"]').fill('张师傅')
    await staffEditor.locator('[name="staff-role"]').selectOption('department')
    expect(await staffEditor.locator('[name="staff-department"] option').allTextContents()).toEqual(['—', '工程部', '环境部', '绿化部', '秩序部'])
    await staffEditor.locator('[name="staff-department"]').selectOption({ label: '工程部' })
    await staffEditor.locator('[name="staff-pin"]').fill('7391')
    await staffEditor.locator('[name="staff-pin-again"]').fill('7391')
    await staffEditor.getByRole('button', { name: '保存' }).click()
    await staffEditor.waitFor({ state: 'detached' })

    // Point 12: a code for 工程部's own tablet; the deactivated 财务部 is not offered, 绿化部 is once synced.
    const departmentOptions = async (): Promise<string[]> => {
      await site.getByRole('button', { name: '发放部门平板注册码' }).click()
      const form = admin.getByTestId('console-department-code')
      await form.getByLabel('所属部门').waitFor()
      const options = await form.getByLabel('所属部门').locator('option').allTextContents()
      await form.getByRole('button', { name: '取消' }).click()
      return options
    }
    await expect.poll(departmentOptions, { timeout: 20_000 }).toEqual(['工程部', '环境部', '绿化部', '秩序部'])
    await site.getByRole('button', { name: '发放部门平板注册码' }).click()
    const departmentCode = admin.getByTestId('console-department-code')
    await departmentCode.getByLabel('所属部门').selectOption({ label: '工程部' })
    await departmentCode.getByRole('button', { name: '发放' }).click()
    await expect.poll(() => admin.getByTestId('console-code').locator('span').textContent()).toBe('翠苑小区 · 工程部 部门平板的注册码')
    const engineeringCode = (await admin.getByTestId('console-code').locator('strong').textContent())!
    const workshop = await (await h.tablet()).newPage()
    await enrolWith(workshop, h.server.url, engineeringCode, '工程部平板')
    // Only 工程部's members log in on its tablet.
    await workshop.getByRole('button', { name: /^张师傅/ }).waitFor()
    expect(await workshop.locator('.login-picker__person').allTextContents()).toEqual(['张师傅责任部门'])

    await site.getByRole('button', { name: '查看设备' }).click()
    const devices = admin.getByTestId('console-devices')
    await expect.poll(() => devices.locator('[data-device="工程部平板"]').textContent()).toContain('部门平板 · 工程部')
    expect(await devices.locator('[data-device="前台平板"]').textContent()).toContain('前台平板')

    // Point 13: the desk tablet is lost while offline with a request and a rename not yet synced; revoked,
    // it uploads them when it comes back online (kept aside) and erases itself.
    await waitForServiceWorker(desk)
    await deskContext.setOffline(true)
    await desk.goto(`${h.server.url}/register/new`)
    await desk.getByLabel('房号').fill('3-1-1101')
    await desk.getByLabel('业主姓名').fill('陈丽')
    await desk.getByText('女士', { exact: true }).click()
    await desk.getByLabel('联系电话').fill('138 1234 5678')
    await desk.getByLabel('事由').fill('卫生间漏水')
    await desk.getByRole('button', { name: '登记', exact: true }).click()
    await desk.waitForURL(/\/register\/[0-9a-f-]{36}$/)
    const ref = (await desk.locator('h1').textContent())!.trim()
    await desk.goto(`${h.server.url}/settings`)
    await editDepartment(desk, '绿化部', { name: '园林部' })

    await devices.locator('[data-device="前台平板"]').getByRole('button', { name: '停用' }).click()
    await admin.getByRole('button', { name: '确认' }).click()
    await expect.poll(() => devices.locator('[data-device="前台平板"]').textContent()).toContain('已停用')
    await deskContext.setOffline(false)
    await desk.waitForURL(/\/setup$/, { timeout: 30_000 })

    const quarantine = admin.getByTestId('console-quarantine')
    const row = (text: string) => quarantine.locator('tr', { hasText: text })
    await expect
      .poll(
        async () => {
          await site.getByRole('button', { name: '查看设备' }).click()
          return quarantine.locator('tbody tr').count()
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThanOrEqual(2)
    const request = row('接待登记')
    const requestText = (await request.textContent())!
    for (const shown of ['A · 前台平板', '王管理', '接待登记', ref, '3-1-1101', '陈女士', '卫生间漏水']) expect(requestText, `${shown} in ${requestText}`).toContain(shown)
    expect(requestText).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d/)
    // Never the owner's phone or full name.
    expect(await quarantine.textContent()).not.toMatch(/13812345678|138 1234 5678|陈丽/)
    await expectAccessible(admin, 'console: what a revoked tablet uploaded')

    // The tablet that replaces the lost one: meanwhile a new 园林部 is added there, so the lost tablet's
    // rename of 绿化部 to 园林部 no longer passes the rules.
    await site.getByRole('button', { name: '发放注册码', exact: true }).click()
    const replacement = await (await h.tablet()).newPage()
    await enrolWith(replacement, h.server.url, (await admin.getByTestId('console-code').locator('strong').textContent())!, '新前台平板')
    await loginAs(replacement, '王管理', '2580')
    await replacement.waitForURL(/\/today$/)
    await replacement.goto(`${h.server.url}/settings`)
    await editDepartment(replacement, null, { name: '园林部' })
    await expect.poll(departmentOptions, { timeout: 20_000 }).toContain('园林部')

    const rename = () => row('园林部')
    await rename().getByRole('button', { name: '应用:部门' }).click()
    await expect.poll(() => rename().locator('.form-error').textContent()).toBe('规则不允许应用:已有同名的启用部门 (refused: invalid: nameTaken)')
    await rename().getByRole('button', { name: '舍弃:部门' }).click()
    await admin.getByRole('button', { name: '确认' }).click()
    await expect.poll(() => rename().locator('td').last().textContent()).toMatch(/^已舍弃 · admin · \d{4}-\d\d-\d\d \d\d:\d\d$/)
    await request.getByRole('button', { name: '应用:接待登记' }).click()
    await expect.poll(() => row(ref).locator('td').last().textContent()).toMatch(/^已应用 · admin · \d{4}-\d\d-\d\d \d\d:\d\d$/)

    // The applied request is the site's now: the replacement tablet finds it; the rename never happened.
    await replacement.goto(`${h.server.url}/register?queue=all`)
    await expect.poll(() => replacement.locator(`[data-ref="${ref}"]`).count(), { timeout: 20_000 }).toBe(1)
    await replacement.goto(`${h.server.url}/settings`)
    await expect.poll(() => replacement.getByTestId('settings-departments').locator('[data-row]').allTextContents()).toEqual(['工程部', '环境部', '绿化部', '园林部', '秩序部', '财务部已停用'])

    // Issue 12 point 7: the site's data to take away. Masked phones unless ticked (with a plain warning);
    // the export is listed; a masked archive cannot be imported, and the console says why.
    const exportSection = admin.getByTestId('console-site-export')
    await exportSection.waitFor()
    await expect.poll(() => exportSection.textContent()).toContain('还没有导出过')
    const phones = exportSection.getByLabel('包含业主电话(完整号码)')
    expect(await phones.isChecked()).toBe(false)
    const download = admin.waitForEvent('download')
    await exportSection.getByRole('button', { name: '导出 JSON 数据包' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^翠苑小区-数据导出-\d{4}-\d\d-\d\d\.json$/)
    const masked = await file.path()
    const archive = JSON.parse(fs.readFileSync(masked, 'utf8')) as { manifest: { phones: boolean; tables: Record<string, { count: number }> }; tables: Record<string, { data: { ref?: string; phone?: string } }[]> }
    expect(archive.manifest.phones).toBe(false)
    expect(archive.tables.receptions!.find((r) => r.data.ref === ref)!.data.phone).toBe('138****5678')
    await expect.poll(() => exportSection.getByTestId('console-exports').locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\dadminJSON 数据包已打码$/)])
    await phones.check()
    await expect.poll(() => exportSection.getByRole('alert').textContent()).toContain('完整电话号码')
    await expectAccessible(admin, 'console: site export')
    for (const control of await exportSection.locator('button, label').all()) expect((await control.boundingBox())!.height, await control.textContent() ?? '').toBeGreaterThanOrEqual(44)
    await admin.screenshot({ path: path.join(os.tmpdir(), 'console-site-export.png'), fullPage: true })

    const importSection = admin.getByTestId('console-site-import')
    await importSection.getByLabel('选择 JSON 数据包').setInputFiles(masked)
    await expect.poll(() => importSection.locator('.site-import__pick').textContent()).toContain(path.basename(masked))
    await admin.screenshot({ path: path.join(os.tmpdir(), 'console-site-import.png'), fullPage: true })
    await importSection.getByRole('button', { name: '导入' }).click()
    await expect.poll(() => importSection.getByRole('alert').textContent()).toContain('业主电话已打码')

    // A second browser is logged out; the password is asked for.
    const other = await (await h.tablet()).newPage()
    await other.goto(`${h.server.url}/admin`)
    await other.getByTestId('console-login').waitFor()
    await other.getByLabel('用户名').fill('admin')
    await other.getByLabel('密码').fill('wrong-password-x')
    await other.getByRole('button', { name: '登录' }).click()
    await expect.poll(() => other.getByRole('alert').textContent()).toContain('用户名或密码不正确')
  })
})
