/**
 * What the console sends for a channel, checked in words (issue 15 point 5): a malformed key, token or
 * secret, an empty list of rules, half-set quiet hours — each a 400 with a Chinese message, never a
 * channel that then fails every minute. A whole webhook address pasted instead of its key is accepted and
 * the key taken from it. What the console reads back: the settings and the secrets' last four characters.
 */
import { minutesOfDay } from '@shared/domain/time'
import { NOTIFY_LEVELS, NOTIFY_RULES, type NotifyLevel, type NotifyRule } from '@shared/domain/notification'
import type { ChannelInput, ChannelView } from '@shared/sync/notify-api'
import { httpError } from '../http/http-error'
import type { ChannelRow, ChannelSettings } from '../repositories/notify-channels'
import type { ChannelSecrets } from './platforms'

const WECOM_KEY = /^[A-Za-z0-9-]{8,100}$/
const DINGTALK_TOKEN = /^[A-Za-z0-9]{16,128}$/
const DINGTALK_SECRET = /^SEC[A-Za-z0-9]{16,128}$/

const bad = (message: string): Error => httpError(400, 'BadRequest', message)

/** The value of `param` when `raw` is a whole address, else `raw` itself (trimmed). */
function fromAddress(raw: string, param: string): string {
  const value = raw.trim()
  if (!/^https?:\/\//i.test(value)) return value
  try {
    return new URL(value).searchParams.get(param) ?? ''
  } catch {
    return ''
  }
}

function secretsOf(input: ChannelInput, previous: ChannelSecrets | null): ChannelSecrets {
  const kept = previous?.kind === input.kind ? previous : null
  if (input.kind === 'wecom') {
    const key = input.key?.trim() ? fromAddress(input.key, 'key') : (kept?.kind === 'wecom' ? kept.key : '')
    if (!key) throw bad('请填写企业微信群机器人的 key(Webhook 地址中 key= 后面的部分)')
    if (!WECOM_KEY.test(key)) throw bad('企业微信机器人的 key 格式不对:应为 Webhook 地址中 key= 后面的一串字母、数字和短横线')
    return { kind: 'wecom', key }
  }
  const token = input.token?.trim() ? fromAddress(input.token, 'access_token') : (kept?.kind === 'dingtalk' ? kept.token : '')
  const secret = input.secret?.trim() ? input.secret.trim() : (kept?.kind === 'dingtalk' ? kept.secret : '')
  if (!token) throw bad('请填写钉钉机器人的 access_token(Webhook 地址中 access_token= 后面的部分)')
  if (!DINGTALK_TOKEN.test(token)) throw bad('钉钉机器人的 access_token 格式不对:应为 Webhook 地址中 access_token= 后面的一串字母和数字')
  if (!secret) throw bad('请填写钉钉机器人的加签密钥(安全设置 → 加签,以 SEC 开头)')
  if (!DINGTALK_SECRET.test(secret)) throw bad('钉钉加签密钥格式不对:应为机器人安全设置中以 SEC 开头的一串字母和数字')
  return { kind: 'dingtalk', token, secret }
}

function time(value: string, what: string): string | null {
  const v = value.trim()
  if (v === '') return null
  if (Number.isNaN(minutesOfDay(v))) throw bad(`${what}应为 时:分(如 22:00)`)
  return v
}

/** The settings to store, or a 400 in words. `previous`: the secrets kept when a field is left empty on an edit. */
export function channelSettings(input: ChannelInput, previous: ChannelSecrets | null): ChannelSettings {
  const name = input.name.trim()
  if (!name) throw bad('请填写渠道名称(如:客服主管群)')
  if (input.rules.length === 0) throw bad('请至少选择一种提醒')
  if (input.levels.length === 0) throw bad('请至少选择一个通知对象')
  const quietStart = time(input.quietStart, '免打扰开始时间')
  const quietEnd = time(input.quietEnd, '免打扰结束时间')
  if ((quietStart === null) !== (quietEnd === null)) throw bad('免打扰时段的开始和结束时间要都填或都不填')
  if (quietStart !== null && quietStart === quietEnd) throw bad('免打扰时段的开始和结束时间不能相同')
  return {
    name,
    secrets: JSON.stringify(secretsOf(input, previous)),
    rules: JSON.stringify(NOTIFY_RULES.filter((r) => input.rules.includes(r))),
    levels: JSON.stringify(NOTIFY_LEVELS.filter((l) => input.levels.includes(l))),
    quiet_start: quietStart,
    quiet_end: quietEnd,
    digest_at: time(input.digestAt, '每日汇总时间'),
    enabled: input.enabled ? 1 : 0,
  }
}

export const channelSecrets = (row: Pick<ChannelRow, 'secrets'>): ChannelSecrets => JSON.parse(row.secrets) as ChannelSecrets
export const channelRules = (row: Pick<ChannelRow, 'rules'>): NotifyRule[] => JSON.parse(row.rules) as NotifyRule[]
export const channelLevels = (row: Pick<ChannelRow, 'levels'>): NotifyLevel[] => JSON.parse(row.levels) as NotifyLevel[]

/** `••••a1b2`: enough to tell two keys apart, nothing to use. */
export const hint = (secret: string): string => `••••${secret.slice(-4)}`

export function channelView(row: ChannelRow, counts: { pending: number; dead: number }): ChannelView {
  const s = channelSecrets(row)
  return {
    id: row.id,
    siteId: row.site_id,
    kind: row.kind,
    name: row.name,
    hints: s.kind === 'wecom' ? { key: hint(s.key) } : { token: hint(s.token), secret: hint(s.secret) },
    rules: channelRules(row),
    levels: channelLevels(row),
    quietStart: row.quiet_start ?? '',
    quietEnd: row.quiet_end ?? '',
    digestAt: row.digest_at ?? '',
    enabled: row.enabled === 1,
    failing: row.failing,
    retryAt: row.failing ? Number(row.retry_at) : null,
    ...counts,
  }
}
