/** An action's target in force, read inside a write: the latest revision's date, else the plan's. */
import { parsePlanDate } from '../domain/plan-date.js';
import type { Tx } from './commit.js';

export interface TargetInForce {
  text: string | null;
  /** The round that stated it (the latest revision's), or null for the plan's own. */
  roundSequence: number | null;
}

export async function currentTarget(tx: Tx, actionId: string): Promise<TargetInForce | null> {
  const revision = await tx.dateRevision.findFirst({
    where: { actionId },
    orderBy: [{ round: { sequence: 'desc' } }, { sequence: 'desc' }],
    select: { revisedText: true, round: { select: { sequence: true } } },
  });
  if (revision) return { text: revision.revisedText, roundSequence: revision.round.sequence };
  const action = await tx.action.findUnique({ where: { id: actionId }, select: { targetText: true } });
  return action ? { text: action.targetText, roundSequence: null } : null;
}

/**
 * Whether `stated` keeps the target in force: the same interval, or words that name no date at all
 * ("Completed"), which report progress rather than move the target.
 */
export function sameDay(current: string | null, stated: string): boolean {
  const next = parsePlanDate(stated);
  if (next.latest === null) return true;
  if (current === null) return false;
  const now = parsePlanDate(current);
  return now.earliest === next.earliest && now.latest === next.latest;
}
