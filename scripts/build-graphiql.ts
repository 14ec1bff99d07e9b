/**
 * Bundles GraphiQL (React, Monaco and its workers) into the static files that
 * src/http/graphiql.ts serves, so the page needs nothing from outside the server:
 *   tsx scripts/build-graphiql.ts [--force]
 * Skips the build when the output matches the installed packages and sources.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { GRAPHIQL_ASSETS, GRAPHIQL_BUILD_DIR } from '../src/http/graphiql.js';

const ENTRY = fileURLToPath(new URL('../src/http/graphiql-client.ts', import.meta.url));
const STAMP = 'build-info.json';

/** A package's directory, resolved the way `from` (a package.json) would import it. */
function packageDir(name: string, from: string): string {
  return dirname(createRequire(from).resolve(`${name}/package.json`));
}

// Workers must come from the same monaco-editor / monaco-graphql that GraphiQL
// imports, so resolve them through graphiql's own dependency chain.
const graphiqlDir = packageDir('graphiql', ENTRY);
const reactUiDir = packageDir('@graphiql/react', join(graphiqlDir, 'package.json'));
const monacoDir = packageDir('monaco-editor', join(reactUiDir, 'package.json'));
const monacoGraphqlDir = packageDir('monaco-graphql', join(reactUiDir, 'package.json'));

const WORKERS = {
  'editor.worker': join(monacoDir, 'esm/vs/editor/editor.worker.js'),
  'json.worker': join(monacoDir, 'esm/vs/language/json/json.worker.js'),
  'graphql.worker': join(monacoGraphqlDir, 'esm/graphql.worker.js'),
};

function version(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function fingerprint(): string {
  const hash = createHash('sha256');
  for (const dir of [
    graphiqlDir,
    reactUiDir,
    monacoDir,
    monacoGraphqlDir,
    packageDir('@graphiql/toolkit', ENTRY),
    packageDir('react', ENTRY),
    packageDir('react-dom', ENTRY),
    packageDir('esbuild', ENTRY),
  ]) {
    hash.update(`${dir}@${version(dir)}\n`);
  }
  hash.update(readFileSync(ENTRY));
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  return hash.digest('hex');
}

function upToDate(hash: string): boolean {
  try {
    const stamp = JSON.parse(readFileSync(join(GRAPHIQL_BUILD_DIR, STAMP), 'utf8')) as { hash?: string };
    return stamp.hash === hash && Object.keys(GRAPHIQL_ASSETS).every((name) => existsSync(join(GRAPHIQL_BUILD_DIR, name)));
  } catch {
    return false;
  }
}

const common: BuildOptions = {
  bundle: true,
  minify: true,
  platform: 'browser',
  target: 'es2022',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

export async function buildGraphiql({ force = false } = {}): Promise<'built' | 'up to date'> {
  const hash = fingerprint();
  if (!force && upToDate(hash)) return 'up to date';

  // Build beside the target and swap it in, so a running server never reads a half-written bundle.
  const outDir = GRAPHIQL_BUILD_DIR.replace(/\/+$/, '');
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    await build({
      ...common,
      entryPoints: { graphiql: ENTRY },
      outdir: tmp,
      format: 'esm',
      // Monaco's codicon font: inline it so the allow-list stays a fixed set of names.
      loader: { '.ttf': 'dataurl' },
    });
    await build({ ...common, entryPoints: WORKERS, outdir: tmp, format: 'iife' });

    const produced = readdirSync(tmp).sort();
    const expected = Object.keys(GRAPHIQL_ASSETS).sort();
    if (produced.join() !== expected.join()) {
      throw new Error(`GraphiQL build produced [${produced.join(', ')}], expected [${expected.join(', ')}]`);
    }
    writeFileSync(join(tmp, STAMP), `${JSON.stringify({ hash }, null, 2)}\n`);
    rmSync(outDir, { recursive: true, force: true });
    renameSync(tmp, outDir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return 'built';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const result = await buildGraphiql({ force: process.argv.includes('--force') });
  console.log(`graphiql assets ${result} in ${Date.now() - started} ms: ${GRAPHIQL_BUILD_DIR}`);
}
