/**
 * The slug a new source document is kept under: the one asked for, refused if taken (it names a
 * document a caller means to find again), or else `base`, `base-2`, `base-3`... whichever is free.
 */
import type { Prisma } from '@prisma/client';
import type { Database } from '../database/client.js';
import { invalid } from './errors.js';

export async function documentSlug(db: Database | Prisma.TransactionClient, asked: { path: string; slug?: string }, base: string) {
  if (asked.slug) {
    if (await db.sourceDocument.findUnique({ where: { slug: asked.slug }, select: { id: true } }))
      throw invalid(asked.path, `a document "${asked.slug}" is already on record: give another slug`);
    return asked.slug;
  }
  const taken = new Set(
    (await db.sourceDocument.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((d) => d.slug),
  );
  for (let n = 1; ; n++) if (!taken.has(n === 1 ? base : `${base}-${n}`)) return n === 1 ? base : `${base}-${n}`;
}
