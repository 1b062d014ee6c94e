/** Checks of a screen's controls shared by the end-to-end tests (touch targets, names). */
import type { Page } from 'playwright-core'

/** Every visible control on the page that is smaller than 44 × 44 px, or has no accessible name. */
export async function controlProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const controls = document.querySelectorAll<HTMLElement>('button, a[href], input:not([type="hidden"]), select, textarea, [role="button"]')
    for (const el of controls) {
      const r = el.getBoundingClientRect()
      if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue
      if (r.width <= 1 || r.height <= 1) continue // visually hidden (the skip link until focused, a file input behind its label)
      if (el.closest('.print-measure')) continue
      const name =
        el.getAttribute('aria-label') ||
        (el.getAttribute('aria-labelledby') && document.getElementById(el.getAttribute('aria-labelledby')!)?.textContent) ||
        (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent) ||
        el.closest('label')?.textContent ||
        el.textContent
      const what = `${el.tagName.toLowerCase()}[${(name ?? '').trim().slice(0, 20)}] ${Math.round(r.width)}×${Math.round(r.height)}`
      if (r.height < 44 || r.width < 44) out.push(`small: ${what}`)
      if (!name || !name.trim()) out.push(`unlabelled: ${what}`)
    }
    return out
  })
}
