import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * An esbuild plugin: zod's namespace re-exports every locale (about 360 kB of the bundle), which a bundler cannot
 * leave out, and every process and worker that loads the bundle parses them. The app speaks English only, so the
 * locales index gives just `en`, the one zod itself installs by default.
 */
export const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    const english = path.join(path.dirname(require.resolve('zod/v4/locales')), 'en.js');
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`) ? { path: 'zod-locales-en', namespace: 'zod-english-only' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
      contents: `export { default as en } from ${JSON.stringify(english)};`,
      loader: 'js',
      resolveDir: path.dirname(english),
    }));
  },
};
