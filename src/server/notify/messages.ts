/**
 * The texts the robots post (issue 15 point 3): the site's name, the room, a short matter, how long past its
 * time and a link into the app — never an owner's phone or full name. Each event's words are cleaned of
 * phone numbers (masked as the retention rule does), and a message whose words still hold one is refused
 * (`guardedMessage`) rather than sent.
 */
import { holdsPhone } from '@shared/domain/access-trail'
import type { NotificationEvent, NotifyLevel, NotifyRule } from '@shared/domain/notification'
import { textWithoutPhones } from '@shared/domain/retention'
import { formatDateTime, HOUR, MINUTE, DAY } from '@shared/domain/time'
import { MESSAGE_BYTES, type RobotMessage } from './platforms'

export const RULE_TITLES: Record<NotifyRule, string> = {
  // The site sets its own limits (48 h, 7 days and 24 h by the regulations): the titles name none.
  requestToSupervisor: '接待事项超过时限未办结,转客服主管',
  requestToManager: '接待事项超过时限未办结,转经理',
  complaintDueSoon: '投诉距答复时限不足 2 小时',
  complaintOverdue: '投诉超过答复时限未答复',
  dutyMatterReported: '值班事项已上报',
  handoverLate: '交接班超时未完成',
  noShow: '排班人员未到岗',
  reviewOverdue: '审核未按时完成',
  rosterNotSubmitted: '下月排班未按时提交',
}

export const LEVEL_WORDS: Record<NotifyLevel, string> = { administrator: '客服管理员', supervisor: '客服主管', manager: '物业服务中心经理' }

export interface SiteOfMessage {
  name: string
  timezone: string
}

/** An event with every phone in its words masked: what is stored and what is rendered. */
export function cleanEvent(event: NotificationEvent): NotificationEvent {
  return { ...event, room: textWithoutPhones(event.room), summary: textWithoutPhones(event.summary) }
}

/** 2 天 3 小时 / 5 小时 10 分 / 12 分 — how long past its time. */
export function ageWords(ms: number): string {
  const past = Math.max(0, ms)
  const days = Math.floor(past / DAY)
  const hours = Math.floor((past % DAY) / HOUR)
  const minutes = Math.floor((past % HOUR) / MINUTE)
  if (days > 0) return `${days} 天 ${hours} 小时`
  if (hours > 0) return `${hours} 小时 ${minutes} 分`
  return `${minutes} 分`
}

/** Markdown's own characters in a clerk's words would change the message's shape. */
const plain = (s: string): string => s.replace(/[*_`[\]<>#]/g, ' ').replace(/\s+/g, ' ').trim()

const linkOf = (appUrl: string, event: NotificationEvent): string => (appUrl && event.link ? `${appUrl.replace(/\/+$/, '')}${event.link}` : '')

function eventLines(event: NotificationEvent, site: SiteOfMessage, now: number): string[] {
  const e = cleanEvent(event)
  return [
    `> 房号:${plain(e.room) || '—'}`,
    `> 事项:${plain(e.summary) || '—'}`,
    `> 时限:${formatDateTime(e.dueAt, site.timezone)}(已过 ${ageWords(now - e.dueAt)})`,
    `> 通知:${LEVEL_WORDS[e.level]}`,
  ]
}

/** One event's message. */
export function eventMessage(event: NotificationEvent, site: SiteOfMessage, appUrl: string, now: number): RobotMessage {
  const title = `【${RULE_TITLES[event.rule]}】${plain(site.name)}`
  const link = linkOf(appUrl, event)
  return { title, markdown: [`**${title}**`, ...eventLines(event, site, now), ...(link ? [`[打开查看](${link})`] : [])].join('\n') }
}

/**
 * Many events in one message (a burst folded under the robots' 20 a minute, the day's digest): one line
 * each while they fit in the platform's size, then how many more.
 */
export function digestMessage(heading: string, events: readonly NotificationEvent[], site: SiteOfMessage, appUrl: string, now: number): RobotMessage {
  const title = `【${heading}】${plain(site.name)} 共 ${events.length} 条`
  const lines = [`**${title}**`]
  const room = MESSAGE_BYTES - 200
  let shown = 0
  for (const event of events) {
    const e = cleanEvent(event)
    const link = linkOf(appUrl, e)
    const text = `- ${RULE_TITLES[e.rule]} · ${plain(e.room) || '—'} · ${plain(e.summary) || '—'} · 已过 ${ageWords(now - e.dueAt)}${link ? ` [查看](${link})` : ''}`
    if (Buffer.byteLength([...lines, text].join('\n'), 'utf8') > room) break
    lines.push(text)
    shown++
  }
  if (shown < events.length) lines.push(`…另有 ${events.length - shown} 条,请在平板上查看`)
  return { title, markdown: lines.join('\n') }
}

/** The message's words without its links (ids in an address are not phones), checked for a phone. */
export const holdsPhoneInWords = (message: RobotMessage): boolean => holdsPhone(message.markdown.replace(/\]\([^)]*\)/g, ']'))

/** The message, or null when its words hold a phone number: refused, never sent. */
export function guardedMessage(message: RobotMessage): RobotMessage | null {
  return holdsPhoneInWords(message) || holdsPhone(message.title) ? null : message
}
