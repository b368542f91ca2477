/**
 * Builds the web UI into dist/ui, which `marsad serve` ships. The server's CSP allows scripts and
 * styles from its own origin only, so nothing may be inlined: no data: assets (assetsInlineLimit 0)
 * and no inline module-preload polyfill (every browser we target has modulepreload).
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: 'public',
  build: {
    outDir: fileURLToPath(new URL('../dist/ui', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
});
