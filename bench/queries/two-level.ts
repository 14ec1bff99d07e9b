/** Query 2: a page of recommendations with their actions: one list inside another. */
import { nodes, type BenchQuery } from './types.js';

export const twoLevel: BenchQuery = {
  key: 'q2-two-level',
  title: 'Q2 two-level: recommendations (page) -> actions',
  defaultPage: 50,
  server: (page) => ({
    query: `query TwoLevel($first: Int!) {
      recommendations(first: $first) { nodes { number text actions { key text } } }
    }`,
    variables: { first: page },
  }),
  postgraphile: (page) => ({
    query: `query TwoLevel($first: Int!) {
      allRecommendations(first: $first, orderBy: [INSPECTION_ID_ASC, NUMBER_ASC, ID_ASC]) {
        nodes { number text actionsByRecommendationId(orderBy: SEQUENCE_ASC) { nodes { key text } } }
      }
    }`,
    variables: { first: page },
  }),
  floor: {
    sql: `SELECT json_build_object('data', json_build_object('recommendations', json_build_object('nodes', coalesce(json_agg(
            json_build_object('number', r.number, 'text', r.text, 'actions', (
              SELECT coalesce(json_agg(json_build_object('key', a.key, 'text', a.text) ORDER BY a.sequence), '[]')
              FROM "Action" a WHERE a."recommendationId" = r.id))
            ORDER BY r."inspectionId", r.number, r.id), '[]'))))::text AS body
          FROM (SELECT * FROM "Recommendation" ORDER BY "inspectionId", number, id LIMIT $1) r`,
    params: (page) => [page],
  },
  fromPostgraphile: (data) => ({
    recommendations: {
      nodes: nodes(data.allRecommendations).map((r: any) => ({
        number: r.number,
        text: r.text,
        actions: nodes(r.actionsByRecommendationId),
      })),
    },
  }),
};
