import { z } from 'zod';
import { method } from '../contractTypes';
import { nullableNum, num, ts } from './common';

/** A user-defined shock (see core/risk/scenarios.ts for how each kind is applied). */
export const scenarioSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('market'), shockPct: num.min(-100).max(1000) }).strict(),
  z.object({ kind: z.literal('symbol'), symbol: z.string().min(1).max(50), shockPct: num.min(-100).max(1000) }).strict(),
  z.object({ kind: z.literal('volatility'), factor: num.positive().max(100) }).strict(),
]);

export const accountRiskInputSchema = z
  .object({
    scenarios: z.array(scenarioSchema).max(50).optional(),
    rollingWindow: z.number().int().min(2).max(1000).default(63),
  })
  .strict()
  .prefault({});

export const riskReportInputSchema = z
  .object({
    runId: z.string().uuid(),
    /** The session to report as of (epoch ms); the last session at or before it is used. Default: the run's last. */
    asOf: ts.optional(),
    /** Default: market −10 %, market −20 %, volatility ×2. */
    scenarios: z.array(scenarioSchema).max(50).optional(),
    /** Sessions in the rolling volatility / Sharpe / drawdown window. */
    rollingWindow: z.number().int().min(2).max(1000).default(63),
  })
  .strict();

const symbolExposureSchema = z.object({ symbol: z.string(), quantity: num, marketValue: num, weight: num });

export const riskReportSchema = z.object({
  /** The stored row's id in portfolio_risk_reports. */
  id: z.number().int(),
  runId: z.string().nullable(),
  mode: z.enum(['BACKTEST', 'PAPER', 'LIVE']),
  createdAt: ts,
  asOf: ts,
  equity: num,
  observations: z.number().int(),
  figures: z.array(
    z.object({
      method: z.enum(['historical', 'parametric']),
      confidence: num,
      horizonDays: z.number().int(),
      var: nullableNum,
      es: nullableNum,
      varMoney: nullableNum,
      esMoney: nullableNum,
    }),
  ),
  volatility: nullableNum,
  beta: nullableNum,
  exposures: z.object({
    gross: num,
    net: num,
    long: num,
    short: num,
    grossPct: num,
    netPct: num,
    longPct: num,
    shortPct: num,
    bySymbol: z.array(symbolExposureSchema),
  }),
  concentration: z.object({ herfindahl: num, effectivePositions: num, topShare: num, top: z.array(symbolExposureSchema) }),
  rollingWindow: z.number().int(),
  rolling: z.array(z.object({ ts, volatility: num, sharpe: nullableNum, drawdown: num })),
  scenarios: z.array(z.object({ name: z.string(), scenario: scenarioSchema, pnl: num, pnlPct: num })),
  worstWindows: z.array(z.object({ days: z.number().int(), fromTs: ts, toTs: ts, return: num })),
});

export type RiskReportDto = z.output<typeof riskReportSchema>;
export type ScenarioInput = z.output<typeof scenarioSchema>;

export const riskMethods = {
  /** Builds a backtest run's risk report as of a session, stores it in portfolio_risk_reports and returns it. */
  'risk.report': method(riskReportInputSchema, riskReportSchema),
  /**
   * The connected paper/live account's report now: today's positions valued over the bar store's daily
   * closes (historical simulation of the current book), stored with mode PAPER or LIVE.
   */
  'risk.account': method(accountRiskInputSchema, riskReportSchema),
} as const;
