/**
 * Each server test gets a fresh database of each kind: a temp SQLite file, and a new
 * PostgreSQL database on the test cluster.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import { openPostgres, openSqlite, type ServerDb } from '@server/db/connection'
import { migrateToLatest } from '@server/db/migrate'

export interface Backend {
  name: 'sqlite' | 'postgres'
  /** A fresh, migrated database; `close()` also removes it. */
  open(): Promise<ServerDb>
}

let counter = 0

async function freshPostgres(): Promise<ServerDb> {
  const admin = inject('pgAdminUrl')
  const name = `t_${process.pid}_${Date.now()}_${counter++}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`create database ${name}`)
  await client.end()
  const url = new URL(admin)
  url.pathname = `/${name}`
  const db = openPostgres(url.toString())
  const close = db.close
  return {
    ...db,
    async close() {
      await close()
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}

function freshSqlite(): ServerDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-sqlite-'))
  const db = openSqlite(path.join(dir, 'test.sqlite'))
  const close = db.close
  return {
    ...db,
    async close() {
      await close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const BACKENDS: Backend[] = [
  {
    name: 'sqlite',
    async open() {
      const db = freshSqlite()
      await migrateToLatest(db)
      return db
    },
  },
  {
    name: 'postgres',
    async open() {
      const db = await freshPostgres()
      await migrateToLatest(db)
      return db
    },
  },
]
