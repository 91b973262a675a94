import { randomUUID } from 'node:crypto';

/** A client order reference: a random v4 UUID, so it stays unique across runs, modes and machines. */
export function newClientOrderRef(): string {
  return randomUUID();
}
