/**
 * A record the server refused (设置 → 服务器拒收的记录), in the clerk's words. The server's reason is a code —
 * `invalid: coverBusy, shiftStarted`, `notAllowed: …`, `wrongSite` — never shown as it is: each code the app
 * already explains (the roster's problem texts, `sync.rejections`) is said in words, any
 * other by its kind (规则, 岗位 …) or as a record the server did not take.
 */
type T = (key: string) => string
type Te = (key: string) => boolean

const GROUPS = ['sync.rejections', 'roster.problems']

export function rejectionWords(t: T, te: Te, reason: string): string {
  const colon = reason.indexOf(':')
  const head = (colon < 0 ? reason : reason.slice(0, colon)).trim()
  const codes = colon < 0 ? [head] : reason.slice(colon + 1).split(',').map((c) => c.trim())
  const known = [...new Set(codes.map((c) => (/^[a-zA-Z]+$/.test(c) ? GROUPS.map((g) => `${g}.${c}`).find(te) : undefined)).filter((k): k is string => !!k))]
  if (known.length) return known.map(t).join(' ')
  return t(te(`sync.rejections.${head}`) && /^[a-zA-Z]+$/.test(head) ? `sync.rejections.${head}` : 'sync.rejections.other')
}
