/**
 * Deterministic UUIDv7 ids for the simulation. Record, mutation and device ids decide the outbox
 * order and break clock-stamp ties (the stamp ends in the device id), so a seed replays only if the
 * ids replay too. The simulation mocks `newId` with `simIds.next`; ids keep the v7 layout and sort
 * in the order they were made, as real ones do.
 */
import { mulberry32, type Rng } from './prng'

const hex = (n: number, digits: number): string => n.toString(16).padStart(digits, '0')

class SimIds {
  private rng: Rng = mulberry32(1)
  private made = 0

  reset(seed: number): void {
    this.rng = mulberry32(seed ^ 0x5eed1d5)
    this.made = 0
  }

  next(): string {
    // 48-bit "milliseconds": a fixed 2026 instant plus how many ids were made, so ids sort by creation.
    const ms = 0x019a_0000_0000 + this.made++
    const r = (bits: number): number => Math.floor(this.rng.next() * 2 ** bits)
    const msHex = hex(ms, 12)
    return `${msHex.slice(0, 8)}-${msHex.slice(8)}-7${hex(r(12), 3)}-${hex(0x8 | r(2), 1)}${hex(r(12), 3)}-${hex(r(24), 6)}${hex(r(24), 6)}`
  }
}

export const simIds = new SimIds()
