import { computed, isRef, onScopeDispose, ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue'
import { useDb } from '../modules/db'
import { useSessionStore } from '../stores/session'
import { deleteFormDraft, listFormDrafts, loadFormDraft, saveFormDraft } from '../db/device/form-drafts'
import { useDirtyForm } from './useDirtyForm'

export interface FormDraft {
  /** True once a draft was put back into the form (the form may say so). */
  restored: Ref<boolean>
  /** Put the person's draft back into the form and start keeping it; for forms filled from data first. */
  start: () => Promise<void>
  /** Forget the draft: after a save, or when the person clears the form. */
  discard: () => Promise<void>
  /** Empty the form (to `options.blank`) and forget the draft: the notice's 清空重填. */
  startAfresh: () => void
  /** Write a pending change now (tests; also on leaving the page). */
  flush: () => Promise<void>
}

const SAVE_AFTER_MS = 300

function apply<T extends object>(state: T | Ref<T>, value: T): void {
  if (isRef(state)) state.value = value
  else Object.assign(state, value)
}

/**
 * Keep what the logged-in person types in a form as a draft on this tablet (issue 10 point 1), so the
 * idle lock, a reload, an update or a switch of user loses nothing: the same person returns to the
 * same form filled in; someone else never sees it. `form` names the form and what it is about
 * (`register.new`, `dutyLog.entry:<shiftKey>`); `dirty` is the form's own "has unsaved input" — a
 * draft is kept while it is true and forgotten when it turns false; `null` for an editor of a record:
 * dirty when the state differs from what it was at the start (and 清空重填 goes back to that). Also registers the form with
 * `useDirtyForm` (an update waits for it). `start: 'manual'` for forms that load data into the state
 * first: call `start()` after loading, so the draft lands on top of it.
 */
export function useFormDraft<T extends object>(
  form: MaybeRefOrGetter<string | null>,
  state: T | Ref<T>,
  isDirty: Ref<boolean> | null,
  options: { start?: 'now' | 'manual'; blank?: () => T; omit?: readonly (keyof T)[] } = {},
): FormDraft {
  const initial = JSON.stringify(toValue(state))
  const dirty = isDirty ?? computed(() => JSON.stringify(toValue(state)) !== initial)
  const blank = options.blank ?? (isDirty ? undefined : (): T => JSON.parse(initial) as T)
  useDirtyForm(dirty)
  const db = useDb()
  const session = useSessionStore()
  const restored = ref(false)
  /** The staff member and form the draft is kept for, once started (the form and its author may change). */
  let target: { staffId: string; form: string } | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending = false
  /** After `discard`, nothing is kept again until the person changes the form. */
  let discarded = false
  let applying = false
  let started = false

  /** What is kept: the state less what must never be stored (a PIN). */
  function kept(): unknown {
    const value = toValue(state) as Record<string, unknown>
    if (!options.omit?.length) return value
    return Object.fromEntries(Object.entries(value).filter(([k]) => !(options.omit as readonly string[]).includes(k)))
  }

  async function write(): Promise<void> {
    clearTimeout(timer)
    if (!pending || !target) return
    pending = false
    const { staffId, form: name } = target
    try {
      if (dirty.value && !discarded) await saveFormDraft(db, staffId, name, kept(), Date.now())
      else await deleteFormDraft(db, staffId, name)
    } catch {
      // A draft is a safety net: a full disk must not break the form itself; the next change tries again.
      pending = true
    }
  }

  function schedule(): void {
    if (applying) return
    pending = true
    // Typed before the draft was looked up: written as soon as it is (start).
    if (!target) return
    clearTimeout(timer)
    timer = setTimeout(() => void write(), SAVE_AFTER_MS)
  }

  async function start(): Promise<void> {
    started = true
    await write()
    const staffId = session.staff?.id
    const name = toValue(form)
    target = null
    restored.value = false
    if (!staffId || !name) return
    const saved = await loadFormDraft<T>(db, staffId, name).catch(() => null)
    if (saved) {
      applying = true
      apply(state, saved)
      restored.value = true
      // Let the form's own watchers run on the restored values before changes count again.
      await Promise.resolve()
      applying = false
    }
    target = { staffId, form: name }
    discarded = false
    if (pending) schedule()
  }

  watch(
    () => [toValue(state), dirty.value],
    () => {
      if (applying) return
      if (discarded && dirty.value) discarded = false
      schedule()
    },
    { deep: true, flush: 'sync' },
  )
  // Another form of the same page (another request, another shift): keep the old one, load the new.
  watch(
    () => toValue(form),
    (next, prev) => {
      if (next !== prev && started) void start()
    },
  )
  if (options.start !== 'manual') void start()

  const onHide = (): void => void write()
  window.addEventListener('pagehide', onHide)
  onScopeDispose(() => {
    window.removeEventListener('pagehide', onHide)
    void write()
  })

  async function discard(): Promise<void> {
    clearTimeout(timer)
    pending = false
    discarded = true
    restored.value = false
    if (target) await deleteFormDraft(db, target.staffId, target.form).catch(() => undefined)
  }

  return {
    restored,
    start,
    discard,
    startAfresh() {
      if (blank) apply(state, blank())
      void discard()
    },
    flush: write,
  }
}

/**
 * Open again the form its author left a draft in (issue 10 point 1), for pages that open their forms on
 * demand (a dialog, an editor): once `ready()` (the page has its data), the drafts of the logged-in
 * person whose form starts with `prefix` are offered newest first to `open(rest)` — the rest of the
 * form's name (`register.event:<id>:` → `result`) — until it takes one (returns true).
 */
export function useReopenDraft(prefix: () => string, open: (rest: string) => boolean, ready: () => boolean = () => true): void {
  const db = useDb()
  const session = useSessionStore()
  let done = false
  watch(
    ready,
    async (isReady) => {
      const staffId = session.staff?.id
      if (!isReady || done || !staffId) return
      done = true
      const start = prefix()
      const rows = await listFormDrafts(db, staffId).catch(() => [])
      for (const r of rows) if (r.form.startsWith(start) && open(r.form.slice(start.length))) return
    },
    { immediate: true },
  )
}

/**
 * For a list whose editor opens in a dialog (`editing`: undefined closed, null adding, a row editing),
 * with its drafts named `<prefix><row id | new>`: open the editor its author left half-typed again.
 */
export function useReopenEditor<T extends { id: string }>(
  prefix: () => string,
  rows: () => readonly T[],
  editing: Ref<T | null | undefined>,
  allowed: () => boolean,
  ready: () => boolean = () => true,
): void {
  useReopenDraft(
    prefix,
    (id) => {
      const found = id === 'new' ? null : rows().find((r) => r.id === id)
      if (!allowed() || found === undefined) return false
      editing.value = found
      return true
    },
    ready,
  )
}
