/** The four benchmark queries, in the order the report lists them. */
import { analyst } from './analyst.js';
import { tree } from './tree.js';
import { trivial } from './trivial.js';
import { twoLevel } from './two-level.js';
import type { BenchQuery } from './types.js';

export const QUERIES: BenchQuery[] = [trivial, twoLevel, tree, analyst];
export { analyst, tree, trivial, twoLevel };
export type { BenchQuery };
