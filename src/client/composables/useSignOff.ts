import { ref, type Ref } from 'vue'
import type BaseSignaturePad from '../components/BaseSignaturePad.vue'
import { showSuccessToast } from '../modules/vant'

/**
 * A signed review form (the register's, the duty log's): comment, signature pad, problems as i18n
 * keys, busy; a toast and an empty comment once `submit` reports no problem.
 */
export function useSignOff(
  submit: (comment: string, signature: string | null) => Promise<string[]>,
  doneMessage: () => string,
): { comment: Ref<string>; pad: Ref<InstanceType<typeof BaseSignaturePad> | null>; problems: Ref<string[]>; busy: Ref<boolean>; sign: () => Promise<void> } {
  const comment = ref('')
  const pad = ref<InstanceType<typeof BaseSignaturePad> | null>(null)
  const problems = ref<string[]>([])
  const busy = ref(false)
  async function sign(): Promise<void> {
    busy.value = true
    problems.value = await submit(comment.value, pad.value?.image() ?? null)
    busy.value = false
    if (!problems.value.length) {
      comment.value = ''
      showSuccessToast(doneMessage())
    }
  }
  return { comment, pad, problems, busy, sign }
}
