/** Imports every domain type (each registers itself on the builder) and builds the schema. */
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import { publicRecord } from './scopes.js';
import './scalars.js';
import './enums.js';
import './plan-date.js';
import './work-status.js';
import './slippage.js';
import './tally.js';
import './filters.js';
import './citation.js';
import './agency.js';
import './role.js';
import './source-document.js';
import './inspection.js';
import './response-term.js';
import './key-fact.js';
import './summary-figure.js';
import './reporting-round.js';
import './recommendation.js';
import './action.js';
import './progress-update.js';
import './date-revision.js';
import './dependency.js';
import './dependency-update.js';
import './dependency-impact.js';
import './agency-summary.js';
import './record-note.js';
import './as-of.js';
import './write-errors.js';
import './audit-event.js';
import './inspectorate-comment.js';
import './mutations/open-reporting-round.js';
import './mutations/record-progress.js';
import './mutations/revise-target-date.js';
import './mutations/complete-action.js';
import './mutations/change-action-owner.js';
import './mutations/link-dependency.js';
import './mutations/unlink-dependency.js';
import './mutations/update-dependency.js';
import './mutations/add-inspectorate-comment.js';
import './mutations/add-source-document.js';
import './mutations/import-action-plan.js';

builder.queryType({
  description: 'The record of inspections, their recommendations, and how agencies act on them.',
  // Every question needs the right to read; types holding restricted records add their own checks.
  authScopes: publicRecord,
});
builder.mutationType({ description: 'Writes to the record. Each takes one `input` and returns its payload or a typed `UserError`.' });
builder.subscriptionType({ description: 'Live changes to the record, over graphql-ws at the same /graphql address.' });

export const schema = lexicographicSortSchema(builder.toSchema());
