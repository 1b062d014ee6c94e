/**
 * Vant: components are imported where used (unplugin-vue-components); the styles of the
 * function-called ones (toast, dialog, notify) are loaded here once.
 */
import 'vant/es/toast/style'
import 'vant/es/dialog/style'
import 'vant/es/notify/style'
import 'vant/es/image-preview/style'

export { showToast, showFailToast, showSuccessToast, showDialog, showConfirmDialog, showNotify } from 'vant'
