import { graphql, type ExecutionResult } from 'graphql';
import pino from 'pino';
import type { Viewer } from '../../src/auth/viewer.js';
import { createContext } from '../../src/context/context.js';
import { PlanEvents } from '../../src/events/plan-events.js';
import type { Database } from '../../src/database/client.js';
import { schema } from '../../src/schema/index.js';

const events = new PlanEvents();

/** Runs an operation through the real schema with a fresh per-request context, as the server does. */
export async function run<T = any>(
  db: Database,
  source: string,
  variableValues?: Record<string, unknown>,
  viewer?: Viewer,
): Promise<ExecutionResult<T>> {
  const contextValue = createContext({ db, events, viewer, requestId: 'test', log: pino({ level: 'silent' }) });
  return (await graphql({ schema, source, variableValues, contextValue })) as ExecutionResult<T>;
}

/** Like run, but fails the test on any GraphQL error. */
export async function data<T = any>(db: Database, source: string, variableValues?: Record<string, unknown>): Promise<T> {
  const result = await run<T>(db, source, variableValues);
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.data as T;
}
