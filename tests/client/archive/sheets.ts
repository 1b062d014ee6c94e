/** Spreadsheets for the import tests, made with exceljs as a site's office would save them. */
import ExcelJS from 'exceljs'

export type Cell = string | number | Date | null | { formula: string; result: string | number }

/** An XLSX workbook's bytes: one sheet of `rows` (optionally after an empty first sheet). */
export async function xlsxBytes(rows: Cell[][], options: { emptyFirstSheet?: boolean; merge?: string[] } = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  if (options.emptyFirstSheet) book.addWorksheet('封面')
  const sheet = book.addWorksheet('业主信息')
  for (const row of rows) sheet.addRow(row)
  for (const range of options.merge ?? []) sheet.mergeCells(range)
  return new Uint8Array(await book.xlsx.writeBuffer())
}

/** CSV text from rows (quoted where needed). */
export function csvText(rows: (string | number)[][], delimiter = ','): string {
  const quote = (v: string | number): string => (/[",\n\t]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))
  return rows.map((r) => r.map(quote).join(delimiter)).join('\r\n') + '\r\n'
}

export const utf8 = (text: string, bom = false): Uint8Array => new TextEncoder().encode((bom ? '\ufeff' : '') + text)

let gbkTable: Map<string, number[]> | null = null

/** GBK bytes of `text`, as Excel for Chinese Windows saves "CSV": a table built from the decoder itself. */
export function gbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map()
    const decoder = new TextDecoder('gbk')
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue
        const ch = decoder.decode(new Uint8Array([hi, lo]))
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo])
      }
    }
  }
  const out: number[] = []
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if (code < 0x80) out.push(code)
    else {
      const bytes = gbkTable.get(ch)
      if (!bytes) throw new Error(`no GBK bytes for ${ch}`)
      out.push(...bytes)
    }
  }
  return new Uint8Array(out)
}

export const utf16le = (text: string): Uint8Array => {
  const out = new Uint8Array(2 + text.length * 2)
  out.set([0xff, 0xfe])
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out[2 + i * 2] = c & 0xff
    out[3 + i * 2] = c >> 8
  }
  return out
}
