/**
 * The schema builder and its plugins. Defines no types: each domain type lives in its own file under
 * src/schema/, and src/schema/index.ts imports them all and builds the schema.
 */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from '../context/context.js';
import { getDatamodel, type default as PrismaTypes } from '../database/generated/pothos-types.js';
import { nodeQueryOptions, nodesQueryOptions } from './node-lookup.js';

export interface SchemaTypes {
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
  };
}

/** The builder's full type parameters, for helpers that build fields outside a type's own file. */
export type BuilderTypes = PothosSchemaTypes.ExtendDefaultTypes<SchemaTypes>;

export const builder = new SchemaBuilder<SchemaTypes>({
  plugins: [RelayPlugin, PrismaPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // `nodes` beside `edges` spares clients that need no cursors a level of nesting.
    nodesOnConnection: {},
    nodeQueryOptions: nodeQueryOptions as never,
    nodesQueryOptions: nodesQueryOptions as never,
  },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    // A prisma query that a resolver built but never used means a missed batching opportunity.
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'error',
  },
});
