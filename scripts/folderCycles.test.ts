import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coreFolderEdges, folderCycles, type FolderEdge } from './folderCycles';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const edge = (from: string, to: string): FolderEdge => ({ from, to, via: `${from}/x.ts -> ${to}/y.ts` });

describe('folderCycles', () => {
  it('finds the folders that import each other, directly or around a loop', () => {
    const edges = [edge('core/a', 'core/b'), edge('core/b', 'core/c'), edge('core/c', 'core/a'), edge('core/c', 'core/d'), edge('core/e', 'core/f'), edge('core/f', 'core/e')];
    expect(folderCycles(edges)).toEqual(
      expect.arrayContaining([
        ['core/a', 'core/b', 'core/c'],
        ['core/e', 'core/f'],
      ]),
    );
    expect(folderCycles(edges)).toHaveLength(2);
  });

  it('finds none in a layered graph', () => {
    expect(folderCycles([edge('core/cli', 'core/host'), edge('core/host', 'core/service'), edge('core/cli', 'core/service')])).toEqual([]);
  });
});

// ESLint's no-cycle judges files; this judges the engine's folders as layers, so a loop such as
// cli -> host -> service -> backtest -> sim -> broker -> … -> cli cannot come back one file at a time.
describe("the engine's folders", () => {
  it('form no runtime import cycle (tests and test support left out)', () => {
    const edges = coreFolderEdges(root);
    expect(edges.length).toBeGreaterThan(20);
    expect(edges.some((e) => e.from === 'core/sim' && e.to === 'core/broker')).toBe(true);
    const cycles = folderCycles(edges);
    const explain = cycles.map((group) => `${group.join(' <-> ')}:\n  ${edges.filter((e) => group.includes(e.from) && group.includes(e.to)).map((e) => e.via).join('\n  ')}`);
    expect(explain).toEqual([]);
  });
});
