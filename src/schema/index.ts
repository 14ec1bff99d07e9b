/** Imports every domain type (each registers itself on the builder) and builds the schema. */
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
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

builder.queryType({ description: 'The record of inspections, their recommendations, and how agencies act on them.' });

export const schema = lexicographicSortSchema(builder.toSchema());
