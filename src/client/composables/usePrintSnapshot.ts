import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'

export type SnapshotState = 'loading' | 'ready' | 'notFound' | 'failed'

/** Thrown by a snapshot's loader when what the page asks for does not exist (or may not be shown). */
export class SnapshotNotFound extends Error {
  override readonly name = 'SnapshotNotFound'
}

/**
 * What a print page shows, read once per scope as a snapshot: a print preview must not change under
 * the reader while a sync brings new rows. A newer scope wins over a load still running.
 */
export function usePrintSnapshot<S, D>(scope: Ref<S | null>, load: (scope: S) => Promise<D>, what: string): { data: ShallowRef<D | null>; state: Ref<SnapshotState> } {
  const data = shallowRef<D | null>(null)
  const state = ref<SnapshotState>('loading')
  let generation = 0
  watch(
    scope,
    async (s) => {
      const mine = ++generation
      data.value = null
      state.value = 'loading'
      if (s === null) {
        state.value = 'notFound'
        return
      }
      try {
        const loaded = await load(s)
        if (mine !== generation) return
        data.value = loaded
        state.value = 'ready'
      } catch (e) {
        if (mine !== generation) return
        if (e instanceof SnapshotNotFound) state.value = 'notFound'
        else {
          console.error(`reading ${what} failed`, e)
          state.value = 'failed'
        }
      }
    },
    { immediate: true, deep: true },
  )
  return { data, state }
}
