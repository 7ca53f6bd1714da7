/*
 * The queues a process has used, per Redis and prefix. Redis cannot list a prefix's queues without
 * scanning every key, so `counts()` reports these (plus the ones the caller names). They are kept
 * for the whole process, not per adapter, so a queue reopened in the same process (a restart of
 * the workers) still reports what its predecessor ran.
 */
const queuesByStore = new Map<string, Set<string>>();

export function rememberQueue(store: string, queue: string): void {
  const queues = queuesByStore.get(store) ?? new Set<string>();
  queuesByStore.set(store, queues);
  queues.add(queue);
}

export function knownQueues(store: string): ReadonlySet<string> {
  return queuesByStore.get(store) ?? new Set();
}
