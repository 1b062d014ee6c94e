import { computed, ref, type Ref } from 'vue'
import type BaseSignaturePad from '../components/BaseSignaturePad.vue'
import { showSuccessToast } from '../modules/vant'
import { useFormDraft, useReopenDraft } from './useFormDraft'

/**
 * A signed review form (the register's, the duty log's): comment, signature pad, problems as i18n
 * keys, busy; a toast and an empty comment once `submit` reports no problem. The comment typed for a
 * period is kept as its author's draft (`<form>:<period>`), and that period opened again for them.
 */
export function useSignOff(
  submit: (comment: string, signature: string | null) => Promise<string[]>,
  doneMessage: () => string,
  draft: { form: string; period: Ref<string | null>; periods: () => readonly string[] },
): { comment: Ref<string>; pad: Ref<InstanceType<typeof BaseSignaturePad> | null>; problems: Ref<string[]>; busy: Ref<boolean>; sign: () => Promise<void> } {
  const comment = ref('')
  const { discard } = useFormDraft(() => (draft.period.value ? `${draft.form}:${draft.period.value}` : null), comment, computed(() => !!comment.value.trim()))
  useReopenDraft(
    () => `${draft.form}:`,
    (period) => draft.period.value === null && draft.periods().includes(period) && ((draft.period.value = period), true),
    () => draft.periods().length > 0,
  )
  const pad = ref<InstanceType<typeof BaseSignaturePad> | null>(null)
  const problems = ref<string[]>([])
  const busy = ref(false)
  async function sign(): Promise<void> {
    busy.value = true
    problems.value = await submit(comment.value, pad.value?.image() ?? null)
    busy.value = false
    if (!problems.value.length) {
      void discard()
      comment.value = ''
      showSuccessToast(doneMessage())
    }
  }
  return { comment, pad, problems, busy, sign }
}
