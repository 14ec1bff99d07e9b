/** Writes the sorted SDL to schema/schema.graphql (`npm run schema:print`); a test fails when it is stale. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.js';

export const SDL_PATH = resolve(import.meta.dirname, '../schema/schema.graphql');
mkdirSync(dirname(SDL_PATH), { recursive: true });
writeFileSync(SDL_PATH, `${printSchema(schema)}\n`);
console.log(`wrote ${SDL_PATH}`);
