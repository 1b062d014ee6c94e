import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@client/locales/messages'

const zhCN = MESSAGES['zh-CN']
const en = MESSAGES.en

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()
}

function lookup(obj: object, key: string): string {
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string
}

describe('locales', () => {
  it('zh-CN and en have exactly the same keys, features included', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('every message has the same placeholders in both languages', () => {
    for (const key of keys(zhCN)) expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(zhCN, key)))
  })

  it('no message is empty', () => {
    for (const key of keys(zhCN)) {
      expect(lookup(zhCN, key).trim(), key).not.toBe('')
      expect(lookup(en, key).trim(), key).not.toBe('')
    }
  })
})
