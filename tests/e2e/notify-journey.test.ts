/**
 * Issue 15 end to end: a request registered offline on the desk tablet two days ago by its clock reaches the
 * server when the tablet is back online; the server, on its own clock, finds it past 48 h and sends the
 * supervisors' WeCom group (a fake robot on 127.0.0.1) one message — the room and the matter, never the
 * owner's phone or full name — and the supervisor's today screen lists it under 通知.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HOUR } from '@shared/domain/time'
import { useE2eHarness } from '../support/e2e-harness'
import { fakeRobots, type FakeRobots } from '../support/fake-robots'
import { addStaff, code, enrolTablet, setUpServer } from '../support/enrolment'
import { loginAs } from '../support/journeys'

const KEY = 'e2e-supervisors-0001'

describe('escalations reach the supervisors’ WeCom group and the supervisor’s tablet', () => {
  let robots: FakeRobots
  beforeAll(async () => {
    robots = await fakeRobots()
    robots.wecomKeys.add(KEY)
  })
  afterAll(async () => robots?.close())
  const h = useE2eHarness({ env: () => ({ WECOM_API_URL: robots.url, APP_URL: 'https://deskbook.example.com' }) })

  it('registered offline 49 hours ago, synced: one message to the group, listed for the supervisor', async () => {
    const c = await setUpServer(h.server)
    const channel = await fetch(`${h.server.url}/api/admin/sites/${c.siteId}/notify-channels`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
      body: JSON.stringify({ kind: 'wecom', name: '客服主管群', key: KEY, rules: ['requestToSupervisor'], levels: ['supervisor'], quietStart: '', quietEnd: '', digestAt: '', enabled: true }),
    })
    expect(channel.status, await channel.clone().text()).toBe(200)

    const context = await h.tablet()
    const desk = await enrolTablet(context, h.server.url, await code(h.server.url, c), '前台平板', new Date(Date.now() - 49 * HOUR))
    await desk.goto(`${h.server.url}/settings`)
    await addStaff(desk, '赵主管', '4826', 'supervisor')
    await expect.poll(() => desk.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toContain('已全部同步')
    // Within the app, as a clerk does (a full page load here could still be settling as she types).
    await desk.getByRole('link', { name: '接待登记' }).click()
    await desk.getByText('登记新来访').click()
    await desk.waitForURL(/\/register\/new$/)
    await desk.getByLabel('事由').waitFor()
    await context.setOffline(true)
    await desk.getByLabel('房号').fill('5-1-602')
    await desk.getByLabel('业主姓名').fill('赵磊')
    await desk.getByLabel('联系电话').fill('139 0013 9000')
    await desk.getByLabel('事由').fill('赵磊业主反映地下车库漏水')
    await desk.getByRole('button', { name: '登记', exact: true }).click()
    await desk.waitForURL(/\/register\/[0-9a-f-]{36}$/)
    expect(robots.requests).toBe(0)

    // Two days on, back online: the request goes up and the server finds it past 48 h.
    await desk.clock.setSystemTime(new Date())
    await context.setOffline(false)
    await expect.poll(() => robots.received.length, { timeout: 30_000 }).toBe(1)
    const [message] = robots.received
    expect(message!.robot).toBe(KEY)
    expect(message!.text).toContain('5-1-602')
    expect(message!.text).toContain('地下车库漏水')
    expect(message!.text).toContain('https://deskbook.example.com/register/')
    expect(message!.text).not.toMatch(/赵磊|139\s?0013|13900139000/)
    expect(robots.problems).toEqual([])

    await desk.getByRole('button', { name: '换人' }).click()
    await loginAs(desk, '赵主管', '4826')
    await desk.waitForURL(/\/today$/)
    await expect
      .poll(
        async () => {
          await desk.goto(`${h.server.url}/settings`)
          await desk.getByRole('button', { name: '立即同步' }).click()
          await desk.goto(`${h.server.url}/today`)
          return (await desk.getByTestId('today-notices').textContent({ timeout: 3_000 }).catch(() => '')) ?? ''
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toContain('登记超过时限未完成,转客服主管')
    expect(await desk.getByTestId('today-notices').textContent()).toContain('5-1-602')
    // Still one message: the rules ran again (every minute and after each push) without sending it twice.
    expect(robots.received).toHaveLength(1)
  })
})
