/**
 * PostGraphile v4 needs graphql 15 while this project uses 16, so npm nests graphql@15 (and
 * graphile-build) under more than one package, and graphql refuses to mix objects from two copies
 * ("Cannot use GraphQLScalarType from another module or realm"). In the PostGraphile process only, every
 * require of these packages is resolved from PostGraphile's own directory, so one copy of each is used.
 * Import this module before PostGraphile.
 */
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const postgraphileDir = dirname(createRequire(import.meta.url).resolve('postgraphile/package.json'));
const SINGLE = new Set(['graphql', 'graphile-build']);

type Resolve = (request: string, parent: unknown, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve; _nodeModulePaths(dir: string): string[] };
// A stand-in parent module inside PostGraphile's directory: resolving from it finds PostGraphile's copies.
const anchorFile = join(postgraphileDir, 'package.json');
const anchor = { id: anchorFile, filename: anchorFile, paths: loader._nodeModulePaths(postgraphileDir) };
const original = loader._resolveFilename;
loader._resolveFilename = function (request, parent, ...rest) {
  return original.call(this, request, SINGLE.has(request.split('/')[0]) ? anchor : parent, ...rest);
};
