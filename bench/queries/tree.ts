/**
 * Query 3, the front end's tree: agencies -> the first recommendations addressed to them -> actions ->
 * progress updates and date history (date revisions) -> dependencies.
 *
 * PAGINATED: `Agency.addressedRecommendations(first: Int, after: String)` is a connection, and the page
 * size is the number of recommendations per agency for each of AGENCIES agencies ("first 50"), for all
 * three peers at once. False keeps the form for a schema where the field was a plain list of all of an
 * agency's recommendations, the page size then counting agencies.
 */
import { nodes, sqlTextDate, textDate, type BenchQuery } from './types.js';

export const PAGINATED = true;
/** How many agencies the paginated form asks for. */
const AGENCIES = 10;

/** The list levels of the tree: agencies, recommendations, actions, progress updates, date revisions, dependencies. */
export const TREE_LIST_LEVELS = 6;

const recommendationFields = `
  number
  text
  actions {
    key
    text
    target { text }
    progressUpdates { key status target { text } }
    dateRevisions { previous { text } revised { text } reason }
  }
  dependencies { slug name }`;

const serverQuery = PAGINATED
  ? `query Tree($agencies: Int!, $first: Int!) {
      agencies(first: $agencies, kind: UNIT) {
        nodes { slug name addressedRecommendations(first: $first) { nodes { ${recommendationFields} } } }
      }
    }`
  : `query Tree($agencies: Int!) {
      agencies(first: $agencies, kind: UNIT) {
        nodes { slug name addressedRecommendations { ${recommendationFields} } }
      }
    }`;

// PostGraphile orders a join table by its own columns only; its primary key (recommendationId, ...)
// gives the same order as this server's (inspection, number) because synthetic ids are zero-padded.
const postgraphileQuery = `query Tree($agencies: Int!${PAGINATED ? ', $first: Int!' : ''}) {
  allAgencies(first: $agencies, condition: { kind: UNIT }, orderBy: [NAME_ASC, ID_ASC]) {
    nodes {
      slug
      name
      recommendationAddresseesByAgencyId(${PAGINATED ? 'first: $first, ' : ''}orderBy: PRIMARY_KEY_ASC) {
        nodes {
          recommendationByRecommendationId {
            number
            text
            actionsByRecommendationId(orderBy: SEQUENCE_ASC) {
              nodes {
                key
                text
                targetText
                progressUpdateActionsByActionId(orderBy: PRIMARY_KEY_ASC) { nodes { progressUpdateByProgressUpdateId { key status targetText } } }
                dateRevisionsByActionId(orderBy: [ROUND_ID_ASC, SEQUENCE_ASC]) { nodes { previousText revisedText reason } }
              }
            }
            recommendationDependenciesByRecommendationId(orderBy: PRIMARY_KEY_ASC) { nodes { dependencyByDependencyId { slug name } } }
          }
        }
      }
    }
  }
}`;

const floorSql = `
SELECT json_build_object('data', json_build_object('agencies', json_build_object('nodes', coalesce(json_agg(
  json_build_object('slug', ag.slug, 'name', ag.name, 'addressedRecommendations', ${PAGINATED ? `json_build_object('nodes', ` : '('}(
    SELECT coalesce(json_agg(json_build_object(
      'number', r.number,
      'text', r.text,
      'actions', (
        SELECT coalesce(json_agg(json_build_object(
          'key', a.key,
          'text', a.text,
          'target', ${sqlTextDate('a."targetText"')},
          'progressUpdates', (
            SELECT coalesce(json_agg(json_build_object('key', p.key, 'status', p.status, 'target', ${sqlTextDate('p."targetText"')}) ORDER BY p.id), '[]')
            FROM "ProgressUpdateAction" pa JOIN "ProgressUpdate" p ON p.id = pa."progressUpdateId"
            WHERE pa."actionId" = a.id),
          'dateRevisions', (
            SELECT coalesce(json_agg(json_build_object(
              'previous', json_build_object('text', d."previousText"), 'revised', ${sqlTextDate('d."revisedText"')}, 'reason', d.reason)
              ORDER BY rr.sequence, d.sequence), '[]')
            FROM "DateRevision" d JOIN "ReportingRound" rr ON rr.id = d."roundId"
            WHERE d."actionId" = a.id)
        ) ORDER BY a.sequence), '[]')
        FROM "Action" a WHERE a."recommendationId" = r.id),
      'dependencies', (
        SELECT coalesce(json_agg(json_build_object('slug', dep.slug, 'name', dep.name) ORDER BY dep.id), '[]')
        FROM "RecommendationDependency" rd JOIN "Dependency" dep ON dep.id = rd."dependencyId"
        WHERE rd."recommendationId" = r.id)
    ) ORDER BY r."inspectionId", r.number), '[]')
    FROM (
      SELECT r.* FROM "RecommendationAddressee" ra JOIN "Recommendation" r ON r.id = ra."recommendationId"
      WHERE ra."agencyId" = ag.id ORDER BY r."inspectionId", r.number ${PAGINATED ? 'LIMIT $2' : ''}
    ) r))
  ) ORDER BY ag.name, ag.id), '[]'))))::text AS body
FROM (SELECT * FROM "Agency" WHERE kind = 'UNIT' ORDER BY name, id LIMIT $1) ag`;

/** The tree's variables: (agencies, recommendations per agency) for the page size asked. */
const sizes = (page: number) => (PAGINATED ? { agencies: AGENCIES, first: page } : { agencies: page });

export const tree: BenchQuery = {
  key: 'q3-tree',
  title: 'Q3 tree: agencies -> addressed recommendations -> actions -> progress updates, date revisions -> dependencies',
  defaultPage: PAGINATED ? 50 : 5,
  server: (page) => ({ query: serverQuery, variables: sizes(page) }),
  postgraphile: (page) => ({ query: postgraphileQuery, variables: sizes(page) }),
  floor: { sql: floorSql, params: (page) => (PAGINATED ? [AGENCIES, page] : [page]) },
  fromPostgraphile: (data) => ({
    agencies: {
      nodes: nodes(data.allAgencies).map((ag: any) => {
        const recommendations = nodes(ag.recommendationAddresseesByAgencyId).map(({ recommendationByRecommendationId: r }: any) => ({
          number: r.number,
          text: r.text,
          actions: nodes(r.actionsByRecommendationId).map((a: any) => ({
            key: a.key,
            text: a.text,
            target: textDate(a.targetText),
            progressUpdates: nodes(a.progressUpdateActionsByActionId).map(({ progressUpdateByProgressUpdateId: p }: any) => ({
              key: p.key,
              status: p.status,
              target: textDate(p.targetText),
            })),
            dateRevisions: nodes(a.dateRevisionsByActionId).map((d: any) => ({
              previous: { text: d.previousText },
              revised: textDate(d.revisedText),
              reason: d.reason,
            })),
          })),
          dependencies: nodes(r.recommendationDependenciesByRecommendationId).map((d: any) => d.dependencyByDependencyId),
        }));
        return { slug: ag.slug, name: ag.name, addressedRecommendations: PAGINATED ? { nodes: recommendations } : recommendations };
      }),
    },
  }),
};
