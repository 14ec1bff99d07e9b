/** Role: a post that owns actions, e.g. "Deputy Director Joint Extremism Unit (JEXU)". */
import { builder } from './builder.js';
import { Action } from './action.js';
import { citationsDescription, citationsQuery } from './citation.js';

export const Role = builder.prismaNode('Role', {
  id: { field: 'id' },
  nullable: true,
  description: 'A post named as the owner of actions, e.g. "Deputy Director Joint Extremism Unit (JEXU)".',
  fields: (t) => ({
    slug: t.exposeString('slug'),
    title: t.exposeString('title', { description: 'As the owner column states it, verbatim.' }),
    agency: t.relation('agency'),
    progressUpdates: t.relation('progressUpdates', {
      description: 'Progress this role reported.',
      query: { orderBy: [{ round: { sequence: 'asc' } }, { recommendationId: 'asc' }, { sequence: 'asc' }] },
    }),
    citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
  }),
});

// Fields that reach other types, added apart so each type's ref is typed before it is used.
builder.prismaObjectFields('Role', (t) => ({
  actions: t.field({
    type: [Action],
    description: 'Actions this role owns in the plan.',
    select: (_args, _ctx, nested) => ({ actions: { select: { action: nested(true) }, orderBy: { actionId: 'asc' } } }),
    resolve: (role) => role.actions.map((a) => a.action),
  }),
}));
