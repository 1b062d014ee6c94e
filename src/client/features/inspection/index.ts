import type { RouteRecordRaw } from 'vue-router'

// Quality inspections 质量检查记录 (篇2 4.4; issue 6). Recording needs 'inspection.record' (route and page); the checklist editor checks
// 'inspection.record' on the page; the section itself needs 'inspection.read'.
export const routes: RouteRecordRaw[] = [
  { path: '/inspection', name: 'inspection', component: () => import('./pages/InspectionListPage.vue'), meta: { section: 'inspection' } },
  { path: '/inspection/new', name: 'inspection-new', component: () => import('./pages/InspectionNewPage.vue'), meta: { section: 'inspection', action: 'inspection.record' } },
  { path: '/inspection/checklist', name: 'inspection-checklist', component: () => import('./pages/InspectionChecklistPage.vue'), meta: { section: 'inspection' } },
  { path: '/inspection/:id', name: 'inspection-detail', component: () => import('./pages/InspectionDetailPage.vue'), meta: { section: 'inspection' } },
]
