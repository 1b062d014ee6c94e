import { startServer } from './tests/support/app-server'
import { launchBrowser } from './tests/support/browser'
import { firstRunSetup, loginAs } from './tests/support/journeys'

const server = await startServer()
const browser = await launchBrowser()
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
  const page = await context.newPage()
  await firstRunSetup(page, server.url, '翠苑小区', [
    { name: '王管理', role: 'administrator', pin: '2580' },
    { name: '李娜', role: 'assistant', pin: '1357' },
    { name: '王芳', role: 'assistant', pin: '2468' },
    { name: '陈主管', role: 'supervisor', pin: '3690' },
    { name: '孙经理', role: 'manager', pin: '4826' },
  ])
  await loginAs(page, '李娜', '1357')
  await page.waitForURL(/\/(today|handover)/)
  await page.getByRole('button', { name: '换人' }).click()
  await page.waitForURL(/\/login/)
  await loginAs(page, '陈主管', '3690')
  await page.waitForURL(/\/today$/)
  await page.goto(`${server.url}/inspection/new`)
  await page.getByTestId('inspection-form').waitFor()
  await page.getByTestId('inspected-desk').waitFor()
  await page.waitForTimeout(500)
  await page.screenshot({ path: '/tmp/shots-archive/inspection-who.png' })
  await page.getByTestId('inspected-show-others').click()
  await page.screenshot({ path: '/tmp/shots-archive/inspection-who-others.png' })
} finally {
  await browser.close()
  await server.stop()
}
