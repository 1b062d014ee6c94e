/**
 * Requests and timeline events for the register print and export tests, and the translator the
 * pure builders take, reading the real zh-CN texts of `registerPrint`.
 */
import type { Reception } from '@shared/domain/reception'
import type { EventType, ReceptionEvent } from '@shared/domain/reception-event'
import type { RegisterContext } from '@client/features/register/rows/register-rows'
import type { Translate } from '@client/locales/translate'
import zhCN from '@client/features/register/locales/zh-CN.json'
import en from '@client/features/register/locales/en.json'

export const SITE = '01930000-0000-7000-8000-000000000001'
export const CLERK = '01930000-0000-7000-8000-0000000000a1'
export const SUPERVISOR = '01930000-0000-7000-8000-0000000000a2'
export const MANAGER = '01930000-0000-7000-8000-0000000000a3'
export const ENGINEERING = '01930000-0000-7000-8000-0000000000d1'
/** 2026-11-16 10:00 in Shanghai (a Monday). */
export const T0 = Date.UTC(2026, 10, 16, 2)

let counter = 0
/** Ids that sort in the order they are made, as UUIDv7 ids do. */
export function nextId(): string {
  return `01930000-0000-7000-8000-${String(++counter).padStart(12, '0')}`
}

export function makeReception(overrides: Partial<Reception> = {}): Reception {
  return {
    id: nextId(),
    siteId: SITE,
    ref: '20261116-A001',
    receivedAt: T0,
    channel: 'phone',
    receiverId: CLERK,
    relayedBy: '',
    room: '3-2-1101',
    roomId: null,
    customerId: null,
    customerName: '王建国',
    honorific: 'mr',
    phone: '13812345678',
    matter: '厨房水龙头漏水',
    category: 'repair',
    urgency: 'normal',
    createdAt: T0,
    ...overrides,
  }
}

export function makeEvent(reception: Pick<Reception, 'id' | 'siteId'>, type: EventType, at: number, overrides: Partial<ReceptionEvent> = {}): ReceptionEvent {
  return {
    id: nextId(),
    siteId: reception.siteId,
    receptionId: reception.id,
    type,
    at,
    staffId: CLERK,
    note: '',
    departmentId: null,
    assignee: '',
    satisfaction: null,
    level: null,
    correction: null,
    signatureId: null,
    createdAt: at,
    ...overrides,
  }
}

function translator(messages: Record<string, unknown>): Translate {
  return (key, params = {}) => {
    const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages)
    if (typeof text !== 'string') throw new Error(`no text for registerPrint.${key}`)
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
  }
}

/** The zh-CN texts of `registerPrint`, as vue-i18n would give them. */
export const zhText: Translate = translator(zhCN.registerPrint as Record<string, unknown>)
export const enText: Translate = translator(en.registerPrint as Record<string, unknown>)

export const STAFF_NAMES = new Map([
  [CLERK, '李娜'],
  [SUPERVISOR, '张主管'],
  [MANAGER, '赵经理'],
])
export const DEPARTMENT_NAMES = new Map([[ENGINEERING, '工程部']])

export function makeContext(overrides: Partial<RegisterContext> = {}): RegisterContext {
  return { timezone: 'Asia/Shanghai', fullPhones: true, staffNames: STAFF_NAMES, departmentNames: DEPARTMENT_NAMES, complaintDeadlineHours: 24, t: zhText, ...overrides }
}
