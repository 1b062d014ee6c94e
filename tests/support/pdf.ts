import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'

export interface PrintedPdf {
  /** pdftotext -layout output; pages separated by form feeds. */
  text: string
  /** Each page's text with all white space removed (pdftotext drops or adds spaces between CJK glyphs). */
  compactPages: string[]
  pages: number
  /** The first page's size in points (A4 portrait 595 × 842). */
  size: { w: number; h: number }
}

/** Print the page to an A4 PDF as Chromium's print dialog would, and return the PDF's text (pdftotext). */
export async function printToText(page: Page): Promise<PrintedPdf> {
  await page.waitForSelector('[data-print-ready="true"]')
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-pdf-'))
  const file = path.join(dir, 'out.pdf')
  fs.writeFileSync(file, pdf)
  // To look at the pages as pictures: PDF_LOOK_DIR=/tmp/x keeps each printed PDF there.
  if (process.env.PDF_LOOK_DIR) {
    fs.mkdirSync(process.env.PDF_LOOK_DIR, { recursive: true })
    fs.copyFileSync(file, path.join(process.env.PDF_LOOK_DIR, `${Date.now()}.pdf`))
  }
  try {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0)
    const compactPages = text.split('\f').filter((p) => p.trim()).map((p) => p.replace(/\s+/g, ''))
    const [, w = '0', h = '0'] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []
    return { text, compactPages, pages, size: { w: Number(w), h: Number(h) } }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
