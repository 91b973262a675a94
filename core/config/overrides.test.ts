import { describe, it, expect } from 'vitest';
import type { ConfigError } from './ConfigError';
import { applyOverrides } from './overrides';
import { parseYamlText } from './readYaml';

const KEYS = ['a', 'list', 'name'];

describe('applyOverrides', () => {
  it('sets nested keys, creating missing sections, without touching the input', () => {
    const input = { a: { b: 1 } };
    const out = applyOverrides(input, ['a.c.d=true', 'name=x y', 'a.b=2.5'], KEYS, 'f.yaml');
    expect(out).toEqual({ a: { b: 2.5, c: { d: true } }, name: 'x y' });
    expect(input).toEqual({ a: { b: 1 } });
  });

  it('indexes into lists by number', () => {
    expect(applyOverrides({ list: [{ v: 1 }] }, ['list.0.v=7'], KEYS, 'f.yaml')).toEqual({ list: [{ v: 7 }] });
  });

  it('reports every bad override in one error', () => {
    let error: ConfigError | undefined;
    try {
      applyOverrides({ a: 3, list: [] }, ['nope=1', 'a.b=2', 'list.x=1', 'noequals'], KEYS, 'f.yaml');
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error?.issues.map((i) => i.path)).toEqual(['nope', 'a.b', 'list.x', 'noequals']);
    expect(error?.message).toContain('f.yaml: a.b: --set "a.b=2": a is a number, not a section');
  });
});

describe('parseYamlText', () => {
  it('reports syntax errors with line and column', () => {
    expect(() => parseYamlText('a: 1\nb: [1, 2\nc: 3\n', 'x.yaml')).toThrow(/^x\.yaml: YAML syntax error at line \d+, column \d+: /);
  });

  it('keeps dates as strings (YAML 1.2 core schema)', () => {
    expect(parseYamlText('start: 2004-08-19', 'x.yaml')).toEqual({ start: '2004-08-19' });
  });
});
