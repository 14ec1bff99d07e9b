/**
 * Query 4, an analyst's filtered query with tallies: how many recommendations were agreed, partly
 * agreed and not agreed, and a page of those not agreed with their reasons and addressees.
 *
 * Written against today's schema (`recommendations(filter:)` with `totalCount`, one alias per tally).
 * When the schema gives per-state tallies and status filters, replace the aliases here; the floor and
 * PostGraphile versions need the same change.
 */
import { nodes, type BenchQuery } from './types.js';

const RESPONSES = [
  ['agreed', 'AGREED'],
  ['partlyAgreed', 'PARTLY_AGREED'],
  ['notAgreed', 'NOT_AGREED'],
] as const;

const pageFields = 'number text response { reasons } addressees { slug }';
const order = 'ORDER BY r."inspectionId", r.number, r.id';

export const analyst: BenchQuery = {
  key: 'q4-analyst',
  title: 'Q4 analyst: tallies by response + a filtered page with addressees',
  defaultPage: 50,
  server: (page) => ({
    query: `query Analyst($first: Int!) {
      ${RESPONSES.map(([alias, value]) => `${alias}: recommendations(first: 1, filter: { response: ${value} }) { totalCount }`).join('\n')}
      page: recommendations(first: $first, filter: { response: NOT_AGREED }) { totalCount nodes { ${pageFields} } }
    }`,
    variables: { first: page },
  }),
  postgraphile: (page) => ({
    query: `query Analyst($first: Int!) {
      ${RESPONSES.map(([alias, value]) => `${alias}: allRecommendations(first: 1, condition: { response: ${value} }) { totalCount }`).join('\n')}
      page: allRecommendations(first: $first, condition: { response: NOT_AGREED }, orderBy: [INSPECTION_ID_ASC, NUMBER_ASC, ID_ASC]) {
        totalCount
        nodes { number text response reasonCategories recommendationAddresseesByRecommendationId(orderBy: PRIMARY_KEY_ASC) { nodes { agencyByAgencyId { slug } } } }
      }
    }`,
    variables: { first: page },
  }),
  // The floor counts all three tallies in one pass with FILTER.
  floor: {
    sql: `WITH tallies AS (
            SELECT count(*) FILTER (WHERE response = 'AGREED') AS agreed,
                   count(*) FILTER (WHERE response = 'PARTLY_AGREED') AS "partlyAgreed",
                   count(*) FILTER (WHERE response = 'NOT_AGREED') AS "notAgreed"
            FROM "Recommendation")
          SELECT json_build_object('data', json_build_object(
            'agreed', json_build_object('totalCount', t.agreed),
            'partlyAgreed', json_build_object('totalCount', t."partlyAgreed"),
            'notAgreed', json_build_object('totalCount', t."notAgreed"),
            'page', json_build_object('totalCount', t."notAgreed", 'nodes', (
              SELECT coalesce(json_agg(json_build_object(
                'number', r.number, 'text', r.text,
                'response', CASE WHEN r.response IS NULL THEN NULL ELSE json_build_object('reasons', r."reasonCategories") END,
                'addressees', (SELECT coalesce(json_agg(json_build_object('slug', ag.slug) ORDER BY ag.id), '[]')
                               FROM "RecommendationAddressee" ra JOIN "Agency" ag ON ag.id = ra."agencyId" WHERE ra."recommendationId" = r.id)
              ) ${order}), '[]')
              FROM (SELECT * FROM "Recommendation" r WHERE response = 'NOT_AGREED' ${order} LIMIT $1) r))))::text AS body
          FROM tallies t`,
    params: (page) => [page],
  },
  fromPostgraphile: (data) => ({
    ...Object.fromEntries(RESPONSES.map(([alias]) => [alias, { totalCount: data[alias].totalCount }])),
    page: {
      totalCount: data.page.totalCount,
      nodes: nodes(data.page).map((r: any) => ({
        number: r.number,
        text: r.text,
        response: r.response === null ? null : { reasons: r.reasonCategories },
        addressees: nodes(r.recommendationAddresseesByRecommendationId).map((a: any) => a.agencyByAgencyId),
      })),
    },
  }),
};
