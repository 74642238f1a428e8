/** Random IDs exactly as the Go provider makes them: version-4 UUIDs, lowercase, dashed. */
import { randomUUID } from 'node:crypto';

let source: (() => string) | undefined;

export const newId = (): string => (source ? source() : randomUUID());

/**
 * Runs `work` with IDs from `ids` instead of crypto. For the release executable's snapshot
 * warm-up (provider/plugin/snapshot-main.ts) only: randomness drawn before V8 saves the heap
 * (Node pools random bytes for randomUUID) would repeat in every provider process.
 */
export async function withIdSource<T>(ids: () => string, work: () => Promise<T>): Promise<T> {
  const previous = source;
  source = ids;
  try {
    return await work();
  } finally {
    source = previous;
  }
}
