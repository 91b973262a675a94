/**
 * A contract id derived from the symbol (FNV-1a), so the same symbol keeps its conId across fake
 * instances and universes, as a real contract does. `used` resolves the rare clash by probing upward.
 */
export function conIdFor(symbol: string, used: Set<number>): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < symbol.length; i++) {
    h ^= symbol.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // 9-digit ids like IB's, below 2^31 so every client reads them as an int.
  let id = 100_000_000 + (h % 900_000_000);
  while (used.has(id)) id = id === 999_999_999 ? 100_000_000 : id + 1;
  used.add(id);
  return id;
}
