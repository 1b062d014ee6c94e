import { describe, expect, it } from 'vitest'
import { HLC_PATTERN, compareHlc, formatHlc, initialHlc, parseHlc, receive, tick, type Hlc } from '@shared/sync/hlc'

const T = Date.UTC(2024, 4, 10, 2) // 1715306400000
const MAX_COUNTER = 99_999

const hlc = (wall: number, counter: number, node = 'A'): Hlc => ({ wall, counter, node })

describe('initialHlc', () => {
  it('starts at wall 0, counter 0 on the given node', () => {
    expect(initialHlc('tablet-1')).toEqual({ wall: 0, counter: 0, node: 'tablet-1' })
  })
})

describe('tick', () => {
  it.each([
    { name: 'the wall moves forward to a later now, counter reset', clock: hlc(T, 3), now: T + 1, result: hlc(T + 1, 0) },
    { name: 'the first tick takes the wall from now', clock: initialHlc('A'), now: T, result: hlc(T, 0) },
    { name: 'the same now bumps the counter', clock: hlc(T, 3), now: T, result: hlc(T, 4) },
    { name: 'an earlier now (clock set back) bumps the counter, wall kept', clock: hlc(T, 3), now: T - 60_000, result: hlc(T, 4) },
    { name: 'a full counter moves the wall on by 1 ms', clock: hlc(T, MAX_COUNTER), now: T, result: hlc(T + 1, 0) },
    { name: 'a full counter with an earlier now moves the wall on by 1 ms', clock: hlc(T, MAX_COUNTER), now: T - 5, result: hlc(T + 1, 0) },
  ])('$name', ({ clock, now, result }) => {
    expect(tick(clock, now)).toEqual(result)
  })

  it('does not change the clock it is given', () => {
    const clock = hlc(T, 3)
    tick(clock, T)
    expect(clock).toEqual(hlc(T, 3))
  })

  it('never goes backwards whatever the wall clock says', () => {
    const nows = [T, T, T - 1000, T + 5, T + 5, T - 86_400_000, T + 6]
    let clock = initialHlc('A')
    let last = formatHlc(clock)
    for (const now of nows) {
      clock = tick(clock, now)
      const stamp = formatHlc(clock)
      expect(stamp > last, `${stamp} after ${last}`).toBe(true)
      last = stamp
    }
  })
})

describe('receive', () => {
  it.each([
    { name: 'remote ahead: remote wall, remote counter + 1', local: hlc(T, 5), remote: hlc(T + 1000, 3, 'B'), now: T + 500, result: hlc(T + 1000, 4) },
    { name: 'local ahead: local wall, local counter + 1', local: hlc(T + 1000, 5), remote: hlc(T, 9, 'B'), now: T + 500, result: hlc(T + 1000, 6) },
    { name: 'equal walls: the larger counter + 1 (remote larger)', local: hlc(T, 5), remote: hlc(T, 9, 'B'), now: T - 1, result: hlc(T, 10) },
    { name: 'equal walls: the larger counter + 1 (local larger)', local: hlc(T, 9), remote: hlc(T, 5, 'B'), now: T - 1, result: hlc(T, 10) },
    { name: 'equal walls equal to now: the larger counter + 1', local: hlc(T, 2), remote: hlc(T, 7, 'B'), now: T, result: hlc(T, 8) },
    { name: 'now ahead of both: wall from now, counter reset', local: hlc(T, 5), remote: hlc(T + 500, 9, 'B'), now: T + 3000, result: hlc(T + 3000, 0) },
    { name: 'now equal to the remote wall ahead of local: remote counter + 1', local: hlc(T, 5), remote: hlc(T + 10, 2, 'B'), now: T + 10, result: hlc(T + 10, 3) },
    { name: 'remote ahead with a full counter: remote wall + 1 ms', local: hlc(T, 5), remote: hlc(T + 10, MAX_COUNTER, 'B'), now: T, result: hlc(T + 11, 0) },
    { name: 'equal walls with a full counter: wall + 1 ms', local: hlc(T, MAX_COUNTER), remote: hlc(T, 3, 'B'), now: T, result: hlc(T + 1, 0) },
  ])('$name', ({ local, remote, now, result }) => {
    expect(receive(local, remote, now)).toEqual(result)
  })

  it('keeps the local node, never the remote one', () => {
    expect(receive(hlc(T, 0, 'A'), hlc(T + 5, 0, 'B'), T).node).toBe('A')
  })

  it('stamps after both the local clock and the remote stamp', () => {
    const local = hlc(T, 5, 'A')
    const remote = hlc(T + 1000, 2, 'B')
    const after = formatHlc(receive(local, remote, T))
    expect(after > formatHlc(local)).toBe(true)
    expect(after > formatHlc(remote)).toBe(true)
  })
})

describe('formatHlc and parseHlc', () => {
  it.each([
    { clock: hlc(T, 7, 'A'), stamp: `00${T}:00007:A` },
    { clock: hlc(0, 0, 'tablet-1'), stamp: '000000000000000:00000:tablet-1' },
    { clock: hlc(T, MAX_COUNTER, '0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b'), stamp: `00${T}:99999:0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b` },
    { clock: hlc(T, 1, 'dev:1'), stamp: `00${T}:00001:dev:1` },
  ])('$stamp round-trips', ({ clock, stamp }) => {
    expect(formatHlc(clock)).toBe(stamp)
    expect(parseHlc(stamp)).toEqual(clock)
    expect(new RegExp(HLC_PATTERN).test(stamp)).toBe(true)
  })

  it.each([
    '',
    'garbage',
    `${T}:00007:A`,
    `00${T}:7:A`,
    `00${T}:00007:`,
    `00${T}:00007`,
    `00${T}-00007-A`,
    `-0${T}:00007:A`,
    ` 00${T}:00007:A`,
    `00${T}:0000x:A`,
  ])('parseHlc refuses %j with a SyntaxError', (stamp) => {
    expect(() => parseHlc(stamp)).toThrow(SyntaxError)
  })
})

describe('compareHlc', () => {
  it.each([
    { name: 'an earlier wall with a shorter number', a: hlc(999, 0), b: hlc(1000, 0), sign: -1 },
    { name: 'an earlier wall with a larger counter', a: hlc(T, 50), b: hlc(T + 1, 0), sign: -1 },
    { name: 'a smaller counter with more digits in the larger', a: hlc(T, 9), b: hlc(T, 10), sign: -1 },
    { name: 'the same wall and counter, ordered by node', a: hlc(T, 1, 'A'), b: hlc(T, 1, 'B'), sign: -1 },
    { name: 'identical stamps', a: hlc(T, 1, 'A'), b: hlc(T, 1, 'A'), sign: 0 },
    { name: 'a later wall', a: hlc(T + 1, 0), b: hlc(T, MAX_COUNTER), sign: 1 },
  ])('$name: $sign', ({ a, b, sign }) => {
    expect(Math.sign(compareHlc(formatHlc(a), formatHlc(b)))).toBe(sign)
    expect(Math.sign(compareHlc(formatHlc(b), formatHlc(a)))).toBe(sign === 0 ? 0 : -sign)
  })
})

describe('causal order', () => {
  it('orders the stamps of two nodes with skewed clocks as the events happened', () => {
    // Tablet A's clock runs 10 s fast, tablet B's 10 s slow.
    const fastA = (t: number) => t + 10_000
    const slowB = (t: number) => t - 10_000
    let a = initialHlc('A')
    let b = initialHlc('B')
    const chain: string[] = []
    const stamp = (clock: Hlc) => {
      chain.push(formatHlc(clock))
      return clock
    }

    a = stamp(tick(a, fastA(T))) // A edits
    a = stamp(tick(a, fastA(T))) // A edits again in the same millisecond
    const sent1 = a
    b = stamp(receive(b, sent1, slowB(T + 100))) // B receives A's edits with a clock far behind
    b = stamp(tick(b, slowB(T + 200))) // B edits the same record
    b = stamp(tick(b, slowB(T + 150))) // B's clock jumps back and it edits again
    const sent2 = b
    a = stamp(receive(a, sent2, fastA(T + 300))) // A receives B's edits
    a = stamp(tick(a, fastA(T + 300))) // A edits once more
    const sent3 = a
    b = stamp(receive(b, sent3, slowB(T + 30_000))) // much later, B's own clock has overtaken
    stamp(tick(b, slowB(T + 30_000)))

    expect(new Set(chain).size).toBe(chain.length)
    expect([...chain].sort(compareHlc)).toEqual(chain)
    expect(parseHlc(chain.at(-2)!)).toEqual(hlc(slowB(T + 30_000), 0, 'B'))
    expect(parseHlc(chain.at(-1)!)).toEqual(hlc(slowB(T + 30_000), 1, 'B'))
  })

  it('orders an edit made after seeing another one later, even when its own clock is behind', () => {
    const seen = tick(initialHlc('Z'), T + 60_000)
    const reply = tick(receive(initialHlc('A'), seen, T), T)
    expect(compareHlc(formatHlc(reply), formatHlc(seen))).toBeGreaterThan(0)
    expect(reply.wall).toBe(T + 60_000)
  })
})
