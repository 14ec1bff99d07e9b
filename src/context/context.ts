/**
 * The per-request context: frozen, so a resolver cannot leak state into another request. Per-request
 * DataLoaders hang off it too: the dataloader plugin keys each field's loader on this object.
 */
import type { Logger } from 'pino';
import type { Database } from '../database/client.js';

export interface Context {
  readonly db: Database;
  readonly requestId: string;
  readonly log: Logger;
}

export function createContext(input: Context): Context {
  return Object.freeze({ ...input });
}
