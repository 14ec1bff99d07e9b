/**
 * Builds a request's context from its credentials: a verified bearer token gives a signed-in viewer;
 * no token gives an anonymous one, refused outright when anonymous reading is off. A WebSocket
 * connection authenticates once (`viewerOf`) and gets a fresh context per operation (`contextFor`).
 */
import type { Logger } from 'pino';
import { AuthenticationError, type Authenticate } from '../auth/authenticate.js';
import { anonymousViewer, viewerFor, type Viewer } from '../auth/viewer.js';
import type { Database } from '../database/client.js';
import type { PlanEvents } from '../events/plan-events.js';
import { createContext, type Context } from './context.js';

export interface ContextFactoryDependencies {
  db: Database;
  events: PlanEvents;
  authenticate: Authenticate;
  anonymousRead: boolean;
}

export interface RequestCredentials {
  authorization: string | undefined;
  requestId: string;
  log: Logger;
}

export interface ContextFactory {
  (request: RequestCredentials): Promise<Context>;
  viewerOf(authorization: string | undefined): Promise<Viewer>;
  contextFor(viewer: Viewer, requestId: string, log: Logger): Context;
}

export function contextFactory({ db, events, authenticate, anonymousRead }: ContextFactoryDependencies): ContextFactory {
  const viewerOf = async (authorization: string | undefined) => {
    const claims = await authenticate(authorization);
    if (!claims && !anonymousRead) throw new AuthenticationError('Sign in: send "Authorization: Bearer <token>".');
    return claims ? viewerFor(db, claims) : anonymousViewer(anonymousRead);
  };
  const contextFor = (viewer: Viewer, requestId: string, log: Logger) =>
    createContext({ db, events, viewer, requestId, log: viewer.id ? log.child({ user: viewer.id, agency: viewer.agencyId }) : log });
  return Object.assign(
    async ({ authorization, requestId, log }: RequestCredentials) => contextFor(await viewerOf(authorization), requestId, log),
    { viewerOf, contextFor },
  );
}
