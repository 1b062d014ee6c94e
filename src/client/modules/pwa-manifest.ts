/**
 * The web app manifest: installable in Chinese, landscape, full screen on the desk tablet.
 * Read by vite.config.ts at build time.
 */
export const pwaManifest = {
  name: '前台台账 Deskbook',
  short_name: '前台台账',
  description: '物业服务中心客户服务前台:接待登记、值班记录、交接班、排班与质量检查',
  lang: 'zh-CN',
  start_url: '/',
  scope: '/',
  display: 'standalone' as const,
  orientation: 'landscape' as const,
  background_color: '#ffffff',
  theme_color: '#1f6f5c',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
}
