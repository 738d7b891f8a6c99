/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API runs on its own port in development (`npm start` or `trellis serve`); in production the
// server serves this build from the same origin, so the app always calls relative /api URLs.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  build: {
    sourcemap: false,
    chunkSizeWarningLimit: 300,
    rolldownOptions: {
      // @trellis/domain is pure (no I/O, no globals) but its package.json does not say so, so
      // the bundler would keep every module of it (zod schemas, Temporal, scheduling) in any page
      // that needs only `can()`. The one module with an effect on import is api/messages.ts,
      // which sets zod's messages.
      treeshake: {
        moduleSideEffects: (id: string) =>
          !/[\\/]packages[\\/]domain[\\/]src[\\/]/.test(id) || /[\\/]api[\\/]messages\.ts$/.test(id),
      },
      output: {
        // Libraries that change rarely get chunks of their own, so a new release of Trellis does
        // not make browsers download React again. Mantine is left to the per-page chunks (every
        // page is lazy, see src/app/routes.tsx), so a page loads only the components it uses.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/ },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
          ],
        },
      },
    },
  },
});
