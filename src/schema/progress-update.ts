/** ProgressUpdate: what one reporting round said about a recommendation. */
import { builder } from './builder.js';
import { Action } from './action.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { StatusEnum } from './enums.js';
import { planDateField } from './plan-date.js';

export const ProgressUpdate = builder.prismaNode('ProgressUpdate', {
  id: { field: 'id' },
  nullable: true,
  description: 'What one reporting round said about a recommendation: text, status, owner and the date then stated.',
  fields: (t) => ({
    key: t.exposeString('key'),
    sequence: t.exposeInt('sequence'),
    round: t.relation('round'),
    recommendation: t.relation('recommendation'),
    paragraphs: t.exposeStringList('paragraphs', { description: 'Verbatim, paragraph by paragraph.' }),
    status: t.expose('status', { type: StatusEnum }),
    owner: t.relation('owner', { nullable: true, description: 'The owner the round named; null where it named none.' }),
    target: t.field(planDateField('target', 'The date stated in this round ("Completed", "January 2025", ...).')),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});

// Fields that reach other types, added apart so each type's ref is typed before it is used.
builder.prismaObjectFields('ProgressUpdate', (t) => ({
  actions: t.field({
    type: [Action],
    description: 'The actions it reports on, where the record makes that clear.',
    select: (_args, _ctx, nested) => ({ actions: { select: { action: nested(true) }, orderBy: { actionId: 'asc' } } }),
    resolve: (p) => p.actions.map((a) => a.action),
  }),
}));
