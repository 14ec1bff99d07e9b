/** Counts: by derived state and by response, for a filtered list or a whole inspection. */
import type { Tallies } from '../database/queries/search.js';
import { builder, type BuilderTypes } from './builder.js';
import { ResponseValueEnum } from './enums.js';
import { WorkStateEnum } from './work-status.js';

export const StateCount = builder.objectRef<{ state: string; count: number }>('StateCount').implement({
  description: 'How many are in one derived state.',
  fields: (t) => ({
    state: t.field({ type: WorkStateEnum, resolve: (c) => c.state as never }),
    count: t.exposeInt('count'),
  }),
});

export const ResponseCount = builder.objectRef<{ response: string | null; count: number }>('ResponseCount').implement({
  description: 'How many have one response; a null response counts those the record gives no response for.',
  fields: (t) => ({
    response: t.field({ type: ResponseValueEnum, nullable: true, resolve: (c) => c.response as never }),
    count: t.exposeInt('count'),
  }),
});

const STATE_ORDER = ['NOT_STARTED', 'IN_PROGRESS', 'OVERDUE', 'COMPLETED', 'SUPERSEDED', 'DECLINED', 'NOT_RECORDED'];
const RESPONSE_ORDER = ['AGREED', 'PARTLY_AGREED', 'NOT_AGREED', null];

/** Every state, in a fixed order, zeros included, so tallies line up across answers. */
export const stateCounts = (t: Tallies) => STATE_ORDER.map((state) => ({ state, count: t.byState?.get(state) ?? 0 }));
export const responseCounts = (t: Tallies) => RESPONSE_ORDER.map((response) => ({ response, count: t.byResponse.get(response) ?? 0 }));

/** What resolveDerivedConnection hands its connection object. */
type Tallied = { tallies: () => Promise<Tallies> };
const talliesOf = (parent: unknown) => (parent as Tallied).tallies();

/** totalCount and tallies for connections built by resolveDerivedConnection. */
export const talliedConnectionFields = <Parent>(c: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Parent>) => ({
  totalCount: c.int({ description: 'How many match, across all pages.', resolve: async (p) => (await talliesOf(p)).total }),
  byState: c.field({
    type: [StateCount],
    description: 'How many match in each derived state (every state listed, zeros included).',
    resolve: async (p) => stateCounts(await talliesOf(p)),
  }),
  byResponse: c.field({
    type: [ResponseCount],
    description: 'How many match with each response (to their recommendation, for actions); null: none recorded.',
    resolve: async (p) => responseCounts(await talliesOf(p)),
  }),
});
