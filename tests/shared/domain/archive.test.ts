import { describe, expect, it } from 'vitest'
import { CustomerSchema, formatPhone, greeting, maskedName, maskPhone, normaliseRoomQuery, phoneKey, roomLabel, surname } from '@shared/domain/archive'
import type { Honorific } from '@shared/domain/reception'
import { problems } from '@shared/domain/validation'

describe('roomLabel', () => {
  it.each([
    { building: '3', unit: '2', number: '1101', label: '3-2-1101' },
    { building: '3栋', unit: '2单元', number: '1101室', label: '3-2-1101' },
    { building: '12号楼', unit: '', number: '301室', label: '12-301' },
    { building: 'A座', unit: '', number: '1201', label: 'A-1201' },
    { building: '5幢', unit: '1单元', number: '602号', label: '5-1-602' },
    { building: '8#', unit: '3', number: '101', label: '8-3-101' },
    { building: ' 3 栋 ', unit: ' 2 ', number: ' 1101 ', label: '3-2-1101' },
    { building: '商铺', unit: '', number: '12', label: '商铺-12' },
  ])('$building / $unit / $number → $label', ({ building, unit, number, label }) => {
    expect(roomLabel(building, unit, number)).toBe(label)
  })
})

describe('normaliseRoomQuery: however a room is typed, the label form', () => {
  it.each([
    { typed: '3栋2单元1101', label: '3-2-1101' },
    { typed: '3栋2单元1101室', label: '3-2-1101' },
    { typed: '3栋 2单元 1101', label: '3-2-1101' },
    { typed: '3号楼2单元1101', label: '3-2-1101' },
    { typed: '3-2-1101', label: '3-2-1101' },
    { typed: '3 2 1101', label: '3-2-1101' },
    { typed: '3  2   1101', label: '3-2-1101' },
    { typed: '3/2/1101', label: '3-2-1101' },
    { typed: '3--2--1101', label: '3-2-1101' },
    { typed: ' 3-2-1101 ', label: '3-2-1101' },
    { typed: 'A座1201', label: 'A-1201' },
    { typed: '12号楼301室', label: '12-301' },
    { typed: '5幢602号', label: '5-602' },
    { typed: '3-2', label: '3-2' },
    { typed: '1101', label: '1101' },
    { typed: '', label: '' },
  ])('$typed → $label', ({ typed, label }) => {
    expect(normaliseRoomQuery(typed)).toBe(label)
  })
})

describe('maskPhone (issue 4 point 5)', () => {
  it.each([
    { phone: '13812345678', masked: '138****5678' },
    { phone: '138-1234-5678', masked: '138****5678' },
    { phone: '+86 138 1234 5678', masked: '138****5678' },
    { phone: '0571-88886666', masked: '057****6666' },
    { phone: '88886666', masked: '88****66' },
    { phone: '8888666', masked: '88****66' },
    { phone: '12345', masked: '****' },
    { phone: '110', masked: '****' },
    { phone: '', masked: '' },
    // Reduced after its retention period already: kept, not cut further.
    { phone: '138****5678', masked: '138****5678' },
    { phone: '88****66', masked: '88****66' },
  ])('$phone → $masked', ({ phone, masked }) => {
    expect(maskPhone(phone)).toBe(masked)
    // Never more than 7 digits of the number shown.
    expect(masked.replace(/\D/g, '').length).toBeLessThanOrEqual(7)
  })
})

describe('phoneKey', () => {
  it.each([
    { phone: '138-1234-5678', key: '13812345678' },
    { phone: '138 1234 5678', key: '13812345678' },
    { phone: '+86 138 1234 5678', key: '8613812345678' },
    { phone: '0571-88886666转123', key: '057188886666123' },
    { phone: '', key: '' },
  ])('$phone → $key', ({ phone, key }) => {
    expect(phoneKey(phone)).toBe(key)
  })

  it('is what a customer stores: any way of typing a mobile number finds the same digits', () => {
    expect(problems(CustomerSchema.properties.phones.items, phoneKey('138-1234-5678'))).toEqual([])
  })
})

describe('formatPhone', () => {
  it.each([
    { digits: '13812345678', text: '138 1234 5678' },
    { digits: '057188886666', text: '0571-8888 6666' },
    { digits: '01088886666', text: '010-8888 6666' },
    { digits: '88886666', text: '88886666' },
    { digits: '8613812345678', text: '8613812345678' },
    { digits: '23812345678', text: '23812345678' },
    { digits: '', text: '' },
  ])('$digits → $text', ({ digits, text }) => {
    expect(formatPhone(digits)).toBe(text)
  })
})

describe('surname (篇1: 熟悉的客人,尽量称谓姓氏)', () => {
  it.each([
    { name: '王建国', surname: '王' },
    { name: '李娜', surname: '李' },
    { name: ' 张伟 ', surname: '张' },
    { name: '王', surname: '王' },
    { name: '欧阳娜娜', surname: '欧阳' },
    { name: '欧阳修', surname: '欧阳' },
    { name: '司马光', surname: '司马' },
    { name: '诸葛亮', surname: '诸葛' },
    { name: '上官婉儿', surname: '上官' },
    // A two-character name starting like a compound surname is surname + given name.
    { name: '欧阳', surname: '欧' },
    { name: '司马', surname: '司' },
    { name: 'John Smith', surname: '' },
    { name: 'Anna 李', surname: '' },
    { name: '', surname: '' },
    { name: '   ', surname: '' },
  ])('$name → $surname', ({ name, surname: s }) => {
    expect(surname(name)).toBe(s)
  })
})

describe('greeting', () => {
  it.each<{ name: string; honorific: Honorific; text: string }>([
    { name: '王建国', honorific: 'mr', text: '王先生,您好' },
    { name: '李娜', honorific: 'ms', text: '李女士,您好' },
    { name: '欧阳娜娜', honorific: 'ms', text: '欧阳女士,您好' },
    { name: '司马光', honorific: 'mr', text: '司马先生,您好' },
    { name: '', honorific: 'mr', text: '先生,您好' },
    { name: '', honorific: 'ms', text: '女士,您好' },
    { name: 'John Smith', honorific: 'mr', text: '先生,您好' },
    { name: '王建国', honorific: 'none', text: '您好' },
    { name: '', honorific: 'none', text: '您好' },
  ])('$name $honorific → $text', ({ name, honorific, text }) => {
    expect(greeting(name, honorific)).toBe(text)
  })
})


describe('maskedName', () => {
  it.each<[string, string, Honorific | undefined, string]>([
    ['surname and honorific', '陈丽', 'ms', '陈女士'],
    ['a man', '王建国', 'mr', '王先生'],
    ['a compound surname', '欧阳明', 'mr', '欧阳先生'],
    ['no honorific', '陈丽', 'none', '陈某'],
    ['honorific unknown', '陈丽', undefined, '陈某'],
    ['only an honorific', '', 'ms', ''],
    ['a name in Latin letters', 'john smith', 'mr', '先生'],
    ['a name in Latin letters without honorific', 'john smith', 'none', 'J.'],
    ['spaces only', '  ', 'mr', ''],
  ])('%s: %s → %s', (_what, name, honorific, masked) => {
    expect(maskedName(name, honorific)).toBe(masked)
  })
})
