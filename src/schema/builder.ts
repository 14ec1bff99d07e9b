/**
 * The schema builder and its plugins. Defines no types: each domain type lives in its own file under
 * src/schema/, and src/schema/index.ts imports them all and builds the schema.
 *
 * Plugin order matters: the errors plugin comes first so that its wrapper is outermost and turns
 * authorisation and validation failures into typed results; relay comes before scope-auth so that
 * scope checks see parsed global ids; errors must precede prisma and dataloader.
 */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ZodPlugin from '@pothos/plugin-zod';
import type { Context } from '../context/context.js';
import { getDatamodel, type default as PrismaTypes } from '../database/generated/pothos-types.js';
import { InvalidInputError, NotAuthorizedError } from '../writes/errors.js';
import { nodeQueryOptions, nodesQueryOptions } from './node-lookup.js';
import { authScopes, type AuthScopes } from './scopes.js';

export interface SchemaTypes {
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}

/** The builder's full type parameters, for helpers that build fields outside a type's own file. */
export type BuilderTypes = PothosSchemaTypes.ExtendDefaultTypes<SchemaTypes>;

export const builder = new SchemaBuilder<SchemaTypes>({
  plugins: [ErrorsPlugin, RelayPlugin, ScopeAuthPlugin, ZodPlugin, PrismaPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // `nodes` beside `edges` spares clients that need no cursors a level of nesting.
    nodesOnConnection: {},
    nodeQueryOptions: nodeQueryOptions as never,
    nodesQueryOptions: nodesQueryOptions as never,
  },
  scopeAuth: {
    authScopes,
    // Checked when a subscription starts, not only when each event is delivered.
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, ctx, _info, result) =>
      new NotAuthorizedError(
        ctx.viewer.id ? `Not allowed: ${result.message}` : 'Sign in: send "Authorization: Bearer <token>".',
        ctx.viewer.id !== null,
      ),
  },
  zod: {
    validationError: (error) =>
      new InvalidInputError(error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))),
  },
  errors: { directResult: true },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    // A prisma query that a resolver built but never used means a missed batching opportunity.
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'error',
  },
});
