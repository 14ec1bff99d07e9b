/**
 * Limits on what one operation may ask, the same over HTTP and WebSocket: graphql-armor's depth,
 * cost, alias and directive limits, plus graphql's own parser token limit.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';

export const MAX_TOKENS = 4_000;

export function queryLimits(options: { production: boolean }) {
  const armor = new ApolloArmor({
    // Deep enough for a recommendation with its actions, owners, agencies and citations in one request.
    maxDepth: { n: 14 },
    costLimit: { maxCost: 50_000 },
    maxAliases: { n: 30 },
    maxDirectives: { n: 50 },
    // Token limits are enforced by graphql's own parser (`parseOptions`): armor's Apollo hook
    // re-parses the query itself, and a syntax error thrown there surfaces as a 500.
    maxTokens: { enabled: false },
    // Suggestions help analysts in GraphiQL; in production they would map the schema for strangers.
    blockFieldSuggestion: { enabled: options.production },
  });
  return armor.protect();
}
