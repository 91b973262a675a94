/** The symbols whose quotes the screen needs: the ticket's and every held position's, each once. */
export function wantedQuotes(ticketSymbol: string | null, positions: readonly { instrument: string }[]): string[] {
  const out = new Set<string>();
  if (ticketSymbol) out.add(ticketSymbol);
  for (const p of positions) out.add(p.instrument);
  return [...out].sort();
}

/** What to subscribe and drop to go from the symbols watched to the symbols wanted. */
export function subscriptionChanges(watched: ReadonlySet<string>, wanted: readonly string[]): { add: string[]; drop: string[] } {
  const want = new Set(wanted);
  return { add: wanted.filter((s) => !watched.has(s)), drop: [...watched].filter((s) => !want.has(s)) };
}
