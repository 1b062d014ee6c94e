import { describe, expect, it } from 'vitest'
import { CATEGORIES, PHONE_PATTERN, ReceptionSchema, customerNameWithHonorific, needsReturnVisit, receptionProblems, type Category, type Reception, type ReceptionProblem } from '@shared/domain/reception'
import { problems } from '@shared/domain/validation'
import { MINUTE } from '@shared/domain/time'

const NOW = Date.UTC(2026, 10, 27, 2)

const valid: Reception = {
  id: '01930000-0000-7000-8000-000000000001',
  siteId: '01930000-0000-7000-8000-000000000002',
  ref: '20261127-A001',
  receivedAt: NOW - 5 * MINUTE,
  channel: 'visit',
  receiverId: '01930000-0000-7000-8000-000000000003',
  relayedBy: '',
  room: '3-2-1101',
  roomId: null,
  customerId: null,
  customerName: '王建国',
  honorific: 'mr',
  phone: '13812345678',
  matter: '厨房水管漏水',
  category: 'repair',
  urgency: 'urgent',
  createdAt: NOW,
}

describe('receptionProblems', () => {
  it.each<{ name: string; change: Partial<Reception>; found: ReceptionProblem[] }>([
    { name: 'a complete request', change: {}, found: [] },
    { name: 'no matter', change: { matter: '' }, found: ['matterRequired'] },
    { name: 'a matter of spaces only', change: { matter: '  \n ' }, found: ['matterRequired'] },
    { name: 'relayed without saying by whom', change: { channel: 'relayed', relayedBy: '' }, found: ['relayedByRequired'] },
    { name: 'relayed by spaces', change: { channel: 'relayed', relayedBy: '   ' }, found: ['relayedByRequired'] },
    { name: 'relayed by the security post', change: { channel: 'relayed', relayedBy: '秩序部岗亭' }, found: [] },
    { name: 'a phone call needs no relayedBy', change: { channel: 'phone', relayedBy: '' }, found: [] },
    { name: 'nobody to answer: no room, name or phone', change: { room: '', customerName: '', phone: '' }, found: ['contactRequired'] },
    { name: 'nobody to answer: spaces only', change: { room: ' ', customerName: ' ', phone: ' ' }, found: ['contactRequired'] },
    { name: 'a room is enough', change: { customerName: '', phone: '' }, found: [] },
    { name: 'a name is enough', change: { room: '', phone: '' }, found: [] },
    { name: 'a phone is enough', change: { room: '', customerName: '' }, found: [] },
    { name: 'received 59 minutes ahead (a clock slightly fast)', change: { receivedAt: NOW + 59 * MINUTE }, found: [] },
    { name: 'received exactly an hour ahead', change: { receivedAt: NOW + 60 * MINUTE }, found: [] },
    { name: 'received 61 minutes ahead (a typing mistake)', change: { receivedAt: NOW + 61 * MINUTE }, found: ['receivedInFuture'] },
    { name: 'received yesterday (entered late)', change: { receivedAt: NOW - 24 * 60 * MINUTE }, found: [] },
    {
      name: 'everything wrong at once',
      change: { matter: '', channel: 'relayed', relayedBy: '', phone: 'abc', receivedAt: NOW + 2 * 60 * MINUTE },
      found: ['matterRequired', 'relayedByRequired', 'phoneInvalid', 'receivedInFuture'],
    },
  ])('$name → $found', ({ change, found }) => {
    expect(receptionProblems({ ...valid, ...change }, NOW)).toEqual(found)
  })

  it.each([
    '13812345678',
    '138-1234-5678',
    '138 1234 5678',
    ' 13812345678 ',
    '0571-88886666',
    '057188886666',
    '0571 8888 6666',
    '0571-88886666转123',
    '0571-88886666 转 123',
    '0571-88886666#123',
    '0571-88886666ext.8',
    '+86 138 1234 5678',
    '+8613812345678',
    '+86-138-1234-5678',
    '88886666',
    '12345',
  ])('accepts the phone %s', (phone) => {
    expect(receptionProblems({ ...valid, phone }, NOW)).toEqual([])
  })

  it.each([
    'abc',
    '1234',
    '138-1234-567a',
    '138.1234.5678',
    '(0571)88886666',
    '+86+13812345678',
    '0571-88886666转',
    '0571-88886666转1234567',
    '转123',
    '123456789012345678901',
    '-----',
    '- - - - -',
    '12 - - - 34',
    '-----转12345',
    '13812345678 王先生',
  ])('refuses the phone %s', (phone) => {
    expect(receptionProblems({ ...valid, phone }, NOW)).toEqual(['phoneInvalid'])
  })

  it('PHONE_PATTERN is what the form checks', () => {
    expect(PHONE_PATTERN.test('0571-88886666转123')).toBe(true)
    expect(PHONE_PATTERN.test('-----')).toBe(false)
  })
})

describe('needsReturnVisit (篇3 五: 修缮后迅速回访)', () => {
  it.each(CATEGORIES.map((category) => ({ category, needs: category === 'repair' || category === 'complaint' })))('$category → $needs', ({ category, needs }) => {
    expect(needsReturnVisit(category as Category)).toBe(needs)
  })
})

describe('ReceptionSchema', () => {
  it('accepts a complete request', () => {
    expect(problems(ReceptionSchema, valid)).toEqual([])
  })

  it.each<{ name: string; change: Record<string, unknown>; path: string }>([
    { name: 'a lower-case device letter', change: { ref: '20261127-a001' }, path: '/ref' },
    { name: 'a short date', change: { ref: '2026112-A001' }, path: '/ref' },
    { name: 'a two-digit sequence', change: { ref: '20261127-A01' }, path: '/ref' },
    { name: 'three letters', change: { ref: '20261127-ABC001' }, path: '/ref' },
    { name: 'an empty matter', change: { matter: '' }, path: '/matter' },
    { name: 'an unknown channel', change: { channel: 'fax' }, path: '/channel' },
    { name: 'an unknown category', change: { category: 'urgent' }, path: '/category' },
    { name: 'an unknown urgency', change: { urgency: 'critical' }, path: '/urgency' },
    { name: 'an unknown honorific', change: { honorific: 'dr' }, path: '/honorific' },
    { name: 'a receivedAt as text', change: { receivedAt: '2026-11-27' }, path: '/receivedAt' },
    { name: 'a receiver that is not an id', change: { receiverId: 'lina' }, path: '/receiverId' },
    { name: 'a phone over 30 characters', change: { phone: '1'.repeat(31) }, path: '/phone' },
  ])('refuses $name', ({ change, path }) => {
    expect(problems(ReceptionSchema, { ...valid, ...change }).map((p) => p.path)).toContain(path)
  })

  it.each(['20261127-A001', '20261127-AB001', '20261127-A99999', '20261127-Z1234'])('accepts the reference %s', (ref) => {
    expect(problems(ReceptionSchema, { ...valid, ref })).toEqual([])
  })
})

describe('customerNameWithHonorific', () => {
  const zh = (key: string, { name }: { name: string }): string => (key === 'named.mr' ? `${name}先生` : `${name}女士`)
  it.each<[string, 'mr' | 'ms' | 'none', string]>([
    ['陈', 'ms', '陈女士'],
    [' 王建国 ', 'mr', '王建国先生'],
    ['', 'mr', '先生'],
    ['陈女士', 'ms', '陈女士'],
    ['张师傅', 'mr', '张师傅'],
    ['王建国', 'none', '王建国'],
    ['', 'none', ''],
  ])('%j + %s → %j', (name, honorific, shown) => {
    expect(customerNameWithHonorific(name, honorific, zh)).toBe(shown)
  })
})
