import { onScopeDispose, ref, type Ref } from 'vue'

/** A reactive "now" (ms) that moves every `everyMs`; rules take it as their time parameter. */
export function useNow(everyMs = 15_000): Ref<number> {
  const now = ref(Date.now())
  const timer = setInterval(() => (now.value = Date.now()), everyMs)
  onScopeDispose(() => clearInterval(timer))
  return now
}
