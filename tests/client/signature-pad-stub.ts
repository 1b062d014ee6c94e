/** happy-dom draws no canvas: the signature pad stands in with a drawn signature (`vi.mock(…, () => import(this))`). */
import { defineComponent, h } from 'vue'

export default defineComponent({
  props: { label: { type: String, default: '' } },
  setup(props, { expose }) {
    expose({ image: () => 'data:image/png;base64,iVBORw0KGgo=', clear: () => undefined })
    return () => h('canvas', { 'aria-label': props.label })
  },
})
