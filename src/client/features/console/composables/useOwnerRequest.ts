/**
 * An owner's request under PIPL (issue 14 point 4), in the console: who the owner is, what the site holds
 * about them (masked), the copy given out — the workbook, or the print view printed to PDF — and the
 * request recorded with its answer. The owner's phone and name go in request bodies only; the print view
 * gets them through this tab's sessionStorage, never a URL. Every action returns an error message or null.
 */
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { OwnerAnswer, OwnerCorrection, OwnerErasure, OwnerFind, OwnerIdentityBody, OwnerRequest } from '@shared/sync/owner-api'
import { saveFile } from '@client/components/save-file'
import { XLSX_TYPE } from '@client/components/exceljs'
import { attempt, type ConsoleSite } from './useConsoleApi'
import type { ConsoleState } from './useConsole'

/** Where the console hands the print view its site and owner (this tab only; removed once read). */
export const OWNER_PRINT_KEY = 'deskbook.console.ownerPrint'

export interface OwnerPrintRequest {
  siteId: string
  identity: OwnerIdentityBody
}

export type OwnerCopy = 'xlsx' | 'pdf'

const base = (site: ConsoleSite): string => `/api/admin/sites/${encodeURIComponent(site.id)}`

export function useOwnerRequest(state: ConsoleState) {
  /** The request under way: who was searched for (what the copies and the answer are about), and when it came in. */
  const asked: ShallowRef<{ identity: OwnerIdentityBody; receivedOn: string } | null> = shallowRef(null)
  const found: ShallowRef<OwnerFind | null> = shallowRef(null)
  /** The copies given out for the request under way (what its answer says was done). */
  const given: Ref<OwnerCopy[]> = ref([])
  const requests: ShallowRef<OwnerRequest[]> = shallowRef([])
  const busy: Ref<'find' | 'xlsx' | 'answer' | 'correct' | 'erase' | null> = ref(null)

  async function busyWith(what: NonNullable<typeof busy.value>, fn: () => Promise<void>): Promise<string | null> {
    busy.value = what
    try {
      return await attempt(fn)
    } finally {
      busy.value = null
    }
  }

  const who = (): OwnerIdentityBody => asked.value?.identity ?? { phone: '', name: '', room: '' }

  return {
    asked,
    found,
    given,
    requests,
    busy,
    /** Another site, or a new request: nothing under way. */
    reset(): void {
      asked.value = null
      found.value = null
      given.value = []
      sessionStorage.removeItem(OWNER_PRINT_KEY)
    },
    async loadRequests(site: ConsoleSite): Promise<string | null> {
      return attempt(async () => {
        requests.value = await state.call<OwnerRequest[]>('GET', `${base(site)}/owner-requests`)
      })
    },
    find(site: ConsoleSite, identity: OwnerIdentityBody, receivedOn: string): Promise<string | null> {
      return busyWith('find', async () => {
        found.value = null
        given.value = []
        asked.value = { identity: { phone: identity.phone.trim(), name: identity.name.trim(), room: identity.room.trim() }, receivedOn }
        found.value = await state.call<OwnerFind>('POST', `${base(site)}/owner-dossier/find`, who())
      })
    },
    exportXlsx(site: ConsoleSite): Promise<string | null> {
      return busyWith('xlsx', async () => {
        const file = await state.download(`${base(site)}/owner-dossier/xlsx`, 'owner-records.xlsx', who())
        saveFile(file.bytes, file.name, XLSX_TYPE)
        if (!given.value.includes('xlsx')) given.value = [...given.value, 'xlsx']
      })
    },
    /** Hands the print view (opened by the caller) the site and the owner. */
    preparePrint(site: ConsoleSite): void {
      const request: OwnerPrintRequest = { siteId: site.id, identity: who() }
      sessionStorage.setItem(OWNER_PRINT_KEY, JSON.stringify(request))
      if (!given.value.includes('pdf')) given.value = [...given.value, 'pdf']
    },
    answer(site: ConsoleSite, kind: NonNullable<OwnerAnswer['kind']>, done: string, note: string): Promise<string | null> {
      return busyWith('answer', async () => {
        const body: OwnerAnswer = { identity: who(), receivedOn: asked.value?.receivedOn ?? '', kind, done, note }
        await state.call<OwnerRequest>('POST', `${base(site)}/owner-requests`, body)
        requests.value = await state.call<OwnerRequest[]>('GET', `${base(site)}/owner-requests`)
      })
    },
    /** Erases the owner's personal information where the law allows; `done` receives the answer's words. */
    erase(site: ConsoleSite, note: string, done: (answer: OwnerRequest) => void): Promise<string | null> {
      return busyWith('erase', async () => {
        const body: OwnerErasure = { identity: who(), receivedOn: asked.value?.receivedOn ?? '', note }
        done(await state.call<OwnerRequest>('POST', `${base(site)}/owner-dossier/erase`, body))
        requests.value = await state.call<OwnerRequest[]>('GET', `${base(site)}/owner-requests`)
        found.value = await state.call<OwnerFind>('POST', `${base(site)}/owner-dossier/find`, who())
      })
    },
    /** Corrects an archive entry of the owner ('' and [] keep the name, the phones), then finds again. */
    correct(site: ConsoleSite, change: Pick<OwnerCorrection, 'customerId' | 'name' | 'phones' | 'note'>): Promise<string | null> {
      return busyWith('correct', async () => {
        const body: OwnerCorrection = { identity: who(), receivedOn: asked.value?.receivedOn ?? '', ...change }
        await state.call<OwnerRequest>('POST', `${base(site)}/owner-dossier/correct`, body)
        requests.value = await state.call<OwnerRequest[]>('GET', `${base(site)}/owner-requests`)
        found.value = await state.call<OwnerFind>('POST', `${base(site)}/owner-dossier/find`, who())
      })
    },
  }
}

export type OwnerRequestState = ReturnType<typeof useOwnerRequest>
