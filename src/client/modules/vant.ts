/**
 * Vant: components are imported where used (unplugin-vue-components); the styles of the
 * function-called ones (toast, dialog, notify) are loaded here once.
 */
import 'vant/es/toast/style'
import 'vant/es/dialog/style'
import 'vant/es/notify/style'
import 'vant/es/image-preview/style'

export { showToast, showFailToast, showSuccessToast, showDialog, showConfirmDialog, showNotify } from 'vant'

/**
 * Vant renders a toast as an unnamed `role="dialog"` (its Popup), which axe-core reports
 * (aria-dialog-name, issue 10 point 24) and screen readers announce as a dialog to enter. A toast is a
 * status message: every one that appears becomes `role="status"`, read out politely, not focusable.
 */
export function toastsAsStatus(root: Node = document.body): MutationObserver {
  const fix = (el: Element): void => {
    if (!el.classList.contains('van-toast') || el.getAttribute('role') === 'status') return
    el.setAttribute('role', 'status')
    el.setAttribute('aria-live', 'polite')
    el.removeAttribute('tabindex')
  }
  const observer = new MutationObserver((changes) => {
    for (const c of changes) for (const n of c.addedNodes) if (n instanceof Element) [n, ...n.querySelectorAll('.van-toast')].forEach(fix)
  })
  observer.observe(root, { childList: true, subtree: true })
  return observer
}
