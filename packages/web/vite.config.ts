import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Vite 8 bundles with Rolldown: vendor chunks are declared with `output.codeSplitting.groups`
// (Rollup's `manualChunks` survives only as a deprecated alias).
export default defineConfig({
  plugins: [react()],
  resolve: {
    // "source" first: the workspace contract package resolves to its TypeScript source.
    conditions: ['source', 'module', 'browser', 'development|production'],
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The antd vendor chunk alone is ~960 kB minified (~305 kB gzip); the app's own chunks are small.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A group takes its modules' dependencies along, so the shared base (React) must
          // claim first, or the antd chunk swallows react-dom.
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 40 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component)[\\/]/, priority: 20 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
