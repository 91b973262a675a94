/**
 * Writers still writing a run on another thread, so finishing a run first waits for its rows:
 * a run must never be marked completed while its records are still in flight, or after they failed.
 */
const drains = new Map<string, Set<() => void>>();

/** Registers a writer's synchronous drain (it throws if the writer failed); returns the unregister. */
export function registerActiveWriter(runId: string, drain: () => void): () => void {
  let set = drains.get(runId);
  if (!set) drains.set(runId, (set = new Set()));
  set.add(drain);
  return () => {
    set.delete(drain);
    if (set.size === 0 && drains.get(runId) === set) drains.delete(runId);
  };
}

/** Waits until every writer of `runId` has committed what it was given; throws the first failure. */
export function drainActiveWriters(runId: string): void {
  for (const drain of drains.get(runId) ?? []) drain();
}
