/**
 * The per-request context: frozen, so a resolver cannot leak state into another request.
 * Loaders are created per request (src/schema/loaders are keyed on it by the dataloader plugin).
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
