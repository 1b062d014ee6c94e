import { describe, expect, it } from 'vitest'
import { MutationSchema, mutationLabel, type Mutation } from '@shared/sync/mutation'
import { formatHlc } from '@shared/sync/hlc'
import { newId } from '@shared/domain/ids'
import { isValid, problems } from '@shared/domain/validation'

const T = Date.UTC(2024, 4, 10, 2)

function makeMutation(overrides: Partial<Mutation> = {}): Mutation {
  const deviceId = newId()
  return {
    id: newId(),
    name: 'staff.put',
    version: 1,
    table: 'staff',
    recordId: newId(),
    fields: { name: '李娜', role: 'assistant' },
    hlc: formatHlc({ wall: T, counter: 0, node: deviceId }),
    staffId: newId(),
    deviceId,
    siteId: newId(),
    createdAt: T,
    ...overrides,
  }
}

describe('MutationSchema', () => {
  it.each<{ name: string; change: Partial<Mutation> }>([
    { name: 'a well-formed mutation', change: {} },
    { name: 'one made before anyone logged in (no staff)', change: { staffId: null } },
    { name: 'a camel-case name', change: { name: 'reception.handToDepartment' } },
    { name: 'the highest version', change: { version: 1000 } },
    { name: 'no fields', change: { fields: {} } },
    { name: 'a 64-character node in the clock stamp', change: { hlc: formatHlc({ wall: T, counter: 3, node: 'n'.repeat(64) }) } },
  ])('accepts $name', ({ change }) => {
    expect(isValid(MutationSchema, makeMutation(change))).toBe(true)
  })

  it.each<{ name: string; change: Record<string, unknown>; path: string }>([
    { name: 'a name without an action', change: { name: 'staff' }, path: '/name' },
    { name: 'a name with a capital first letter', change: { name: 'Staff.put' }, path: '/name' },
    { name: 'a name with an action starting in capitals', change: { name: 'staff.Put' }, path: '/name' },
    { name: 'a name with three parts', change: { name: 'staff.put.now' }, path: '/name' },
    { name: 'a name with an underscore', change: { name: 'staff_put' }, path: '/name' },
    { name: 'a name with a digit', change: { name: 'staff.put2' }, path: '/name' },
    { name: 'a name with the version in it', change: { name: 'staff.put@1' }, path: '/name' },
    { name: 'a name over 60 characters', change: { name: `staff.${'p'.repeat(55)}` }, path: '/name' },
    { name: 'version 0', change: { version: 0 }, path: '/version' },
    { name: 'version 1001', change: { version: 1001 }, path: '/version' },
    { name: 'a fractional version', change: { version: 1.5 }, path: '/version' },
    { name: 'a version as text', change: { version: '1' }, path: '/version' },
    { name: 'a stamp that is not a clock', change: { hlc: 'yesterday' }, path: '/hlc' },
    { name: 'a stamp without padding', change: { hlc: `${T}:0:A` }, path: '/hlc' },
    { name: 'a stamp without a node', change: { hlc: `00${T}:00000:` }, path: '/hlc' },
    { name: 'a stamp with a node over 64 characters', change: { hlc: formatHlc({ wall: T, counter: 0, node: 'n'.repeat(65) }) }, path: '/hlc' },
    { name: 'an id that is a v4', change: { id: '9b2f6c1e-3d4a-4b5c-9d6e-7f8a9b0c1d2e' }, path: '/id' },
    { name: 'an empty table', change: { table: '' }, path: '/table' },
    { name: 'an empty record id', change: { recordId: '' }, path: '/recordId' },
    { name: 'fields that are not an object', change: { fields: 'name=李娜' }, path: '/fields' },
    { name: 'a missing device', change: { deviceId: undefined }, path: '/deviceId' },
    { name: 'a staff id that is not an id', change: { staffId: 'li-na' }, path: '/staffId' },
    { name: 'a negative creation time', change: { createdAt: -1 }, path: '/createdAt' },
  ])('refuses $name', ({ change, path }) => {
    const mutation = { ...makeMutation(), ...change }
    expect(isValid(MutationSchema, mutation)).toBe(false)
    expect(problems(MutationSchema, mutation).map((p) => p.path)).toEqual([path])
  })
})

describe('mutationLabel', () => {
  it.each([
    { name: 'staff.put', version: 1, label: 'staff.put@1' },
    { name: 'reception.handToDepartment', version: 12, label: 'reception.handToDepartment@12' },
  ])('labels $name version $version as $label', ({ name, version, label }) => {
    expect(mutationLabel({ name, version })).toBe(label)
  })

  it('labels a whole mutation by name and version only', () => {
    expect(mutationLabel(makeMutation({ name: 'settings.put', version: 3 }))).toBe('settings.put@3')
  })
})
