import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer's build: relative asset paths (base './') so the same files load from Electron's
 * file:// and from the web host, output in dist/renderer.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // The renderer imports the contract from ../core/ipc.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
