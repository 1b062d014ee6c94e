import { computed, reactive, ref } from 'vue'
import { SUGGESTED_DEPARTMENTS } from '@shared/domain/department'
import { SUGGESTED_SHIFTS } from '@shared/domain/shift-type'
import { DEFAULT_TIMEZONE } from '@shared/domain/time'
import { setupProblems, stepProblems, type SetupInput, type SetupProblem, type SetupStep } from '@client/db/site/site-setup'

export const SETUP_STEPS: readonly SetupStep[] = ['site', 'departments', 'shifts', 'staff']

/** The first-run form: its data, the step shown, and the problems that keep it from moving on. */
export function useSetupForm() {
  const input = reactive<SetupInput>({
    siteName: '',
    timezone: DEFAULT_TIMEZONE,
    deviceName: '前台平板',
    departments: SUGGESTED_DEPARTMENTS.map((name) => ({ name })),
    shiftTypes: SUGGESTED_SHIFTS.map((s) => ({ ...s })),
    staff: [{ name: '', role: 'administrator', departmentIndex: null, pin: '', pinAgain: '' }],
  })
  const stepIndex = ref(0)
  const shown = ref<SetupProblem[]>([])
  const touched = ref(false)
  const step = computed(() => SETUP_STEPS[stepIndex.value]!)
  const isLast = computed(() => stepIndex.value === SETUP_STEPS.length - 1)

  /** Move on when this step is right; otherwise show its problems. */
  function next(): boolean {
    shown.value = stepProblems(input, step.value)
    if (shown.value.length) return false
    if (!isLast.value) stepIndex.value++
    return true
  }

  function back(): void {
    shown.value = []
    if (stepIndex.value > 0) stepIndex.value--
  }

  /** All problems of the whole form; jumps to the first step that has one. */
  function checkAll(): boolean {
    const all = setupProblems(input)
    if (!all.length) return true
    stepIndex.value = SETUP_STEPS.indexOf(all[0]!.step)
    shown.value = all.filter((p) => p.step === all[0]!.step)
    return false
  }

  return { input, stepIndex, step, isLast, shown, touched, next, back, checkAll }
}
