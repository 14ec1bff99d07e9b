import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';

describe('the published schema', () => {
  it('matches schema/schema.graphql (run `npm run schema:print` after changing the schema)', () => {
    const committed = readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8');
    expect(`${printSchema(schema)}\n`).toBe(committed);
  });

  it('follows Relay conventions for typed clients', () => {
    const sdl = printSchema(schema);
    expect(sdl).toContain('interface Node {\n  id: ID!\n}');
    expect(sdl).toMatch(/node\(id: ID!\): Node/);
    expect(sdl).toMatch(/nodes\(ids: \[ID!\]!\): \[Node\]!/);
    for (const type of ['Agency', 'Inspection', 'Recommendation', 'Action', 'ProgressUpdate', 'Dependency', 'SourceDocument', 'Citation']) {
      expect(sdl, type).toMatch(new RegExp(`type ${type} implements Node`));
    }
    expect(sdl).toMatch(/type QueryRecommendationsConnection \{[^}]*totalCount: Int!/);
  });
});
