import type { SimulatorConfig } from '../config/simulatorSchema';

/**
 * Units one order can fill on one bar. The participation cap is counted in whole units (like zipline's
 * `int(volume_limit * volume)`), but an order's own fractional remainder may fill in full when it fits.
 */
export function fillableQuantity(remaining: number, capacity: number, barVolume: number, sim: SimulatorConfig): number {
  if (sim.use_volume_constraints && barVolume === 0) return 0;
  if (capacity >= remaining) return remaining;
  if (!(capacity > 0)) return 0;
  return Math.floor(capacity);
}
