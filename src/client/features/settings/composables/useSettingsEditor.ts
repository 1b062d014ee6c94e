import { ref, type Ref } from 'vue'
import { useFormDraft } from '@client/composables/useFormDraft'
import { showSuccessToast } from '@client/modules/vant'

/**
 * A settings editor in its dialog (a staff member, a department): what is typed is its author's draft
 * (issue 10 point 1) until saved or cancelled; saving shows the problems (i18n keys) or says it is saved
 * and closes.
 */
export function useSettingsEditor<T extends object>(options: {
  form: T
  /** The draft's name: `<list's prefix><record id | new>`. */
  draft: string
  /** Fields never kept in a draft (a PIN). */
  omit?: readonly (keyof T)[]
  save: (input: T) => Promise<string[]>
  /** The toast after a save. */
  saved: () => string
  done: () => void
}): { problems: Ref<string[]>; restored: Ref<boolean>; startAfresh: () => void; cancel: () => void; submit: () => Promise<void> } {
  const problems = ref<string[]>([])
  const { restored, discard, startAfresh } = useFormDraft(options.draft, options.form, null, options.omit ? { omit: options.omit } : {})
  return {
    problems,
    restored,
    startAfresh,
    /** 取消 gives the change up: what was typed goes with it. */
    cancel() {
      void discard()
      options.done()
    },
    async submit() {
      problems.value = await options.save({ ...options.form })
      if (problems.value.length) return
      void discard()
      showSuccessToast(options.saved())
      options.done()
    },
  }
}
