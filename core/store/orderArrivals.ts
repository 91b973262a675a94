import type Database from 'better-sqlite3';

const finite = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

/**
 * Records a paper or live order's arrival: the price it was decided at and the broker's quote when
 * it went out. Set once: the first record of an order stands.
 */
export function recordArrival(db: Database.Database, clientOrderRef: string, arrivalPrice: number | null, arrivalQuote: number | null): void {
  db.prepare('UPDATE orders SET arrival_price = ?, arrival_quote = ? WHERE client_order_ref = ? AND arrival_price IS NULL AND arrival_quote IS NULL').run(
    finite(arrivalPrice),
    finite(arrivalQuote),
    clientOrderRef,
  );
}
