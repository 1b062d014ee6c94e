/**
 * A realistic register for the register benchmark (issue 4 point 6): requests over three years at
 * one site of 40 buildings, their timelines, and the index rows `indexRow` derives from them.
 * Deterministic (seeded), so every run searches the same data. Pure: runs in the bench page.
 */
import type { Category, Channel, Reception, Urgency } from '@shared/domain/reception'
import type { EventType, ReceptionEvent } from '@shared/domain/reception-event'
import { formatReference } from '@client/db/register/reference'
import { indexRow, type ReceptionIndexRow } from '@client/db/register/index-row'
import { factsRow, type RequestFactsRow } from '@client/db/register/facts-row'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** The local date in Asia/Shanghai (UTC+8 all year): dayjs's zone lookup per row would double the seeding time. */
function shanghaiDate(at: number): string {
  return new Date(at + 8 * HOUR).toISOString().slice(0, 10)
}

/** mulberry32: small, fast, good enough for test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国志红梅海波宁飞斌凤云晨欣怡子涵浩然雨轩梓萱俊杰思远嘉怡文博佳琪宇航'
const MATTERS: readonly [Category, readonly string[]][] = [
  ['repair', ['厨房水龙头漏水', '卫生间下水道堵塞', '楼道灯不亮', '电梯异响', '门禁卡失灵', '入户门锁坏了', '阳台顶棚渗水', '空调冷凝水管滴水', '燃气表显示异常', '地漏返味', '窗户关不严漏风', '天花板墙皮脱落']],
  ['complaint', ['楼上装修噪音扰民', '楼道堆放杂物', '停车位被占用', '宠物狗夜间吠叫', '保洁不及时垃圾未清运', '保安态度不好', '小区快递乱放', '绿化修剪不及时']],
  ['enquiry', ['咨询物业费缴纳方式', '咨询车位租赁', '咨询装修审批流程', '咨询水电费账单', '询问停水通知', '咨询门禁卡办理']],
  ['suggestion', ['建议增加儿童游乐设施', '建议增设充电桩', '建议延长泳池开放时间', '建议加强夜间巡逻']],
  ['praise', ['表扬维修师傅及时修好', '表扬保安拾金不昧', '表扬前台服务热情']],
  ['moveIn', ['办理入伙手续', '领取钥匙验房', '入伙资料补交']],
  ['renovation', ['办理装修申请', '装修押金退还', '装修垃圾清运预约', '装修延期申请']],
  ['service', ['预约家政保洁', '代收快递', '预约开锁服务', '借用工具']],
  ['other', ['拾到钥匙一串', '反映小区流浪猫', '其他事项']],
]
const WEIGHTS: Record<Category, number> = { repair: 40, complaint: 10, enquiry: 18, suggestion: 5, praise: 3, moveIn: 5, renovation: 8, service: 8, other: 3 }
const PLACES = ['', '', '', '1楼大堂', '地下车库', '北门', '南门', '电梯厅', '消防通道', '楼顶']

export interface SeedOptions {
  siteId: string
  n: number
  /** The newest request is just before this instant; the oldest about three years earlier. */
  now: number
  receivers: readonly string[]
  departments: readonly string[]
  seed?: number
}

export interface SeedBatch {
  receptions: Reception[]
  events: ReceptionEvent[]
  index: ReceptionIndexRow[]
  facts: RequestFactsRow[]
}

interface Household {
  room: string
  name: string
  phone: string
}

/** One household per flat: 40 buildings × 4 units × 33 floors × 4 flats ≈ 21,000 (12-3-1802). */
export function households(rand: () => number): Household[] {
  const out: Household[] = []
  const pick = (s: string): string => s[Math.floor(rand() * s.length)]!
  for (let b = 1; b <= 40; b++)
    for (let u = 1; u <= 4; u++)
      for (let f = 1; f <= 33; f++)
        for (let r = 1; r <= 4; r++) {
          const given = rand() < 0.5 ? pick(GIVEN) : pick(GIVEN) + pick(GIVEN)
          const phone = `1${'3456789'[Math.floor(rand() * 7)]}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`
          out.push({ room: `${b}-${u}-${f}${String(r).padStart(2, '0')}`, name: pick(SURNAMES) + given, phone })
        }
  return out
}

function category(rand: () => number): Category {
  let x = rand() * 100
  for (const [c, w] of Object.entries(WEIGHTS) as [Category, number][]) if ((x -= w) < 0) return c
  return 'other'
}

/** UUIDv7-shaped ids that sort by time, as the app's own ids do. */
function idAt(ms: number, n: number): string {
  const hex = ms.toString(16).padStart(12, '0')
  const tail = n.toString(16).padStart(15, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${tail.slice(0, 3)}-8${tail.slice(3, 6)}-${tail.slice(6, 15).padStart(12, '0')}`
}

/**
 * Requests `start` … `start + count - 1` of the register, oldest first, with their timelines: old ones
 * mostly resolved (a repair or complaint then visited), a few left open long enough to escalate,
 * recent ones still open or with a department; complaints mostly answered within the day.
 * `seqByDay` carries each day's last reference number from one batch to the next.
 */
export function seedBatch(o: SeedOptions, homes: readonly Household[], start: number, count: number, seqByDay: Map<string, number>): SeedBatch {
  const span = 3 * 365 * DAY
  const out: SeedBatch = { receptions: [], events: [], index: [], facts: [] }
  for (let i = start; i < Math.min(o.n, start + count); i++) {
    const rand = random((o.seed ?? 20_261_127) + i * 7919)
    const receivedAt = Math.round(o.now - span + (i / o.n) * span + rand() * 60_000)
    const home = homes[Math.floor(rand() * homes.length)]!
    const cat = category(rand)
    const texts = MATTERS.find(([c]) => c === cat)![1]
    const place = PLACES[Math.floor(rand() * PLACES.length)]!
    const receiverId = o.receivers[Math.floor(rand() * o.receivers.length)]!
    const day = shanghaiDate(receivedAt)
    const seq = (seqByDay.get(day) ?? 0) + 1
    seqByDay.set(day, seq)
    const id = idAt(receivedAt, i)
    const channel: Channel = (['visit', 'phone', 'phone', 'online', 'relayed'] as const)[Math.floor(rand() * 5)]!
    const urgency: Urgency = rand() < 0.05 ? 'emergency' : rand() < 0.15 ? 'urgent' : 'normal'
    const r: Reception = {
      id,
      siteId: o.siteId,
      ref: formatReference(day, 'A', seq),
      receivedAt,
      channel,
      receiverId,
      relayedBy: channel === 'relayed' ? '保安岗' : '',
      room: rand() < 0.97 ? home.room : '',
      roomId: null,
      customerId: null,
      customerName: home.name,
      honorific: 'none',
      phone: rand() < 0.9 ? home.phone : '',
      matter: place ? `${place}${texts[Math.floor(rand() * texts.length)]!}` : texts[Math.floor(rand() * texts.length)]!,
      category: cat,
      urgency,
      createdAt: receivedAt,
    }
    const age = o.now - receivedAt
    const events: ReceptionEvent[] = []
    let k = 0
    const add = (type: EventType, at: number, extra: Partial<ReceptionEvent> = {}): void => {
      events.push({
        id: idAt(at, o.n + i * 8 + k++),
        siteId: o.siteId,
        receptionId: id,
        type,
        at,
        staffId: receiverId,
        note: type === 'result' ? '已处理完毕' : type === 'answered' ? '已电话答复业主' : type === 'departmentDone' ? '部门已完成' : '',
        departmentId: null,
        assignee: '',
        satisfaction: type === 'returnVisit' ? 'satisfied' : null,
        level: null,
        correction: null,
        signatureId: null,
        createdAt: at,
        ...extra,
      })
    }
    // How far it got: recent requests are often still in hand; a few old ones were never resolved.
    const stuck = rand() < (age > 30 * DAY ? 0.004 : age > 2 * DAY ? 0.1 : 0.6)
    const handed = cat === 'repair' || cat === 'complaint' ? rand() < 0.7 : rand() < 0.15
    if (cat === 'complaint' && (!stuck || rand() < 0.7) && age > 2 * HOUR) add('answered', receivedAt + Math.round(rand() * 20 * HOUR))
    if (handed && age > HOUR) add('handedOver', receivedAt + HOUR, { departmentId: o.departments[Math.floor(rand() * o.departments.length)]! })
    if (!stuck && age > 6 * HOUR) {
      if (handed) add('departmentDone', receivedAt + 5 * HOUR)
      add('result', receivedAt + 6 * HOUR)
      if ((cat === 'repair' || cat === 'complaint') && (age > 3 * DAY || rand() < 0.3)) add('returnVisit', receivedAt + 2 * DAY)
    }
    out.receptions.push(r)
    out.events.push(...events.filter((e) => e.at < o.now))
    out.index.push(indexRow(r, events.filter((e) => e.at < o.now)))
    out.facts.push(factsRow(r, events.filter((e) => e.at < o.now)))
  }
  return out
}
