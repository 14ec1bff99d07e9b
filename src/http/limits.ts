/**
 * Limits on what one operation may ask, the same over HTTP and WebSocket: graphql-armor's depth,
 * cost, alias and directive limits, plus graphql's own parser token limit. Each rejection is a
 * `QueryLimitError` with a stable code and the limit it met, so a client can tell which it was.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Limits } from '../config.js';

export type QueryLimitCode = 'QUERY_TOO_DEEP' | 'QUERY_TOO_COSTLY' | 'TOO_MANY_ALIASES' | 'TOO_MANY_DIRECTIVES' | 'TOO_MANY_TOKENS';

export class QueryLimitError extends GraphQLError {
  constructor(
    readonly code: QueryLimitCode,
    message: string,
    readonly limit: number,
  ) {
    super(message, { extensions: { code, limit } });
  }
}

/** The limit an error reports, wherever it sits in the chain Apollo wraps around it. */
export function queryLimitOf(error: unknown): QueryLimitError | null {
  for (let e = error; e; e = (e as GraphQLError).originalError) {
    if (e instanceof QueryLimitError) return e;
    // graphql's parser stops at the token limit with a syntax error of its own.
    if (e instanceof GraphQLError && /^Syntax Error: Document contains more th(?:at|an) (\d+) tokens/.test(e.message)) {
      const limit = Number(/(\d+) tokens/.exec(e.message)![1]);
      return new QueryLimitError('TOO_MANY_TOKENS', `The document has more than ${limit} tokens, the limit.`, limit);
    }
    if (!(e instanceof GraphQLError)) return null;
  }
  return null;
}

/** Reports armor's rejection as a typed error, in armor's own words without its "Syntax Error:" prefix. */
const reject = (code: QueryLimitCode, limit: number) => ({
  propagateOnRejection: false,
  onReject: [
    (ctx: ValidationContext | null, error: GraphQLError) =>
      ctx?.reportError(new QueryLimitError(code, error.message.replace(/^Syntax Error: /, ''), limit)),
  ],
});

/**
 * graphql's "did you mean" hints name fields, arguments, types and enum values the client did not
 * ask for. Armor's `blockFieldSuggestion` matches only the `Did you mean "x"` form, so an enum hint
 * (`Did you mean the enum value "X"?`) would still map the schema for strangers; this one pattern
 * covers every form and serves both HTTP (Apollo's formatError) and WebSocket.
 */
const SUGGESTION = /Did you mean [^?]*\?/g;
const withoutSuggestions = (message: string) => message.replace(SUGGESTION, '[Suggestion hidden]');

export function queryLimits(limits: Limits, options: { production: boolean }) {
  const armor = new ApolloArmor({
    // 14 is deep enough for a recommendation with its actions, owners, agencies and citations.
    maxDepth: { n: limits.depth, ...reject('QUERY_TOO_DEEP', limits.depth) },
    costLimit: { maxCost: limits.cost, ...reject('QUERY_TOO_COSTLY', limits.cost) },
    maxAliases: { n: limits.aliases, ...reject('TOO_MANY_ALIASES', limits.aliases) },
    maxDirectives: { n: limits.directives, ...reject('TOO_MANY_DIRECTIVES', limits.directives) },
    // Token limits are enforced by graphql's own parser (`parseOptions`): armor's Apollo hook
    // re-parses the query itself, and a syntax error thrown there surfaces as a 500.
    maxTokens: { enabled: false },
    // Suggestions help analysts in GraphiQL; in production they are masked by `withoutSuggestions`.
    blockFieldSuggestion: { enabled: false },
  });
  return {
    ...armor.protect(),
    parseOptions: { maxTokens: limits.tokens },
    /** What a client is shown of an error's message: without suggestions in production. */
    clientMessage: options.production ? withoutSuggestions : (message: string) => message,
  };
}
