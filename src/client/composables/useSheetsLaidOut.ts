import { nextTick, onBeforeUnmount, onMounted, ref, watch, type Ref, type WatchSource } from 'vue'

/**
 * Whether every print frame under `root` has been laid out: each sets `data-pages` once measured. A
 * job of several sheets is ready only then (a frame's own readiness flag covers its sheet alone).
 */
export function useSheetsLaidOut(root: Ref<HTMLElement | undefined>, source: WatchSource): Ref<boolean> {
  const laidOut = ref(false)
  const update = (): void => {
    const counts = [...(root.value?.querySelectorAll('.print-sheet') ?? [])].map((el) => el.getAttribute('data-pages'))
    laidOut.value = counts.length > 0 && !counts.includes('0')
  }
  const observer = new MutationObserver(update)
  onMounted(() => {
    if (root.value) observer.observe(root.value, { subtree: true, childList: true, attributeFilter: ['data-pages'] })
  })
  onBeforeUnmount(() => observer.disconnect())
  watch(source, () => {
    laidOut.value = false
    void nextTick(update)
  })
  return laidOut
}
