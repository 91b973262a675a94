import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../ipc/errors';
import { describeStrategyModule } from './strategyModule';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string;

/** Writes a module into the temp folder; returns its name. */
function write(name: string, body: string): string {
  writeFileSync(path.join(dir, name), body);
  return name;
}

/** The ApiError describing `name` fails with. */
async function failure(name: string): Promise<ApiError> {
  const err: unknown = await describeStrategyModule(name, dir).catch((e: unknown) => e);
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}

// A folder outside the repository with the app's zod installed, as a user's strategy folder would have it.
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tradedesk-describe-'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(path.join(root, 'node_modules/zod'), path.join(dir, 'node_modules/zod'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OBJECT_WITH_PARAMS = `import { z } from 'zod';
export default {
  params: z.object({
    lookback: z.number().int().min(2).default(20),
    mode: z.enum(['long_only', 'long_short']).default('long_only'),
    level: z.number(),
  }),
  onBar(): void {},
};
`;

describe('describeStrategyModule', () => {
  it("gives a strategy object's params as JSON Schema with their defaults, the path resolved against the base folder", async () => {
    const info = await describeStrategyModule(write('object.ts', OBJECT_WITH_PARAMS), dir);
    expect(info.file).toBe(path.join(dir, 'object.ts'));
    expect(info.kind).toBe('object');
    expect(info.paramsSchema).toMatchObject({
      type: 'object',
      properties: { lookback: { type: 'integer', minimum: 2, default: 20 }, mode: { enum: ['long_only', 'long_short'] }, level: { type: 'number' } },
      required: ['level'],
    });
    // A required param without a default leaves the schema without defaults to give.
    expect(info.defaults).toEqual({});
    write('defaults.ts', OBJECT_WITH_PARAMS.replace('level: z.number()', 'level: z.number().default(1.5)'));
    expect((await describeStrategyModule(path.join(dir, 'defaults.ts'), '/elsewhere')).defaults).toEqual({ lookback: 20, mode: 'long_only', level: 1.5 });
  });

  it('reads a module again after it was edited', async () => {
    write('edited.ts', OBJECT_WITH_PARAMS.replace('level: z.number()', 'level: z.number().default(1)'));
    expect((await describeStrategyModule('edited.ts', dir)).defaults).toMatchObject({ level: 1 });
    write('edited.ts', OBJECT_WITH_PARAMS.replace('level: z.number()', 'level: z.number().default(2)'));
    expect((await describeStrategyModule('edited.ts', dir)).defaults).toMatchObject({ level: 2 });
  });

  it('says a module has no params schema: an object without one, a strategy function, create(params, ctx) (not called)', async () => {
    const none = { paramsSchema: null, defaults: {} };
    expect(await describeStrategyModule(write('plain.mjs', 'export const strategy = { onEnd() {} };\n'), dir)).toMatchObject({ kind: 'object', ...none });
    expect(await describeStrategyModule(write('fn.ts', 'export default function (): null { return null; }\n'), dir)).toMatchObject({ kind: 'function', ...none });
    const create = write('create.js', "export function create() { throw new Error('create must not be called to describe'); }\n");
    expect(await describeStrategyModule(create, dir)).toMatchObject({ kind: 'function', ...none });
  });

  it('names the file and the problem when there is no module, it does not load, or it exports no strategy', async () => {
    const missing = await failure('missing.ts');
    expect(missing.code).toBe('BAD_INPUT');
    expect(missing.message).toBe(`no such file: ${path.join(dir, 'missing.ts')}`);
    expect((await failure(write('broken.ts', 'export default function ( {\n'))).message).toMatch(
      new RegExp(`^strategy module ${path.join(dir, 'broken.ts')} could not be loaded: .+`),
    );
    expect((await failure(write('empty.ts', 'export const answer = 42;\n'))).message).toBe(
      `strategy module ${path.join(dir, 'empty.ts')} exports no strategy: a strategy object (with onBar, onStart, ...) or a strategy function as "default" or "strategy", or create(params, ctx)`,
    );
    expect((await failure(write('badparams.ts', 'export default { params: { lookback: 20 }, onBar(): void {} };\n'))).message).toBe(
      `strategy module ${path.join(dir, 'badparams.ts')}: default.params must be a zod schema (import { z } from 'tradedesk/strategy')`,
    );
    // Something with a safeParse that is no zod schema of the app's zod.
    expect((await failure(write('otherzod.ts', 'export default { params: { safeParse: () => ({ success: true, data: {} }) }, onBar(): void {} };\n'))).message).toMatch(
      new RegExp(`^strategy module ${path.join(dir, 'otherzod.ts')}: default.params cannot be read as a form: .+`),
    );
    expect((await failure(write('badhook.ts', 'export default { onBar: 1 };\n'))).message).toBe(`strategy module ${path.join(dir, 'badhook.ts')}: default.onBar must be a function, got number`);
  });
});
