// Runs every test (vitest: unit + integration; Playwright: e2e) and prints the counted summary
// lines CI reads. Exits non-zero when anything failed or when no test ran at all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findChromium } from './chromium.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, '.artifacts');
mkdirSync(out, { recursive: true });
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const unitFile = path.join(out, 'vitest.json');
rmSync(unitFile, { force: true });
const unit = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitFile}`], {
  cwd: root,
  env,
  stdio: 'inherit',
});
const u = readJson(unitFile);
const unitCounts = u
  ? { passed: u.numPassedTests, failed: u.numFailedTests + (u.numRuntimeErrorTestSuites ?? 0), skipped: u.numPendingTests + u.numTodoTests }
  : { passed: 0, failed: 1, skipped: 0 };
if (unit.status !== 0 && unitCounts.failed === 0) unitCounts.failed = 1;

const e2eFile = path.join(out, 'e2e.json');
rmSync(e2eFile, { force: true });
const hasSpecs = existsSync(path.join(root, 'e2e')) && spawnSync('sh', ['-c', `ls ${path.join(root, 'e2e')}/*.spec.ts 2>/dev/null`]).stdout.length > 0;
let e2eCounts = { passed: 0, failed: 0, skipped: 0 };
if (hasSpecs) {
  // e2e drives the built app (what `npm run web` serves), so it is built from the current sources first.
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, env, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('build failed: e2e specs not run');
    e2eCounts.failed = 1;
  }
}
const chromium = findChromium();
if (hasSpecs && e2eCounts.failed === 0 && 'error' in chromium) {
  console.error(chromium.error);
  e2eCounts.failed = 1;
}
if (hasSpecs && e2eCounts.failed === 0) {
  const e2e = spawnSync(bin('playwright'), ['test', '--reporter=list,json'], {
    cwd: root,
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile },
    stdio: 'inherit',
  });
  const s = readJson(e2eFile)?.stats;
  e2eCounts = s ? { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped } : { passed: 0, failed: 1, skipped: 0 };
  if (e2e.status !== 0 && e2eCounts.failed === 0) e2eCounts.failed = 1;
}

const line = (label, c) => `${label}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
const total = {
  passed: unitCounts.passed + e2eCounts.passed,
  failed: unitCounts.failed + e2eCounts.failed,
  skipped: unitCounts.skipped + e2eCounts.skipped,
};
console.log(line('unit', unitCounts));
console.log(line('e2e', e2eCounts));
console.log(line('total', total));
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
