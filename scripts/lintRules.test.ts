import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Plants small files at real paths of the tree and lints them with the project's own config, so a
// rule that stops firing (a moved folder, a typo in a zone) fails here rather than silently in CI.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });

async function rulesFired(relPath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, relPath) });
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal, `${relPath} did not parse`).toEqual([]);
  return result.messages.map((m) => m.ruleId ?? '');
}

const BOUNDARY = 'import-x/no-restricted-paths';
// Allowed imports are asserted to lint clean: no-unresolved fires if a path is wrong, so these are
// never vacuous passes of a rule that skips what it cannot resolve.

describe('import boundaries', () => {
  it('refuses core importing the renderer or Electron', async () => {
    expect(await rulesFired('core/planted.ts', "import * as r from '../renderer/main';\nexport const x = r;\n")).toContain(BOUNDARY);
    expect(await rulesFired('core/host/planted.ts', "import * as e from '../../electron/main';\nexport const x = e;\n")).toContain(BOUNDARY);
  });

  it("keeps the engine's bottom layers at the bottom: the domain, and the broker port below the simulator", async () => {
    expect(await rulesFired('core/domain/planted.ts', "import * as s from '../sim/BacktestBroker';\nexport const x = s;\n")).toContain(BOUNDARY);
    expect(await rulesFired('core/broker/planted.ts', "import * as f from '../sim/fillRules';\nexport const x = f;\n")).toContain(BOUNDARY);
    expect(await rulesFired('core/domain/planted.ts', "import { SIDES } from './enums';\nexport const x = SIDES;\n")).toEqual([]);
  });

  it('lets the renderer import the contract and its client side only', async () => {
    const file = 'renderer/features/planted.ts';
    expect(await rulesFired(file, "import * as s from '../../core/sim/BacktestBroker';\nexport const x = s;\n")).toContain(BOUNDARY);
    expect(await rulesFired(file, "import type { Router } from '../../core/ipc/router';\nexport type X = Router;\n")).toContain(BOUNDARY);
    const contract = [
      "import { methods } from '../../core/ipc/contract';",
      "import { ApiError } from '../../core/ipc/errors';",
      "import type { Transport } from '../../core/ipc/client';",
      "import { createWsTransport } from '../../core/ipc/wsClientTransport';",
      "import type { RunSummary } from '../../core/ipc/contract/backtests';",
      'export const x = [methods, ApiError, createWsTransport];',
      'export type Y = [Transport, RunSummary];',
    ].join('\n');
    expect(await rulesFired(file, contract)).toEqual([]);
  });

  it("lets the renderer's tests check it against the engine", async () => {
    const code = "import * as s from '../../core/sim/BacktestBroker';\nexport const x = s;\n";
    expect(await rulesFired('renderer/features/planted.test.ts', code)).toEqual([]);
  });

  it('lets Electron import only the host, the contract and the data dir', async () => {
    const file = 'electron/planted.ts';
    expect(await rulesFired(file, "import * as t from '../core/service/trading/tradingService';\nexport const x = t;\n")).toContain(BOUNDARY);
    expect(await rulesFired(file, "import * as d from '../core/domain/enums';\nexport const x = d;\n")).toContain(BOUNDARY);
    const allowed = [
      "import { createHost } from '../core/host/createHost';",
      "import { defaultDataDir } from '../core/store/dataDir';",
      "import { BRIDGE_CALL_CHANNEL } from '../core/ipc/bridge';",
      'export const x = [createHost, defaultDataDir, BRIDGE_CALL_CHANNEL];',
    ].join('\n');
    expect(await rulesFired(file, allowed)).toEqual([]);
  });
});

describe('import cycles', () => {
  // The cycle rule reads the imported files from disk, so this pair is real; a dot folder keeps it
  // out of tsc's and vitest's globs for the moment it exists.
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(root, 'core', '.lint-cycle-'));
    writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = (): number => b() + 1;\n");
    writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a';\nexport const b = (): number => a() - 1;\n");
    writeFileSync(path.join(dir, 'c.ts'), "import type { D } from './d';\nexport interface C { d?: D }\n");
    writeFileSync(path.join(dir, 'd.ts'), "import type { C } from './c';\nexport interface D { c?: C }\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function lintFile(name: string): Promise<string[]> {
    const [result] = await eslint.lintFiles([path.join(dir, name)]);
    return result.messages.map((m) => m.ruleId ?? '');
  }

  it('refuses a runtime cycle', async () => {
    expect(await lintFile('a.ts')).toContain('import-x/no-cycle');
  });

  it('allows a cycle of type-only imports (erased at build time)', async () => {
    expect(await lintFile('c.ts')).toEqual([]);
  });
});

describe('engine hygiene', () => {
  it('refuses console output in the engine but not in command-line entry points', async () => {
    const code = "export function f(): void {\n  console.log('x');\n}\n";
    expect(await rulesFired('core/sim/planted.ts', code)).toContain('no-console');
    expect(await rulesFired('core/cli/planted.ts', code)).toEqual([]);
  });

  it('refuses an import that does not resolve', async () => {
    expect(await rulesFired('core/planted.ts', "import { x } from './noSuchModule';\nexport const y = x;\n")).toContain('import-x/no-unresolved');
  });

  it('refuses explicit any', async () => {
    expect(await rulesFired('core/planted.ts', 'export const f = (x: any): number => x;\n')).toContain('@typescript-eslint/no-explicit-any');
  });
});
