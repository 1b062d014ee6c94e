/** The one database, provided to the app; tests provide a fresh one. */
import { inject, type InjectionKey } from 'vue'
import { DeskbookDb } from '../db/database'

export const DB_KEY: InjectionKey<DeskbookDb> = Symbol('deskbook-db')

export function useDb(): DeskbookDb {
  const db = inject(DB_KEY)
  if (!db) throw new Error('database not provided')
  return db
}

export function createAppDb(): DeskbookDb {
  return new DeskbookDb()
}
