/**
 * Runs `work` on every item with at most `concurrency` running at once, taking items from the
 * iterable as it goes (a store listing a million keys is never held whole). The first failure
 * stops the others from taking more items and is thrown once the running ones have settled.
 */
export async function forEachConcurrently<T>(
  items: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const iterator =
    Symbol.asyncIterator in items
      ? items[Symbol.asyncIterator]()
      : (items as Iterable<T>)[Symbol.iterator]();
  let failure: { error: unknown } | undefined;
  // Reads take turns: async generators queue overlapping next() calls, not every iterator does.
  let reading: Promise<unknown> = Promise.resolve();
  const next = (): Promise<IteratorResult<T>> => {
    const result = reading.then(() => iterator.next());
    reading = result.catch(() => undefined);
    return result;
  };
  const worker = async () => {
    while (!failure) {
      const item = await next();
      if (item.done) return;
      await work(item.value);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, concurrency) }, () =>
      worker().catch((error: unknown) => {
        failure ??= { error };
      }),
    ),
  );
  if (failure) throw failure.error;
}
