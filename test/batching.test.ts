/**
 * Nested queries must not cost a statement per parent: the same operation at two page sizes sends the
 * same SQL statements, and each reaches its rows with one batched IN (...) query.
 */
import { describe, expect, it } from 'vitest';
import { data } from './support/graphql.js';
import { testDatabase } from './support/database.js';

const { db, statements } = testDatabase();

// Four levels below the connection: recommendation -> action -> owner role -> agency -> parent agency.
const NESTED = /* GraphQL */ `
  query Nested($first: Int!) {
    recommendations(first: $first) {
      totalCount
      edges {
        node {
          number
          addressees {
            slug
          }
          actions {
            text
            target {
              text
            }
            owners {
              title
              agency {
                name
                parent {
                  name
                }
              }
            }
            dateRevisions {
              previous {
                text
              }
              revised {
                text
              }
              round {
                label
              }
            }
          }
          progressUpdates {
            status
            round {
              label
            }
            owner {
              title
            }
            citations {
              excerpt
              document {
                slug
              }
            }
          }
          dependencies {
            slug
            leadAgency {
              name
            }
          }
          notes {
            kind
          }
        }
      }
    }
  }
`;

async function statementsFor(first: number) {
  statements.length = 0;
  const result = await data(db, NESTED, { first });
  return { result, sql: [...statements] };
}

/** The table a SELECT reads, e.g. "ActionOwner". */
const tableOf = (sql: string) => /FROM "public"\."(\w+)"/.exec(sql)?.[1] ?? sql.slice(0, 40);

// A filtered, framed, ordered query with derived fields at two levels.
const FILTERED = /* GraphQL */ `
  query Filtered($first: Int!) {
    asOf(round: "letter-2025-03") {
      recommendations(
        first: $first
        filter: { ownedBy: ["hmpps"], search: "guidance OR training OR tool" }
        orderBy: { field: SLIPPAGE, direction: DESC }
      ) {
        totalCount
        byState {
          state
          count
        }
        nodes {
          number
          status {
            state
            explanation
            round {
              label
            }
            progressUpdate {
              paragraphs
            }
            action {
              key
            }
          }
          slippage {
            days
            revisions {
              previous {
                text
              }
              revised {
                text
              }
              round {
                label
              }
            }
          }
          progressUpdates {
            round {
              slug
            }
          }
          actions {
            key
            status {
              state
              target {
                text
              }
            }
            slippage {
              days
            }
            owners {
              agency {
                slug
                parent {
                  slug
                }
              }
            }
            dependencies {
              slug
            }
          }
          dependencies {
            slug
            expected {
              text
            }
            impact {
              atRiskCount
            }
          }
        }
      }
    }
  }
`;

describe('batched loading', () => {
  it('keeps a filtered, framed query with derived fields to the same statements at any page size', async () => {
    const run = async (first: number) => {
      statements.length = 0;
      const result = await data(db, FILTERED, { first });
      return { nodes: result.asOf.recommendations.nodes, sql: [...statements] };
    };
    // Loaders batch per level and per kind of record, so a page too small to reach every kind of record
    // (here, a status decided by a revised date) sends fewer statements; from 6 rows on, every kind is there.
    const small = await run(6);
    const large = await run(20);
    expect(small.nodes).toHaveLength(6);
    expect(large.nodes.length).toBeGreaterThan(4);
    expect(large.nodes.flatMap((n: any) => n.actions).length).toBeGreaterThan(small.nodes.flatMap((n: any) => n.actions).length);
    expect(large.sql.length).toBe(small.sql.length);
    expect(large.sql.map(tableOf).sort()).toEqual(small.sql.map(tableOf).sort());
    expect(large.sql.length).toBeLessThanOrEqual(40);
  });

  it('sends the same statements for 3 and for 20 recommendations', async () => {
    const small = await statementsFor(3);
    const large = await statementsFor(20);
    expect(small.result.recommendations.edges).toHaveLength(3);
    expect(large.result.recommendations.edges).toHaveLength(20);
    // The larger page really does reach more rows at every level.
    const count = (r: any) => r.recommendations.edges.flatMap((e: any) => e.node.actions.flatMap((a: any) => a.owners)).length;
    expect(count(large.result)).toBeGreaterThan(count(small.result));

    expect(large.sql.length).toBe(small.sql.length);
    // Statements run concurrently, so compare what was read, not the order.
    expect(large.sql.map(tableOf).sort()).toEqual(small.sql.map(tableOf).sort());
    // Each table is read at most once per level: no per-parent queries.
    expect(large.sql.length).toBeLessThanOrEqual(25);
  });

  it('resolves node(id) for many records in one statement per type', async () => {
    const ids = (await data(db, '{ recommendations(first: 10) { nodes { id } } }')).recommendations.nodes.map((n: any) => n.id);
    statements.length = 0;
    const result = await data(db, 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Recommendation { number } } }', { ids });
    expect(result.nodes.map((n: any) => n.id)).toEqual(ids);
    expect(statements.filter((s) => tableOf(s) === 'Recommendation')).toHaveLength(1);
  });

  it('loads the records that citations evidence with one statement per kind of record', async () => {
    statements.length = 0;
    const result = await data(
      db,
      `{ sourceDocument(slug: "action-plan") {
      citationsOf(first: 100) { nodes { subject { __typename ... on Recommendation { number } ... on Action { key } } } } } }`,
    );
    const kinds = new Set(result.sourceDocument.citationsOf.nodes.map((n: any) => n.subject.__typename));
    expect(kinds.size).toBeGreaterThan(2);
    // Besides the document itself and its citations, exactly one read per kind of subject.
    const reads = statements.filter((s) => tableOf(s) !== 'Citation' && !s.startsWith('SELECT COUNT')).map(tableOf);
    expect(reads.sort()).toEqual(['SourceDocument', ...kinds].sort());
  });
});
