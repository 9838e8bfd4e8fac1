/**
 * `fn` over `items`, at most `limit` at a time. On the first failure no worker takes a new item,
 * but work already started is awaited before that first error is rethrown: a caller's cleanup then
 * runs after the last side effect (a record created after a test's cleanup would stay on the CRM).
 */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  let failed: { error: unknown } | undefined;
  const worker = async () => {
    while (!failed && queue.length) {
      const item = queue.shift() as T;
      try {
        await fn(item);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, queue.length)) }, worker));
  if (failed) throw failed.error;
}
