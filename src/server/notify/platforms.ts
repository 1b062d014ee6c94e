/**
 * The two group robots' send APIs (issue 15 point 2), as their documentation and their users' reports say
 * (docs/decisions.md, issue 15): WeCom's 群机器人 takes `POST /cgi-bin/webhook/send?key=KEY`, DingTalk's
 * 自定义机器人 `POST /robot/send?access_token=T&timestamp=MS&sign=S` with sign = Base64 of
 * HMAC-SHA256(secret, `${timestamp}\n${secret}`), URL-encoded once. Both answer `{ errcode, errmsg }`.
 *
 * Every answer is sorted into what the delivery does with it: sent; a configuration the platform refuses
 * (the channel is marked failing and backed off, never retried every minute); rate limited; or a failure
 * worth retrying. The secrets go only into the request's address — never into a log or a stored text
 * (`scrub`).
 */
import { createHmac } from 'node:crypto'

/** Where the platforms are reached: their public addresses, or a fake receiver in the tests. */
export interface PlatformUrls {
  wecom: string
  dingtalk: string
}

export const DEFAULT_PLATFORM_URLS: PlatformUrls = { wecom: 'https://qyapi.weixin.qq.com', dingtalk: 'https://oapi.dingtalk.com' }

export type ChannelSecrets = { kind: 'wecom'; key: string } | { kind: 'dingtalk'; token: string; secret: string }

export type Outcome = 'sent' | 'config' | 'rateLimited' | 'retry'

export interface PlatformAnswer {
  outcome: Outcome
  errcode: number | null
  errmsg: string
  /** What it means, in Chinese, for the console. */
  message: string
}

/** A message as both platforms take it: a title (DingTalk's list shows it) and markdown. */
export interface RobotMessage {
  title: string
  markdown: string
}

/** WeCom's markdown content is at most 4096 bytes of UTF-8, text 2048 (its documentation). */
export const WECOM_MARKDOWN_BYTES = 4096
/** DingTalk names no figure for markdown: the same bound keeps one rendering for both. */
export const MESSAGE_BYTES = 4000
const TIMEOUT_MS = 10_000

const WECOM_CODES: Record<number, [Outcome, string]> = {
  93000: ['config', '企业微信机器人的 key 无效:请在群机器人的详情里重新复制 Webhook 地址中 key= 后面的部分'],
  45009: ['rateLimited', '发送太频繁,企业微信暂时限流(每个机器人每分钟最多 20 条)'],
  40058: ['retry', '消息内容过长或格式不被企业微信接受'],
  [-1]: ['retry', '企业微信系统繁忙,稍后重试'],
}

const DINGTALK_CODES: Record<number, [Outcome, string]> = {
  310000: ['config', '钉钉安全设置校验未通过:加签密钥不对(应为机器人安全设置中以 SEC 开头的一串),或机器人还设置了关键词、IP 地址限制'],
  300001: ['config', '钉钉机器人的 access_token 不对:请重新复制 Webhook 地址中 access_token= 后面的部分'],
  410100: ['rateLimited', '发送太频繁,钉钉暂时限流(每个机器人每分钟最多 20 条)'],
  [-1]: ['retry', '钉钉系统繁忙,稍后重试'],
}

/** DingTalk's 加签: Base64 of HMAC-SHA256 keyed by the secret over `timestamp\nsecret` (URL-encoding is the query's). */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64')
}

/** `text` with every secret of the channel blotted out: platform answers and network errors are stored and shown. */
export function scrub(text: string, secrets: ChannelSecrets): string {
  const values = secrets.kind === 'wecom' ? [secrets.key] : [secrets.token, secrets.secret]
  return values.filter((v) => v.length >= 4).reduce((t, v) => t.split(v).join('****'), text)
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

function requestOf(urls: PlatformUrls, secrets: ChannelSecrets, message: RobotMessage, now: number): { url: string; body: unknown } {
  if (secrets.kind === 'wecom') {
    const url = new URL('/cgi-bin/webhook/send', urls.wecom)
    url.searchParams.set('key', secrets.key)
    return { url: url.toString(), body: { msgtype: 'markdown', markdown: { content: message.markdown } } }
  }
  const url = new URL('/robot/send', urls.dingtalk)
  url.searchParams.set('access_token', secrets.token)
  url.searchParams.set('timestamp', String(now))
  url.searchParams.set('sign', dingtalkSign(secrets.secret, now))
  return { url: url.toString(), body: { msgtype: 'markdown', markdown: { title: message.title, text: message.markdown } } }
}

function answerOf(kind: ChannelSecrets['kind'], errcode: number, errmsg: string): PlatformAnswer {
  if (errcode === 0) return { outcome: 'sent', errcode, errmsg, message: '发送成功' }
  const known = (kind === 'wecom' ? WECOM_CODES : DINGTALK_CODES)[errcode]
  const platform = kind === 'wecom' ? '企业微信' : '钉钉'
  const [outcome, message] = known ?? ['retry', `${platform}拒绝了这条消息(错误码 ${errcode})`]
  return { outcome, errcode, errmsg, message }
}

/**
 * Send one message. Never throws: the network, a timeout, an HTTP status or an answer that is not the
 * platform's JSON all come back as an answer with words.
 */
export async function sendToRobot(urls: PlatformUrls, secrets: ChannelSecrets, message: RobotMessage, now: number): Promise<PlatformAnswer> {
  if (bytes(message.markdown) > MESSAGE_BYTES) return { outcome: 'retry', errcode: null, errmsg: '', message: `消息超过 ${MESSAGE_BYTES} 字节` }
  const { url, body } = requestOf(urls, secrets, message, now)
  const platform = secrets.kind === 'wecom' ? '企业微信' : '钉钉'
  let res: Response
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS) })
  } catch (e) {
    const why = e instanceof Error && e.name === 'TimeoutError' ? '连接超时' : '无法连接'
    return { outcome: 'retry', errcode: null, errmsg: '', message: `${why}${platform}服务器,稍后重试(请检查服务器能否访问外网)` }
  }
  const raw = await res.text().catch(() => '')
  if (res.status === 404) return { outcome: 'config', errcode: null, errmsg: `HTTP 404`, message: `${platform}的接口地址不对(HTTP 404)` }
  if (!res.ok) return { outcome: 'retry', errcode: null, errmsg: `HTTP ${res.status}`, message: `${platform}服务器暂时出错(HTTP ${res.status}),稍后重试` }
  let parsed: { errcode?: unknown; errmsg?: unknown }
  try {
    parsed = JSON.parse(raw) as typeof parsed
  } catch {
    return { outcome: 'retry', errcode: null, errmsg: '', message: `${platform}的回答无法识别,稍后重试` }
  }
  if (typeof parsed.errcode !== 'number') return { outcome: 'retry', errcode: null, errmsg: '', message: `${platform}的回答无法识别,稍后重试` }
  const errmsg = scrub(typeof parsed.errmsg === 'string' ? parsed.errmsg.slice(0, 300) : '', secrets)
  return answerOf(secrets.kind, parsed.errcode, errmsg)
}
