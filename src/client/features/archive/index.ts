import type { RouteRecordRaw } from 'vue-router'

// The customer archive 客户档案 (篇5 7; issue 4 point 5).
export const routes: RouteRecordRaw[] = [
  { path: '/archive', name: 'archive', component: () => import('./pages/ArchivePage.vue'), meta: { section: 'archive' } },
  { path: '/archive/rooms/:id', name: 'archive-room', component: () => import('./pages/ArchiveRoomPage.vue'), props: true, meta: { section: 'archive' } },
  { path: '/archive/import', name: 'archive-import', component: () => import('./pages/ArchiveImportPage.vue'), meta: { section: 'archive' } },
]
