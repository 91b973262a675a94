import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { syntheticOptionsSchema } from '../../../core/data/syntheticOptions';
import type { FieldModel } from './fieldModel';
import { specSchema } from '../../../core/config/specSchema';
import { fieldFromSchema } from './schemaFields';
import { DEFAULT_MARKET_SEED, MARKET_FIELDS, REGIME_FIELDS, VOLUME_PROFILE_FIELD, barSizeField, syntheticFieldPaths, syntheticLayout } from './syntheticFields';

type Node = { properties?: Record<string, Node>; anyOf?: Node[] };
const schema = z.toJSONSchema(syntheticOptionsSchema, { io: 'input' }) as Node;

/** The engine's JSON Schema node for a knob's path under data.synthetic (optional objects unwrapped). */
function nodeAt(path: string): unknown {
  let node: Node | undefined = schema;
  for (const key of path.replace('data.synthetic.', '').split('.')) {
    const obj: Node | undefined = node?.properties ? node : node?.anyOf?.find((b) => b.properties);
    node = obj?.properties?.[key];
  }
  return node;
}

const limits = (f: FieldModel) => (f.kind === 'number' ? { min: f.min, minExclusive: f.minExclusive ?? false, max: f.max, integer: f.integer } : f);

describe('synthetic fields', () => {
  it("default the market seed as the engine's spec does", () => {
    const parsed = specSchema.parse({ name: 'x', strategy: { name: 'sma-cross' }, data: { synthetic: { symbols: 1, years: 1 } } });
    expect(parsed.data.synthetic?.seed).toBe(DEFAULT_MARKET_SEED);
  });

  it("bound each knob as the engine's schema does", () => {
    for (const f of [...MARKET_FIELDS, ...REGIME_FIELDS]) {
      const engine = fieldFromSchema(f.path, f.path, nodeAt(f.path), false);
      expect(engine.kind, f.path).toBe('number');
      expect(limits(f), f.path).toEqual(limits(engine));
    }
    const profile = fieldFromSchema(VOLUME_PROFILE_FIELD.path, '', nodeAt(VOLUME_PROFILE_FIELD.path), false);
    expect(VOLUME_PROFILE_FIELD.kind === 'select' && VOLUME_PROFILE_FIELD.options.map((o) => o.value)).toEqual(profile.kind === 'select' && profile.options.map((o) => o.value));
  });

  it('offers the usual bar sizes and keeps an unusual one the spec names', () => {
    const values = (current: unknown) => {
      const f = barSizeField(current);
      return f.kind === 'select' ? f.options.map((o) => o.value) : [];
    };
    expect(values(undefined)).toEqual(['1d', '1h', '30m', '15m', '5m', '1m']);
    expect(values('5m')).toHaveLength(6);
    expect(values('2m')).toEqual(['1d', '1h', '30m', '15m', '5m', '1m', '2m']);
  });

  it('shows session and profile for intraday bars, and regime inputs once regimes are on', () => {
    const paths = (synthetic: unknown) => {
      const { main, market, regimes } = syntheticLayout(synthetic);
      return [...main, ...market, ...regimes].map((f) => f.path.replace('data.synthetic.', ''));
    };
    const daily = paths({ symbols: 5, years: 2 });
    expect(daily).not.toContain('session.open');
    expect(daily).not.toContain('volume_profile');
    expect(daily).not.toContain('regimes.calm_days');
    expect(paths({ bar_size: '5m' })).toEqual(expect.arrayContaining(['session.open', 'session.close', 'volume_profile']));
    expect(paths({ bar_size: '1d', volume_profile: 'flat' })).toContain('volume_profile');
    expect(paths({ regimes: {} })).toEqual(expect.arrayContaining(['regimes.turbulent_vol', 'regimes.calm_days', 'regimes.turbulent_days']));
    expect(syntheticFieldPaths({})).toContain('data.synthetic.regimes');
  });
});
