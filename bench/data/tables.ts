/**
 * The tables the generator fills and the columns it writes, parents before children. Columns are
 * listed explicitly, so columns added later with defaults (status, version, search vectors) take their
 * defaults and the generator keeps working.
 */
import { dateColumnNames } from './plan-dates.js';

export const TABLES = {
  SourceDocument: ['id', 'slug', 'title', 'kind', 'fileName', 'text', 'sha256', ...dateColumnNames('dated')],
  Agency: ['id', 'slug', 'name', 'abbreviation', 'kind', 'aliases', 'parentId', 'parentBasis'],
  Role: ['id', 'slug', 'title', 'agencyId'],
  Inspection: ['id', 'slug', 'title', 'actionPlanTitle', ...dateColumnNames('published'), 'reasonCategories'],
  ReportingRound: [
    'id',
    'inspectionId',
    'slug',
    'sequence',
    'kind',
    'label',
    'documentId',
    ...dateColumnNames('submitted'),
    ...dateColumnNames('asAt'),
  ],
  Dependency: ['id', 'slug', 'name', 'aliases', 'kind', 'leadAgencyId'],
  DependencyUpdate: ['id', 'dependencyId', 'roundId', 'sequence', 'status', 'statement', 'documentId', ...dateColumnNames('expected')],
  Recommendation: ['id', 'inspectionId', 'number', 'text', 'addresseeHeading', 'response', 'responseNarrative', 'reasonCategories'],
  RecommendationAddressee: ['recommendationId', 'agencyId'],
  RecommendationDependency: ['recommendationId', 'dependencyId'],
  Action: ['id', 'recommendationId', 'sequence', 'key', 'text', ...dateColumnNames('target')],
  ActionOwner: ['actionId', 'roleId', 'sequence'],
  ProgressUpdate: ['id', 'recommendationId', 'roundId', 'sequence', 'key', 'paragraphs', 'status', 'ownerId', ...dateColumnNames('target')],
  ProgressUpdateAction: ['progressUpdateId', 'actionId'],
  DateRevision: [
    'id',
    'roundId',
    'sequence',
    'actionId',
    'dependencyId',
    ...dateColumnNames('previous'),
    ...dateColumnNames('revised'),
    'reason',
  ],
} as const;

export type TableName = keyof typeof TABLES;
export type Row = Record<string, unknown>;
export type Dataset = Record<TableName, Row[]>;

/** Every synthetic id and slug starts with this; the curated record uses none that do. */
export const SYNTHETIC_PREFIX = 'bench-';
