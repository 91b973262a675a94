/**
 * What the optional knobs of the synthetic market mean when left out. Leaving every one out gives the
 * default daily market bit for bit, as spelling each default out does.
 */
export const SYNTHETIC_DEFAULTS = {
  bar_size: '1d',
  session: { open: '09:30', close: '16:00' },
  regimes: { turbulent_vol: 2.5, calm_days: 250, turbulent_days: 40 },
  market_beta: 1,
  drift: 0.03,
  daily_volume: 1e6,
  volume_profile: 'u_shape',
  spread_bps: 5,
} as const;

/**
 * The one default synthetic world: what a spec without data runs on (the form's default data) and the
 * universe written to the bar store on its first start (SYN000..SYN019, daily), so both are the same series.
 */
export const DEFAULT_SYNTHETIC_WORLD = { symbols: 20, years: 10, seed: 1, start: '2000-01-03' } as const;
