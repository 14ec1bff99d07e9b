/**
 * The example operations in schema/examples: the questions the API is built to answer, offered in
 * GraphiQL and compiled into the typed client. Each file opens with `#` comment lines describing it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const EXAMPLES_DIR = resolve(import.meta.dirname, '../../schema/examples');

export interface Example {
  /** The operation's name, e.g. "OpenAtRound". */
  name: string;
  /** What it asks, from the file's opening comment. */
  description: string;
  query: string;
}

export function loadExamples(dir = EXAMPLES_DIR): Example[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = readFileSync(join(dir, file), 'utf8');
      const name = /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(query)?.[1] ?? file.replace(/\.graphql$/, '');
      const description = query
        .split('\n')
        .filter((line) => line.startsWith('#'))
        .map((line) => line.replace(/^#\s?/, ''))
        .join(' ');
      return { name, description, query };
    });
}
