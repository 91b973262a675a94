import type { Plugin } from 'esbuild';
export const zodEnglishOnly: Plugin;
