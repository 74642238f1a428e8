/** Random IDs exactly as the Go provider makes them: version-4 UUIDs, lowercase, dashed. */
import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
