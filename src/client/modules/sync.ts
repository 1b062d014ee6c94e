/**
 * The sync engine for the app, loaded when first asked for (issue 17): the first screen does not wait
 * for it. `main.ts` asks once the screen is painted and the tablet is set up; the enrolment and the
 * settings' sync card ask through `useSyncEngine()`. Its chunk is precached like every other.
 */
import { inject, type InjectionKey } from 'vue'
import type { Pinia } from 'pinia'
import type { DeskbookDb } from '../db/database'
import type { SyncEngine } from '../sync/engine'

export { REVOKED_FLAG } from '../sync/revoked-flag'

/** The app's one engine, started with its triggers on the first call. */
export type SyncEngineHandle = () => Promise<SyncEngine>
export const SYNC_KEY: InjectionKey<SyncEngineHandle> = Symbol('deskbook-sync')

export function lazySyncEngine(db: DeskbookDb, pinia: Pinia): SyncEngineHandle {
  let engine: Promise<SyncEngine> | null = null
  return () => {
    engine ??= import('./sync-engine').then(({ startSync }) => startSync(db, pinia))
    // A chunk that failed to load is asked for again next time.
    engine.catch(() => (engine = null))
    return engine
  }
}

/** The engine (started if it was not). */
export function useSyncEngine(): SyncEngineHandle {
  const engine = inject(SYNC_KEY)
  if (!engine) throw new Error('sync engine not provided')
  return engine
}
