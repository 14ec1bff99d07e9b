/**
 * Guards for the Relay `node`/`nodes` root fields: an id must name a type that implements Node, and a
 * single request may look up at most one page's worth of ids.
 */
import { GraphQLError, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { MAX_PAGE_SIZE } from './pagination.js';

function checkTypename(info: GraphQLResolveInfo, typename: string) {
  const type = info.schema.getType(typename);
  if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) {
    throw new GraphQLError(`Invalid global ID: it names no type of this API ("${typename.slice(0, 40)}").`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
}

export const nodeQueryOptions = {
  description: 'Fetches any record by its global id; null when no such record exists.',
  resolve: (
    _root: unknown,
    args: { id: { typename: string } },
    _ctx: unknown,
    info: GraphQLResolveInfo,
    resolveNode: (id: unknown) => unknown,
  ) => {
    checkTypename(info, args.id.typename);
    return resolveNode(args.id);
  },
};

export const nodesQueryOptions = {
  description: `Fetches up to ${MAX_PAGE_SIZE} records by global id, in the order given; null for ids whose record does not exist.`,
  resolve: (
    _root: unknown,
    args: { ids: { typename: string }[] },
    _ctx: unknown,
    info: GraphQLResolveInfo,
    resolveNodes: (ids: unknown) => unknown,
  ) => {
    if (args.ids.length > MAX_PAGE_SIZE) {
      throw new GraphQLError(`"ids" may hold at most ${MAX_PAGE_SIZE} ids; got ${args.ids.length}.`, {
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'ids', max: MAX_PAGE_SIZE },
      });
    }
    for (const id of args.ids) checkTypename(info, id.typename);
    return resolveNodes(args.ids);
  },
};
