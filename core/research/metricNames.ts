import { metricsSchema } from '../ipc/contract/backtests';
import { snakeOf } from './flatMetrics';

/**
 * Every name flatMetrics gives a run: what an objective may name. Apart from flatMetrics, so a sweep's worker,
 * which only flattens metrics, does not load the IPC contract's schemas.
 */
export const METRIC_NAMES: readonly string[] = [...Object.keys(metricsSchema.shape).map(snakeOf), 'orders', 'fills'];
