import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** Where `vite` (dev) sends `/api` and `/crm`: the portal backend (`pnpm --filter portal dev` starts both). */
const backend = process.env.PORTAL_BACKEND_URL ?? 'http://127.0.0.1:4322';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // Workspace packages resolve to their TypeScript source: no build of @crmkit/* needed to run the portal.
  resolve: { conditions: ['@crmkit/source', ...defaultClientConditions] },
  server: {
    port: 5173,
    strictPort: false,
    // Keep the browser's Host header: the backend checks Origin against it on sign-in and sign-out.
    proxy: { '/api': { target: backend }, '/crm': { target: backend } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Bootstrap's CSS makes the main chunk ~320 kB (≈ 98 kB gzip) before any widget: fine for a portal.
    chunkSizeWarningLimit: 600,
    // The timing report only says this shared machine is busy.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
