/** Query 1: one record by its key. Measures the fixed cost of a request. */
import { nodes, type BenchQuery } from './types.js';

const slug = 'bench-d001';

export const trivial: BenchQuery = {
  key: 'q1-trivial',
  title: 'Q1 trivial: one agency by slug',
  defaultPage: 1,
  server: () => ({ query: 'query Trivial($slug: String!) { agency(slug: $slug) { slug name kind } }', variables: { slug } }),
  // Prisma makes `slug` a unique index, not a constraint, so PostGraphile v4 generates no agencyBySlug.
  postgraphile: () => ({
    query: 'query Trivial($slug: String!) { allAgencies(first: 1, condition: { slug: $slug }) { nodes { slug name kind } } }',
    variables: { slug },
  }),
  floor: {
    sql: `SELECT json_build_object('data', json_build_object('agency',
            (SELECT json_build_object('slug', slug, 'name', name, 'kind', kind) FROM "Agency" WHERE slug = $1)))::text AS body`,
    params: () => [slug],
  },
  fromPostgraphile: (data) => ({ agency: nodes(data.allAgencies)[0] ?? null }),
};
