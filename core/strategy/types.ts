import type { z } from 'zod';
import type { Timestamp } from '../domain/order';
import type { DataView } from '../sim/DataView';

export interface PortfolioView {
  readonly cash: number;
  readonly equity: number;
  /** Signed quantities of the instruments held (no entry for flat ones). */
  readonly positions: ReadonlyMap<string, number>;
}

/**
 * A whole target portfolio: instruments absent from `values` are targeted flat.
 * `weight` values are fractions of equity (negative is short); `quantity` values are units.
 */
export interface Targets {
  kind: 'weight' | 'quantity';
  values: Map<string, number>;
}

/** Called once per session after its close; returns new targets, or null to leave the portfolio as it is. */
export type StrategyFn = (asOf: Timestamp, view: DataView, portfolio: PortfolioView) => Targets | null;

export interface StrategyContext {
  /** Universe of the run, in a fixed order. */
  symbols: readonly string[];
  /** Directory that relative paths in params are resolved against (the spec file's folder). */
  baseDir: string;
}

export interface StrategyDefinition<P = unknown> {
  name: string;
  description: string;
  /** Validates and defaults the params; its shape also drives the UI's generated form. */
  params: z.ZodType<P>;
  create(params: P, ctx: StrategyContext): StrategyFn;
}
