import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpecFile } from '../config/loadSpec';
import { loadBarsCsv } from '../data/csv/loadBarsCsv';
import { runSpec } from './runSpec';

const root = fileURLToPath(new URL('../../', import.meta.url));
const goog = path.join(root, 'fixtures/data/GOOG.csv');
const orcl = path.join(root, 'fixtures/data/orcl-1995-2014.txt');
/** The third session (ORCL starts first): the modules below go wrong on their third call. */
const third = new Date(loadBarsCsv(orcl).ts[2]).toISOString().slice(0, 10);

/** A spec on GOOG and ORCL whose strategy is `body`, written as a module beside it; returns the spec's path. */
function specWith(body: string, moduleName = 'my.mjs'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tradedesk-userstrat-'));
  writeFileSync(path.join(dir, moduleName), body);
  const spec = path.join(dir, 'spec.yaml');
  writeFileSync(spec, `name: user\ndata: {csv: [{symbol: GOOG, csv: ${goog}}, {symbol: ORCL, csv: ${orcl}}]}\nstrategy: {module: ./${moduleName}}\n`);
  return spec;
}

/** A module that returns null twice, then `value`. */
const onThirdCall = (value: string): string => `let n = 0;\nexport default function () { return ++n < 3 ? null : ${value}; }\n`;

describe("a user strategy's bad return value", () => {
  const cases: { name: string; value: string; says: string }[] = [
    { name: 'values as a plain object', value: "{ kind: 'weight', values: { GOOG: 1 } }", says: 'values must be a Map of symbol to number (new Map([["SYM", 0.5]])), got a plain object' },
    { name: 'a symbol in the wrong case', value: "{ kind: 'weight', values: new Map([['orcl', 1]]) }", says: 'unknown symbol "orcl"; known: GOOG, ORCL' },
    { name: 'a weight that is not a number', value: "{ kind: 'weight', values: new Map([['GOOG', '0.5']]) }", says: 'the weight for GOOG must be a finite number, got "0.5"' },
    { name: 'a misspelt kind', value: "{ kind: 'weights', values: new Map() }", says: 'kind must be "weight" or "quantity", got "weights"' },
    { name: 'nothing returned', value: 'undefined', says: 'expected {kind, values} or null (null keeps the portfolio), got undefined' },
  ];
  it.each(cases)('fails the run naming the session, the module and what was expected: $name', async ({ value, says }) => {
    const outcome = await runSpec(loadSpecFile(specWith(onThirdCall(value))));
    expect(outcome.result.status).toBe('failed');
    expect(outcome.result.error).toBe(`strategy failed on ${third}: ./my.mjs returned bad targets: ${says}`);
  });

  it('good targets from a module run to the end', async () => {
    const outcome = await runSpec(loadSpecFile(specWith(onThirdCall("{ kind: 'weight', values: new Map([['GOOG', 0.5], ['ORCL', 0.5]]) }"))));
    expect(outcome.result.status).toBe('completed');
    expect(outcome.result.closedTrades + outcome.result.openTrades.length).toBeGreaterThan(0);
  });

  it('a module that does not load, or exports no strategy, is a spec error at strategy.module', async () => {
    const broken = specWith('export default function ( {\n');
    await expect(runSpec(loadSpecFile(broken))).rejects.toThrow(`${broken}: strategy.module: strategy module ${path.join(path.dirname(broken), 'my.mjs')} could not be loaded: `);
    const empty = specWith('export const answer = 42;\n');
    await expect(runSpec(loadSpecFile(empty))).rejects.toThrow(`${empty}: strategy.module: strategy module ${path.join(path.dirname(empty), 'my.mjs')} exports no strategy: a strategy object (with onBar, onStart, ...) or a strategy function as "default" or "strategy", or create(params, ctx)`);
  });

  it('is reported the same way by the CLI, for a TypeScript module', () => {
    const spec = specWith(
      "let n = 0;\nexport default function (): unknown { return ++n < 3 ? null : { kind: 'weight', values: { ORCL: 1 } }; }\n",
      'my.ts',
    );
    const p = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'core/cli/tradedesk.ts'), 'backtest', spec, '--memory', '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(p.status).toBe(1);
    expect(p.stderr).toContain(`error: strategy failed on ${third}: ./my.ts returned bad targets: values must be a Map of symbol to number`);
    expect(p.stderr).not.toMatch(/is not iterable|is not a function|at .*\.ts:\d+/);
  });
});
