import { onScopeDispose, shallowRef, watch, type ShallowRef, type WatchSource } from 'vue'
import { liveQuery, type Subscription } from 'dexie'

/**
 * A Dexie live query as a shallow ref (ARCHITECTURE "Read path"): re-runs when the tables it
 * read change, or when `deps` change; unsubscribes with the component.
 */
export function useLiveQuery<T>(query: () => Promise<T>, initial: T, deps: WatchSource[] = []): ShallowRef<T> {
  const result = shallowRef<T>(initial)
  let sub: Subscription | null = null
  const subscribe = (): void => {
    sub?.unsubscribe()
    sub = liveQuery(query).subscribe({
      next: (value) => (result.value = value),
      error: (e: unknown) => console.error('live query failed', e),
    })
  }
  if (deps.length) watch(deps, subscribe, { immediate: true })
  else subscribe()
  onScopeDispose(() => sub?.unsubscribe())
  return result
}
