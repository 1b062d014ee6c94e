/**
 * Desk steps shared by the end-to-end journeys: switching who is at the tablet, choosing a duty-log
 * entry's source, signing and walking a handover (篇2 4.3).
 */
import { expect } from 'vitest'
import type { Page } from 'playwright-core'
import { loginAs } from './journeys'
import { expectAccessible } from './axe'

/** Draw a signature on the signer's pad, confirm it with the PIN (篇2 4.3.4). */
export async function sign(page: Page, signer: 'outgoing' | 'incoming', pin: string): Promise<void> {
  const card = page.locator(`[data-signer="${signer}"]`)
  const box = (await card.locator('canvas').boundingBox())!
  await page.mouse.move(box.x + 30, box.y + 60)
  await page.mouse.down()
  for (let i = 1; i <= 16; i++) await page.mouse.move(box.x + 30 + i * 14, box.y + 60 + (i % 2 ? 28 : -18))
  await page.mouse.up()
  await card.locator(`[name="pin-${signer}"]`).fill(pin)
  await card.getByRole('button', { name: '确认签名' }).click()
  await expect.poll(() => card.textContent()).toContain('已签名')
}

/** The entry's source (来源): the form assumes none (issue 10 point 15). */
export async function source(page: Page, label: string): Promise<void> {
  await page.getByTestId('duty-entry-form').getByText(label, { exact: true }).click()
}

export async function switchTo(page: Page, name: string, pin: string): Promise<void> {
  if (!/\/login/.test(page.url())) await page.getByRole('button', { name: '换人' }).click()
  await page.waitForURL(/\/login/)
  // The lock screen offers the person who was logged in first; wait until either screen is there.
  const back = page.getByRole('button', { name: '选择其他人' })
  await back.or(page.getByRole('button', { name: new RegExp(`^${name}`) })).first().waitFor()
  if (await back.isVisible()) await back.click()
  await loginAs(page, name, pin)
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

/** The incoming clerk walks the handover: every pending item acknowledged, the desk checked, one count off with its note, both sign. */
export async function walkHandover(page: Page, explanations: Record<string, string>, mismatch: { item: string; counted: string; note: string }, pins: { outgoing: string; incoming: string }): Promise<void> {
  // A handover begun before (a restored draft) shows its arrival time instead of the start button.
  const start = page.getByRole('button', { name: '开始交接(记录到岗时间)' })
  await start.or(page.getByText(/^到岗时间/)).first().waitFor()
  if (await start.isVisible()) await start.click()
  await expectAccessible(page, 'handover: pending items')
  const pending = page.locator('[data-item]')
  for (const li of await pending.all()) {
    const acknowledge = li.getByRole('button', { name: '确认接收' })
    if (!(await acknowledge.count())) continue // acknowledged before (a restored draft)
    const text = (await li.textContent())!
    const key = Object.keys(explanations).find((k) => text.includes(k))
    if (key) await li.locator('input').fill(explanations[key]!)
    await acknowledge.click()
  }
  await page.getByRole('button', { name: '下一步' }).click()
  await page.getByTestId('handover-checks').waitFor()
  await expectAccessible(page, 'handover: desk checks')
  for (const ok of await page.getByTestId('handover-checks').getByLabel('符合', { exact: true }).all()) await ok.check()
  await page.getByRole('button', { name: '下一步' }).click()
  await page.locator('[data-count]').first().waitFor()
  await expectAccessible(page, 'handover: counts')
  for (const row of await page.locator('[data-count]').all()) {
    const name = (await row.locator('th').textContent())!.trim()
    const expected = (await row.locator('td').first().textContent())!.trim()
    await row.locator('input[name^="count-"]').first().fill(name === mismatch.item ? mismatch.counted : expected)
    if (name === mismatch.item) await row.locator('input[name^="count-note-"]').fill(mismatch.note)
    const receipt = row.locator('input[name^="receipt-"]')
    if (await receipt.count()) await receipt.fill('A000101')
  }
  await page.getByRole('button', { name: '下一步' }).click()
  await page.locator('[data-signer="outgoing"]').waitFor()
  await expectAccessible(page, 'handover: signatures')
  await sign(page, 'outgoing', pins.outgoing)
  await sign(page, 'incoming', pins.incoming)
  await page.getByRole('button', { name: '完成交接' }).click()
}
