import { getAt } from './specPath';
import { DEFAULT_MARKET_SEED, SYNTHETIC_DEFAULTS } from './syntheticFields';

const fmt = (v: unknown): string => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v));

/**
 * What the collapsed Market model group says about the knobs the spec sets (a duplicated run's
 * market shows without opening it); empty: the engine's defaults throughout.
 */
export function marketModelSummary(synthetic: unknown): string[] {
  const at = (key: string): unknown => getAt(synthetic, key);
  const parts: string[] = [];
  const seed = at('seed');
  if (seed !== undefined && seed !== DEFAULT_MARKET_SEED) parts.push(`seed ${fmt(seed)}`);
  if (at('market_beta') !== undefined) parts.push(`beta ${fmt(at('market_beta'))}`);
  if (at('drift') !== undefined) parts.push(`drift ${fmt(at('drift'))}/yr`);
  if (at('daily_volume') !== undefined) parts.push(`volume ${fmt(at('daily_volume'))}`);
  if (at('spread_bps') !== undefined) parts.push(`spread ${fmt(at('spread_bps'))} bps`);
  if (at('regimes') !== undefined) parts.push(`regimes (${fmt(at('regimes.turbulent_vol') ?? SYNTHETIC_DEFAULTS.regimes.turbulent_vol)}× vol)`);
  if (at('volume_profile') !== undefined) parts.push(`${String(at('volume_profile')).replace('_', '-')} profile`);
  return parts;
}
