import { computed, reactive, ref, shallowRef, watch, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { newId } from '@shared/domain/ids'
import { defaultHandoverTemplate, type CountKind, type HandoverTemplate } from '@shared/domain/handover'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useFormDraft } from '@client/composables/useFormDraft'
import { handoverTemplate } from '@client/db/duty/handover-template'
import { saveHandoverTemplate, type HandoverTemplateProblem } from '@client/db/duty/handover-template'
import { refusal } from '@client/db/errors'
import { errorMessageKey } from '@client/components/error-message'

/** An item as the form holds it: the starting count as typed ('' = none). */
export interface DraftItem {
  id: string
  name: string
  kind: CountKind
  initial: string
  nextReceiptNo: string
}
export interface DraftCheck {
  id: string
  text: string
}
export interface TemplateDraft {
  items: DraftItem[]
  checks: DraftCheck[]
}

function toDraft(t: HandoverTemplate): TemplateDraft {
  return {
    items: t.items.map((i) => ({ id: i.id, name: i.name, kind: i.kind, initial: i.initial === undefined ? '' : String(i.initial), nextReceiptNo: i.nextReceiptNo ?? '' })),
    checks: t.checks.map((c) => ({ id: c.id, text: c.text })),
  }
}

/** Back to a template; a starting count that is not a whole number stays NaN so the save names it. */
function fromDraft(siteId: string, d: TemplateDraft): HandoverTemplate {
  return {
    siteId,
    items: d.items.map((i) => ({ id: i.id, name: i.name, kind: i.kind, initial: i.initial.trim() === '' ? undefined : Number(i.initial.trim()), nextReceiptNo: i.nextReceiptNo })),
    checks: d.checks.map((c) => ({ id: c.id, text: c.text })),
  }
}

/** Move the entry at `index` by `delta` places (up: -1, down: +1); nothing at either end. */
function move<T>(list: T[], index: number, delta: number): void {
  const to = index + delta
  if (to < 0 || to >= list.length) return
  const [entry] = list.splice(index, 1)
  list.splice(to, 0, entry!)
}

/**
 * The settings card's draft of the site's handover template: loaded from the database (the regulation's
 * default until the site saves its own), edited in place, saved through the repository. Problems come
 * back as codes; a storage failure as an i18n key.
 */
export function useHandoverTemplateEditor(): {
  draft: TemplateDraft
  loaded: ComputedRef<boolean>
  dirty: ComputedRef<boolean>
  canEdit: ComputedRef<boolean>
  saving: Ref<boolean>
  problems: ShallowRef<HandoverTemplateProblem[]>
  failure: Ref<string | null>
  addItem: () => void
  addCheck: () => void
  moveItem: (index: number, delta: number) => void
  moveCheck: (index: number, delta: number) => void
  removeItem: (index: number) => void
  removeCheck: (index: number) => void
  restoreDefault: () => void
  save: () => Promise<boolean>
} {
  const db = useDb()
  const session = useSessionStore()
  const siteId = computed(() => session.local?.site.id ?? null)
  const stored = useLiveQuery(() => (siteId.value ? handoverTemplate(db, siteId.value) : Promise.resolve(null)), null, [siteId])
  const draft = reactive<TemplateDraft>({ items: [], checks: [] })
  /** The draft as last loaded or saved: what "unsaved changes" compares with. */
  const base = ref<string | null>(null)
  const dirty = computed(() => base.value !== null && JSON.stringify(draft) !== base.value)
  const problems = shallowRef<HandoverTemplateProblem[]>([])
  const failure = ref<string | null>(null)
  const saving = ref(false)

  function load(t: HandoverTemplate): void {
    const next = toDraft(t)
    draft.items = next.items
    draft.checks = next.checks
    base.value = JSON.stringify(next)
  }
  const kept = useFormDraft('settings.handoverTemplate', draft, dirty, { start: 'manual' })
  // Another tablet's change arrives through sync: shown unless this form holds unsaved edits. The
  // person's own unsaved edits go back on top once the stored template is shown.
  watch(
    stored,
    (t) => {
      if (!t || dirty.value) return
      const first = base.value === null
      load(t)
      if (first && session.may('settings.manage')) void kept.start()
    },
    { immediate: true },
  )

  return {
    draft,
    loaded: computed(() => base.value !== null),
    dirty,
    canEdit: computed(() => session.may('settings.manage')),
    saving,
    problems,
    failure,
    addItem: () => draft.items.push({ id: newId(), name: '', kind: 'count', initial: '', nextReceiptNo: '' }),
    addCheck: () => draft.checks.push({ id: newId(), text: '' }),
    moveItem: (index, delta) => move(draft.items, index, delta),
    moveCheck: (index, delta) => move(draft.checks, index, delta),
    removeItem: (index) => void draft.items.splice(index, 1),
    removeCheck: (index) => void draft.checks.splice(index, 1),
    /** The regulation's lists (same item ids, so what was counted still carries); saved only with "save". */
    restoreDefault() {
      const d = toDraft(defaultHandoverTemplate(siteId.value ?? ''))
      draft.items = d.items
      draft.checks = d.checks
    },
    async save() {
      if (!siteId.value || !session.staff) return false
      saving.value = true
      problems.value = []
      failure.value = null
      try {
        load(await saveHandoverTemplate(db, session.actor(), session.staff.role, fromDraft(siteId.value, draft)))
        void kept.discard()
        return true
      } catch (e) {
        const refused = refusal<HandoverTemplateProblem>(e)
        if (refused) problems.value = refused
        else failure.value = errorMessageKey(e)
        return false
      } finally {
        saving.value = false
      }
    },
  }
}
