/**
 * Selections planned from a field nested below the one being resolved (e.g. `slippage { revisions }`).
 * When the client selected nothing there, the plugin plans an empty `select`, which Prisma refuses;
 * then only the columns the resolver itself reads are loaded.
 */
type Planned = { select?: Record<string, unknown> } & Record<string, unknown>;

export function orOwnColumns<Q extends Planned>(planned: Q, own: Record<string, true>): Q {
  if (planned.select && Object.keys(planned.select).length === 0) return { ...planned, select: own };
  return planned;
}
