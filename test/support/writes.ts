/** Helpers for tests that write: a signed-in client, and a fingerprint of everything writes can touch. */
import { expect } from 'vitest';
import type { Database } from '../../src/database/client.js';
import { tokenFor, type Persona } from './auth.js';

export type Gql = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<{ data?: T; errors?: any[]; status: number }>;

/** A client for `origin` acting as `persona` (or anonymously). */
export async function clientAs(origin: string, persona: Persona | null, headers: Record<string, string> = {}): Promise<Gql> {
  const token = persona ? await tokenFor(persona) : null;
  return async (query, variables) => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { ...(await response.json()), status: response.status };
  };
}

/** The data of a request that must not fail (the test fails, showing the errors, if it does). */
export async function read(gql: Gql, query: string, variables?: Record<string, unknown>): Promise<any> {
  const { data, errors } = await gql(query, variables);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data;
}

const WRITTEN_TABLES = [
  'SourceDocument',
  'DocumentIssuer',
  'Inspection',
  'PlanRespondent',
  'Agency',
  'Role',
  'RecordNote',
  'Citation',
  'ReportingRound',
  'Recommendation',
  'Action',
  'ActionOwner',
  'ActionDependency',
  'RecommendationDependency',
  'ProgressUpdate',
  'ProgressUpdateAction',
  'DateRevision',
  'Dependency',
  'DependencyUpdate',
  'InspectorateComment',
  'AuditEvent',
];

/** A digest of every row of every table a write can change: equal digests, nothing written. */
export async function fingerprint(db: Database): Promise<string> {
  const parts = await Promise.all(
    WRITTEN_TABLES.map(async (table) => {
      const [row] = await db.$queryRawUnsafe<[{ md5: string | null }]>(
        `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${table}" t`,
      );
      return `${table}:${row.md5}`;
    }),
  );
  return parts.join(',');
}
