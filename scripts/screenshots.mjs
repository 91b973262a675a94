// Regenerates the README's screenshots (docs/screenshots/*.png): builds the app, then runs the e2e
// specs with the flag that lets their snapshots be written there. `npm test` never sets it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const run = (cmd, args, env = process.env) => {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
run(path.join(root, 'node_modules', '.bin', 'playwright'), ['test', ...process.argv.slice(2)], { ...process.env, TRADEDESK_SCREENSHOTS: '1' });
