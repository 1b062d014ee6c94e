import { showConfirmDialog } from '@client/modules/vant'

/** Ask before an action that cannot be undone (revoking a tablet, discarding a record): true when confirmed. */
export function confirmed(message: string): Promise<boolean> {
  return showConfirmDialog({ message }).then(
    () => true,
    () => false,
  )
}
