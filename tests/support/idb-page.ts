/**
 * Reading and writing the tablet's IndexedDB from Node through a Playwright page, as a long stretch
 * of desk work would leave it: shared by the duty benchmark and the printed-log and access-trail e2e tests. Raw
 * IndexedDB (no app code): what is written is exactly the rows given.
 * (No named functions inside `evaluate`: tsx would wrap them in a helper the page does not have.)
 */
import type { Page } from 'playwright-core'
import type { ShiftType } from '@shared/domain/shift-type'

export interface SiteOnTablet {
  siteId: string
  /** Staff ids by name. */
  staff: Record<string, string>
  shiftTypes: ShiftType[]
}

export async function readSite(page: Page): Promise<SiteOnTablet> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('deskbook')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const [device, staff, shiftTypes] = await Promise.all(
      [db.transaction('meta').objectStore('meta').get('device'), db.transaction('staff').objectStore('staff').getAll(), db.transaction('shiftTypes').objectStore('shiftTypes').getAll()].map(
        (r) => new Promise<unknown>((resolve) => (r.onsuccess = () => resolve(r.result))),
      ),
    )
    const site = (device as { value: { siteId: string } }).value.siteId
    const people = staff as { id: string; name: string }[]
    db.close()
    return { siteId: site, staff: Object.fromEntries(people.map((s) => [s.name, s.id])), shiftTypes: shiftTypes as ShiftType[] }
  })
}

/** Put rows into the named stores in one transaction. */
export async function putRows(page: Page, rows: Record<string, readonly unknown[]>): Promise<void> {
  await page.evaluate(async (tables) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('deskbook')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const tx = db.transaction(Object.keys(tables), 'readwrite')
    for (const [store, list] of Object.entries(tables)) for (const row of list) tx.objectStore(store).put(row)
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, rows)
}

/** A signature drawn on a canvas in the page, as a PNG data URL (300 × 100). */
export async function drawSignature(page: Page, seed = 0): Promise<string> {
  return page.evaluate((s) => {
    const canvas = document.createElement('canvas')
    canvas.width = 300
    canvas.height = 100
    const g = canvas.getContext('2d')!
    g.lineWidth = 4
    g.beginPath()
    g.moveTo(20, 70 - s * 5)
    g.bezierCurveTo(80, 0, 120 + s * 10, 100, 180, 40)
    g.lineTo(280, 60)
    g.stroke()
    return canvas.toDataURL('image/png')
  }, seed)
}

/** Empty the named stores in one transaction (e.g. the local handover draft between benchmark runs). */
export async function clearStores(page: Page, stores: readonly string[]): Promise<void> {
  await page.evaluate(async (names) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('deskbook')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const tx = db.transaction(names, 'readwrite')
    for (const name of names) tx.objectStore(name).clear()
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, [...stores])
}

/** How many rows a store holds now (e.g. the access trail after a print). */
export async function countRows(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('deskbook')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).count()
          req.onsuccess = () => {
            open.result.close()
            resolve(req.result)
          }
        }
      }),
    store,
  )
}
