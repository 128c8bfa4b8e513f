import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In dev, Vite serves the app and forwards every API call to the gateway (the only API door).
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080';
const proxied = ['/api', '/auth', '/openapi.json', '/docs', '/healthz', '/readyz'];

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // big libraries in their own files so an app change does not re-download them
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/recharts|d3-|victory/.test(id)) return 'charts';
          if (/antd|@ant-design|rc-|@rc-component/.test(id)) return 'antd';
          if (/react|scheduler|i18next|dayjs/.test(id)) return 'vendor';
          return undefined;
        },
      },
    },
  },
});
