/**
 * The per-request context: frozen, so a resolver cannot leak state into another request. Per-request
 * caches hang off it: the dataloader plugin keys each field's loader on this object, `loaders` holds
 * loaders that vary by frame, and `frames` records which part of the response is asked "as of" when.
 */
import type { Logger } from 'pino';
import { anonymousViewer, type Viewer } from '../auth/viewer.js';
import type { Database } from '../database/client.js';
import { nowFrame } from '../domain/frame.js';
import type { PlanEvents } from '../events/plan-events.js';
import { LoaderCache } from '../loaders/loader-cache.js';
import { FrameRegistry } from './frames.js';

export interface Context {
  readonly db: Database;
  readonly requestId: string;
  readonly log: Logger;
  /** Who is asking, from their verified token. */
  readonly viewer: Viewer;
  /** Where committed writes are announced. */
  readonly events: PlanEvents;
  /** The request's "now": statuses outside any `asOf` are judged on this day. */
  readonly today: Date;
  readonly frames: FrameRegistry;
  readonly loaders: LoaderCache;
}

export interface ContextInput {
  db: Database;
  requestId: string;
  log: Logger;
  events: PlanEvents;
  /** Defaults to an anonymous reader. */
  viewer?: Viewer;
  /** Defaults to the time the request arrived. */
  today?: Date;
}

export function createContext(input: ContextInput): Context {
  const today = input.today ?? new Date();
  return Object.freeze({
    db: input.db,
    requestId: input.requestId,
    log: input.log,
    viewer: input.viewer ?? anonymousViewer(true),
    events: input.events,
    today,
    frames: new FrameRegistry(nowFrame(today)),
    loaders: new LoaderCache(),
  });
}
