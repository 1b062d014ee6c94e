import type { RouteRecordRaw } from 'vue-router'

// Quality inspections 质量检查记录 (篇2 4.4; issue 6). Recording needs 'inspection.record' (route and page); the checklist editor checks
// 'inspection.record' on the page; the section itself needs 'inspection.read'. The reports (issue 6 points 5–6): the printed
// 质量检查记录 and the monthly appraisal; `/inspection/appraisal` and `/inspection/checklist` are static, so they win over `/inspection/:id`.
export const routes: RouteRecordRaw[] = [
  { path: '/inspection', name: 'inspection', component: () => import('./pages/InspectionListPage.vue'), meta: { section: 'inspection' } },
  { path: '/inspection/new', name: 'inspection-new', component: () => import('./pages/InspectionNewPage.vue'), meta: { section: 'inspection', action: 'inspection.record' } },
  { path: '/inspection/checklist', name: 'inspection-checklist', component: () => import('./pages/InspectionChecklistPage.vue'), meta: { section: 'inspection' } },
  { path: '/inspection/appraisal', name: 'inspection-appraisal', component: () => import('./pages/InspectionAppraisalPage.vue'), meta: { section: 'inspection', action: 'inspection.record' } },
  { path: '/inspection/:id', name: 'inspection-detail', component: () => import('./pages/InspectionDetailPage.vue'), meta: { section: 'inspection' } },
  // ?id=<inspection> | ?month=YYYY-MM
  { path: '/print/inspection', name: 'print-inspection', component: () => import('./print/InspectionPrint.vue'), meta: { section: 'inspection', layout: 'print' } },
  { path: '/print/inspection-blank', name: 'print-inspection-blank', component: () => import('./print/InspectionBlankPrint.vue'), meta: { section: 'inspection', layout: 'print' } },
]
