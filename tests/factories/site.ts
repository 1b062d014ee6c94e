import { newId } from '@shared/domain/ids'
import type { Staff } from '@shared/domain/staff'
import type { ShiftType } from '@shared/domain/shift-type'
import type { Actor } from '@client/db/write-records'

/** A stand-in verifier for tests that never check a PIN (hashing 210,000 rounds per row would slow them). */
export const TEST_VERIFIER = {
  algorithm: 'PBKDF2-SHA256' as const,
  iterations: 100_000,
  salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
  hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
}

export function makeActor(overrides: Partial<Actor> = {}): Actor {
  return { siteId: newId(), deviceId: newId(), staffId: newId(), ...overrides }
}

export function makeStaff(overrides: Partial<Staff> = {}): Staff {
  return {
    id: newId(),
    siteId: newId(),
    name: '李娜',
    role: 'assistant',
    departmentId: null,
    pin: TEST_VERIFIER,
    active: true,
    ...overrides,
  }
}

export function makeShiftType(overrides: Partial<ShiftType> = {}): ShiftType {
  return { id: newId(), siteId: newId(), code: '白', name: '白班', start: '08:00', end: '20:00', active: true, ...overrides }
}
