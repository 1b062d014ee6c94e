/**
 * The text of a CSV file as Chinese offices make them: UTF-8 (with or without BOM, as WPS and
 * recent Excel save "CSV UTF-8"), GBK (what Excel for Chinese Windows saves as plain "CSV"), or
 * UTF-16 ("Unicode 文本"). GBK is tried only when the bytes are not valid UTF-8.
 */
export type TextEncodingName = 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be'

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' }
  try {
    // fatal: invalid UTF-8 throws instead of turning into U+FFFD; the BOM is dropped.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' }
  }
}

/** Text that is not a table: NUL bytes, or more than 1 % control characters or undecodable bytes. */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true
  const sample = text.slice(0, 20_000)
  let odd = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++
  }
  return odd > sample.length / 100
}

/** The field separator of a CSV: comma, tab (Unicode text) or semicolon, whichever the first line has most of. */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const end = text.search(/\r?\n/)
  const line = end < 0 ? text : text.slice(0, end)
  const count = (c: string): number => line.split(c).length - 1
  const [best] = ([',', '\t', ';'] as const).map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1])
  return best![1] > 0 ? best![0] : ','
}
