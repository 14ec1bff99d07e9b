/**
 * Citation: a verbatim excerpt of a source document that evidences one fact about one record.
 * Every type that holds facts has a `citations(field:)` list; `field` names the fact.
 */
import type { Citation as CitationRow } from '@prisma/client';
import { GraphQLError } from 'graphql';
import type { Context } from '../context/context.js';
import { Action } from './action.js';
import { Agency } from './agency.js';
import { builder } from './builder.js';
import { DateRevision } from './date-revision.js';
import { Dependency } from './dependency.js';
import { DependencyUpdate } from './dependency-update.js';
import { Inspection } from './inspection.js';
import { KeyFact } from './key-fact.js';
import { ProgressUpdate } from './progress-update.js';
import { RecordNote } from './record-note.js';
import { Recommendation } from './recommendation.js';
import { ReportingRound } from './reporting-round.js';
import { ResponseTerm } from './response-term.js';
import { Role } from './role.js';
import { SourceDocument } from './source-document.js';
import { SummaryFigure } from './summary-figure.js';

/** Arguments and query shared by every `citations` field. */
export const citationsDescription =
  'Excerpts of source documents that evidence this record, optionally only those for one fact (e.g. "target").';
export const citationsQuery = (args: { field?: string | null }) => ({
  where: args.field ? { field: args.field } : {},
  orderBy: { sequence: 'asc' as const },
});

// The record a citation evidences: the one subject column that is set (a CHECK constraint ensures one).
// [column, Prisma model delegate, GraphQL type]
const SUBJECTS = [
  ['agencyId', 'agency', 'Agency'],
  ['roleId', 'role', 'Role'],
  ['sourceDocumentId', 'sourceDocument', 'SourceDocument'],
  ['inspectionId', 'inspection', 'Inspection'],
  ['responseTermId', 'responseTerm', 'ResponseTerm'],
  ['keyFactId', 'keyFact', 'KeyFact'],
  ['summaryFigureId', 'summaryFigure', 'SummaryFigure'],
  ['roundId', 'reportingRound', 'ReportingRound'],
  ['recommendationId', 'recommendation', 'Recommendation'],
  ['actionId', 'action', 'Action'],
  ['progressUpdateId', 'progressUpdate', 'ProgressUpdate'],
  ['dateRevisionId', 'dateRevision', 'DateRevision'],
  ['dependencyId', 'dependency', 'Dependency'],
  ['dependencyUpdateId', 'dependencyUpdate', 'DependencyUpdate'],
  ['noteId', 'recordNote', 'RecordNote'],
] as const;
type SubjectModel = (typeof SUBJECTS)[number][1];
type FindById = { findMany(args: { where: { id: { in: string[] } } }): Promise<{ id: string }[]> };

/** A subject's loader key, "model:id". */
const subjectKey = (c: CitationRow): string => {
  const [column, model] = SUBJECTS.find(([column]) => c[column] != null)!;
  return `${model}:${c[column]}`;
};

/**
 * Loads the subjects of many citations with one query per model actually present, through a
 * per-request DataLoader, rather than selecting all fifteen subject relations of every citation.
 */
async function loadSubjects(keys: readonly string[], ctx: Context): Promise<never[]> {
  const idsByModel = new Map<SubjectModel, string[]>();
  for (const key of keys) {
    const [model, id] = key.split(/:(.*)/s) as [SubjectModel, string];
    idsByModel.set(model, [...(idsByModel.get(model) ?? []), id]);
  }
  const found = new Map<string, object>();
  await Promise.all(
    [...idsByModel].map(async ([model, ids]) => {
      const rows = await (ctx.db[model] as unknown as FindById).findMany({ where: { id: { in: ids } } });
      const typeName = SUBJECTS.find(([, m]) => m === model)![2];
      for (const row of rows) {
        typeNames.set(row, typeName);
        found.set(`${model}:${row.id}`, row);
      }
    }),
  );
  // Typed loosely: the union's members are told apart at run time (resolveType), not by TypeScript.
  return keys.map((key) => found.get(key) ?? new Error(`Cited record ${key} not found.`)) as never[];
}

const typeNames = new WeakMap<object, string>();

export const CitedRecord = builder.unionType('CitedRecord', {
  description: 'Any record a citation can evidence.',
  // Resolved lazily: the subject types import this module for their own citation fields.
  types: () => [
    Agency,
    Role,
    SourceDocument,
    Inspection,
    ResponseTerm,
    KeyFact,
    SummaryFigure,
    ReportingRound,
    Recommendation,
    Action,
    ProgressUpdate,
    DateRevision,
    Dependency,
    DependencyUpdate,
    RecordNote,
  ],
  resolveType: (value) => {
    const name = typeNames.get(value as object);
    if (!name) throw new GraphQLError('Unknown cited record.');
    return name;
  },
});

export const Citation = builder.prismaNode('Citation', {
  id: { field: 'id' },
  nullable: true,
  description: 'A verbatim excerpt of a source document that evidences one fact about one record.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description: 'The fact evidenced, named as the field of the cited record ("text", "target", "owners", ...).',
    }),
    excerpt: t.exposeString('excerpt', { description: 'Occurs verbatim in the document text.' }),
    start: t.exposeInt('start', { description: 'Offset (UTF-16 code units) of the excerpt’s first occurrence in the document text.' }),
    end: t.exposeInt('end', { description: 'Offset just past the excerpt.' }),
    document: t.relation('document'),
    subject: t.loadable({
      type: CitedRecord,
      description: 'The record this citation evidences.',
      load: loadSubjects,
      resolve: subjectKey,
    }),
  }),
});
