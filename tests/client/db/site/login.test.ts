import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../../factories/db'
import { makeStaff } from '../../../factories/site'
import { loginWithPin } from '@client/db/site/login'
import { hashPin, type PinVerifier } from '@shared/domain/pin'
import type { DeskbookDb } from '@client/db/database'

let verifier: PinVerifier
beforeAll(async () => {
  verifier = await hashPin('2580', 100_000)
})

let db: DeskbookDb
afterEach(async () => {
  db?.close()
  await db?.delete()
})

describe('loginWithPin', () => {
  it('lets the right PIN in and returns the staff member without the verifier', async () => {
    db = freshDb()
    const staff = makeStaff({ pin: verifier })
    await db.staff.add(staff)
    const result = await loginWithPin(db, staff.id, '2580', 1000)
    expect(result).toEqual({ ok: true, staff: expect.objectContaining({ id: staff.id, name: staff.name }) })
    expect(result.ok && 'pin' in result.staff).toBe(false)
  })

  it('counts wrong PINs, then makes the tablet wait, and remembers across calls (a reload)', async () => {
    db = freshDb()
    const staff = makeStaff({ pin: verifier })
    await db.staff.add(staff)
    const t0 = 1_000_000
    const lefts: number[] = []
    for (let i = 0; i < 4; i++) {
      const r = await loginWithPin(db, staff.id, '0000', t0)
      if (r.ok || r.reason !== 'wrongPin') throw new Error(`unexpected ${JSON.stringify(r)}`)
      lefts.push(r.attemptsLeft)
    }
    // The pad said "还可以再试 1 次": the 5th wrong PIN is the last, and starts the wait.
    expect(lefts).toEqual([4, 3, 2, 1])
    expect(await loginWithPin(db, staff.id, '0000', t0)).toEqual({ ok: false, reason: 'throttled', waitMs: 30_000 })
    // Even the right PIN waits while throttled.
    expect(await loginWithPin(db, staff.id, '2580', t0 + 29_999)).toEqual({ ok: false, reason: 'throttled', waitMs: 1 })
    const after = await loginWithPin(db, staff.id, '2580', t0 + 30_000)
    expect(after.ok).toBe(true)
    expect(await db.loginThrottle.get(staff.id)).toEqual({ staffId: staff.id, failures: 0, lockedUntil: 0 })
  })

  it.each([
    { wrong: 0, rightPin: 'logs in' },
    { wrong: 3, rightPin: 'logs in' },
    { wrong: 4, rightPin: 'logs in' },
    { wrong: 5, rightPin: 'waits 30 s' },
    { wrong: 6, rightPin: 'waits 60 s' },
  ])('after $wrong wrong PINs (each after the last wait), the right PIN $rightPin', async ({ wrong, rightPin }) => {
    db = freshDb()
    const staff = makeStaff({ pin: verifier })
    await db.staff.add(staff)
    let now = 1_000_000
    for (let i = 0; i < wrong; i++) {
      const r = await loginWithPin(db, staff.id, '0000', now)
      expect(r.ok).toBe(false)
      if (!r.ok && r.reason === 'throttled' && i < wrong - 1) now += r.waitMs
    }
    const r = await loginWithPin(db, staff.id, '2580', now)
    if (rightPin === 'logs in') expect(r.ok).toBe(true)
    else expect(r).toEqual({ ok: false, reason: 'throttled', waitMs: rightPin === 'waits 30 s' ? 30_000 : 60_000 })
  })

  it('refuses a deactivated staff member and an unknown one', async () => {
    db = freshDb()
    const staff = makeStaff({ pin: verifier, active: false })
    await db.staff.add(staff)
    expect(await loginWithPin(db, staff.id, '2580')).toEqual({ ok: false, reason: 'inactive' })
    expect(await loginWithPin(db, 'nobody', '2580')).toEqual({ ok: false, reason: 'unknownStaff' })
  })
})
