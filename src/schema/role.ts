/** Role: a post that owns actions, e.g. "Deputy Director Joint Extremism Unit (JEXU)". */
import { visibleRows } from '../loaders/rounds.js';
import { builder } from './builder.js';
import { Action } from './action.js';
import { ProgressUpdate } from './progress-update.js';
import { citationsDescription, citationsQuery } from './citation.js';

export const Role = builder.prismaNode('Role', {
  id: { field: 'id' },
  nullable: true,
  description: 'A post named as the owner of actions, e.g. "Deputy Director Joint Extremism Unit (JEXU)".',
  fields: (t) => ({
    slug: t.exposeString('slug'),
    title: t.exposeString('title', { description: 'As the owner column states it, verbatim.' }),
    agency: t.relation('agency', { nullable: true, description: 'Null where no document says which agency the post belongs to.' }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});

// Fields that reach other types, added apart so each type's ref is typed before it is used.
builder.prismaObjectFields('Role', (t) => ({
  progressUpdates: t.field({
    type: [ProgressUpdate],
    description: 'Progress this role reported, in round order.',
    select: (_args, _ctx, nested) => ({
      progressUpdates: nested({ orderBy: [{ round: { sequence: 'asc' } }, { recommendationId: 'asc' }, { sequence: 'asc' }] }),
    }),
    resolve: (r, _args, ctx, info) => visibleRows(ctx, info, r.progressUpdates),
  }),
  actions: t.field({
    type: [Action],
    description: 'Actions this role owns in the plan.',
    select: (_args, _ctx, nested) => ({ actions: { select: { action: nested(true) }, orderBy: { actionId: 'asc' } } }),
    resolve: (role) => role.actions.map((a) => a.action),
  }),
}));
