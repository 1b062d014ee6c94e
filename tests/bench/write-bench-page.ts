/**
 * Runs in Chromium (served by Vite): the app's write path (row + outbox in one transaction)
 * against a raw IndexedDB put of the same row, in the same page and run.
 */
import { DeskbookDb } from '@client/db/database'
import { writeRecords } from '@client/db/write-records'
import { newId } from '@shared/domain/ids'
import type { Staff } from '@shared/domain/staff'

function staffRow(siteId: string, i: number): Staff {
  return {
    id: newId(),
    siteId,
    name: `员工${i}`,
    role: 'assistant',
    departmentId: null,
    pin: { algorithm: 'PBKDF2-SHA256', iterations: 210_000, salt: 'c2FsdHNhbHRzYWx0c2FsdA==', hash: 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=' },
    active: true,
  }
}

function rawPut(db: IDBDatabase, row: Staff): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('staff', 'readwrite')
    tx.objectStore('staff').put(row)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
}

async function run(n: number): Promise<{ app: number[]; raw: number[] }> {
  const db = new DeskbookDb(`bench-${newId()}`)
  await db.open()
  const rawDb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(`bench-raw-${newId()}`, 1)
    req.onupgradeneeded = () => req.result.createObjectStore('staff', { keyPath: 'id' })
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
  const siteId = newId()
  const actor = { siteId, deviceId: newId(), staffId: newId() }
  const app: number[] = []
  const raw: number[] = []
  // Interleaved so both see the same disk and browser state.
  for (let i = 0; i < n; i++) {
    const a = staffRow(siteId, i)
    const t0 = performance.now()
    await writeRecords(db, actor, [{ name: 'staff.put', row: a }])
    const t1 = performance.now()
    await rawPut(rawDb, staffRow(siteId, i))
    const t2 = performance.now()
    app.push(t1 - t0)
    raw.push(t2 - t1)
  }
  db.close()
  rawDb.close()
  return { app, raw }
}

;(window as unknown as { runWriteBench: typeof run }).runWriteBench = run
document.title = 'ready'
