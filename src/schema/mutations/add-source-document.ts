/**
 * addSourceDocument: a published document put on record with its full text, so that a reporting
 * round can name it (a progress letter, say, whose progress is then recorded with recordProgress).
 * Letters are free text: nothing is parsed from them. The same text twice is kept once.
 */
import { createHash } from 'node:crypto';
import type { SourceKind } from '@prisma/client';
import { planDateColumns } from '../../domain/plan-date.js';
import { slugify } from '../../domain/slug.js';
import { Slug } from '../../seed/format.js';
import { commitWrite } from '../../writes/commit.js';
import { documentSlug } from '../../writes/document-slug.js';
import { invalid, NotFoundError } from '../../writes/errors.js';
import { LIMITS, statedDate, text } from '../../writes/rules.js';
import { builder } from '../builder.js';
import { Agency } from '../agency.js';
import { AuditEvent } from '../audit-event.js';
import { SourceKindEnum } from '../enums.js';
import { SourceDocument } from '../source-document.js';
import { WRITE_ERRORS } from '../write-errors.js';

const AddSourceDocumentInput = builder.inputType('AddSourceDocumentInput', {
  fields: (t) => ({
    title: t.string({
      required: true,
      validate: { schema: text(LIMITS.label) },
      description: 'The document’s title, or its subject line.',
    }),
    kind: t.field({ type: SourceKindEnum, required: true }),
    text: t.string({
      required: true,
      validate: { schema: text(LIMITS.document) },
      description: 'The full text, as published. Citations of the document are excerpts of it.',
    }),
    issuers: t.globalIDList({
      required: true,
      for: [Agency],
      description: 'The agencies that issued it. Editors may add documents their own agency issued.',
    }),
    dated: t.string({ validate: { schema: statedDate }, description: 'The date it bears, as written ("10 March 2025").' }),
    slug: t.string({ validate: { schema: Slug }, description: 'The slug to keep it under; by default one from the title.' }),
    fileName: t.string({ validate: { schema: text(200) } }),
  }),
});

const AddSourceDocumentPayload = builder
  .objectRef<{ documentId: string; alreadyOnRecord: boolean; event: typeof AuditEvent.$inferType | null }>('AddSourceDocumentPayload')
  .implement({
    fields: (t) => ({
      document: t.field({
        type: SourceDocument,
        resolve: (p, _a, ctx) => ctx.db.sourceDocument.findUniqueOrThrow({ where: { id: p.documentId } }),
      }),
      alreadyOnRecord: t.exposeBoolean('alreadyOnRecord', {
        description: 'The same text was already on record: that document is returned and nothing was written.',
      }),
      auditEvent: t.field({ type: AuditEvent, nullable: true, resolve: (p) => p.event }),
    }),
  });

builder.mutationField('addSourceDocument', (t) =>
  t.field({
    type: AddSourceDocumentPayload,
    description: 'Puts a published document on record with its full text. Editors of an issuing agency, or admins.',
    args: { input: t.arg({ type: AddSourceDocumentInput, required: true }) },
    errors: { types: WRITE_ERRORS, union: { name: 'AddSourceDocumentResult' } },
    authScopes: (_root, { input }) => ({ editorOf: input.issuers.map((i) => i.id) }),
    resolve: async (_root, { input }, ctx) => {
      const issuers = [...new Set(input.issuers.map((i) => i.id))].sort();
      if (issuers.length === 0) throw invalid('input.issuers', 'must name at least one agency');
      const known = await ctx.db.agency.findMany({ where: { id: { in: issuers } }, select: { id: true } });
      const missing = issuers.find((id) => !known.some((a) => a.id === id));
      if (missing) throw new NotFoundError(`No agency with id "${missing}".`, missing);
      const sha256 = createHash('sha256').update(input.text).digest('hex');
      const same = await ctx.db.sourceDocument.findFirst({ where: { sha256 }, select: { id: true } });
      if (same) return { documentId: same.id, alreadyOnRecord: true, event: null };
      const slug = await documentSlug(ctx.db, { path: 'input.slug', slug: input.slug ?? undefined }, slugify(input.title) || 'document');
      const subject = { type: 'SourceDocument' as const, id: slug, inspectionId: null, recommendationId: null, agencyIds: issuers };
      const { event } = await commitWrite(ctx, { operation: 'addSourceDocument', subject, expectedVersion: null }, async (tx) => {
        await tx.sourceDocument.create({
          data: {
            id: slug,
            slug,
            title: input.title.trim(),
            kind: input.kind as SourceKind,
            fileName: input.fileName?.trim() ?? `${slug}.txt`,
            text: input.text,
            sha256,
            ...planDateColumns('dated', input.dated?.trim() ?? null),
            issuers: { create: issuers.map((agencyId) => ({ agencyId })) },
          },
        });
        return { result: null, before: null, after: { document: slug, title: input.title.trim(), kind: input.kind, sha256, issuers } };
      });
      return { documentId: slug, alreadyOnRecord: false, event };
    },
  }),
);
