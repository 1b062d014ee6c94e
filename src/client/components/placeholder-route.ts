import type { RouteRecordRaw } from 'vue-router'
import type { Section } from '@shared/domain/role'
import SectionPlaceholder from './SectionPlaceholder.vue'

/** The route of a section not built yet: it says so plainly, and offers its blank paper form if one exists. */
export function placeholderRoute(path: string, name: string, section: Section, blankForm?: string): RouteRecordRaw {
  return { path, name, component: SectionPlaceholder, props: { section, blankForm }, meta: { section } }
}
