/**
 * A plain-English sentence saying why a derived state holds, naming the report and the date that
 * produced it. The rules themselves live in src/database/queries/work-state.ts; this only words them.
 */
import { isoDay } from './frame.js';

export interface RoundName {
  label: string;
  submittedText: string;
}

export interface ExplanationInput {
  subject: 'action' | 'recommendation';
  state: string;
  basis: string;
  /** The status the deciding report gave. */
  reported: string | null;
  /** The round of the deciding report, or where the deciding target was stated. */
  round: RoundName | null;
  target: { text: string; latest: Date | null } | null;
  targetRound: RoundName | null;
  asOf: Date;
  /** For a recommendation decided by one of its actions: that action's key ("a3"). */
  actionKey: string | null;
  /** Whether the plan had been submitted by `asOf`. */
  planned: boolean;
}

const REPORTED: Record<string, string> = {
  PLANNED: 'planned',
  IN_PROGRESS: 'in progress',
  AT_RISK: 'at risk',
  AWAITING_DECISION: 'awaiting a decision',
  COMPLETED: 'completed',
  SUPERSEDED: 'superseded by other work',
  NOT_STATED: 'with no status stated',
};

const DAY_MS = 86_400_000;
const named = (r: RoundName | null) => (r ? `“${r.label}” (${r.submittedText})` : 'an unnamed round');

function targetClause(input: ExplanationInput): string {
  const { target, targetRound, asOf } = input;
  if (!target) return 'it has no target date in force';
  const setIn = targetRound ? `, set in ${named(targetRound)},` : '';
  if (!target.latest) return `its target “${target.text}”${setIn} names no date that can be passed`;
  const late = Math.round((asOf.getTime() - target.latest.getTime()) / DAY_MS);
  if (late > 0) return `its target “${target.text}”${setIn} ended on ${isoDay(target.latest)}, ${late} days before ${isoDay(asOf)}`;
  return `its target “${target.text}”${setIn} runs to ${isoDay(target.latest)}, not passed on ${isoDay(asOf)}`;
}

function reportClause(input: ExplanationInput): string {
  if (input.basis === 'TARGET_DATE') return `No progress has been reported on ${input.subject === 'action' ? 'it' : 'this strand'}`;
  const status = REPORTED[input.reported ?? 'NOT_STATED'] ?? input.reported;
  return `Reported ${status} in ${named(input.round)}`;
}

function sentence(input: ExplanationInput): string {
  const { state, basis, subject } = input;
  if (state === 'NOT_RECORDED')
    return input.planned
      ? 'The record holds no plan for this recommendation: it is absent from the action plan.'
      : `No action plan had been submitted by ${isoDay(input.asOf)}.`;
  if (state === 'DECLINED') return 'The plan does not agree the recommendation, so it will not be implemented.';
  if (state === 'COMPLETED') {
    if (basis === 'RECOMMENDATION_REPORT')
      return subject === 'action'
        ? `No report names this action, but ${named(input.round)} reported its recommendation complete as a whole.`
        : `${named(input.round)} reported the recommendation complete as a whole.`;
    if (basis === 'STATED_TARGET') return `Its target is stated as “${input.target?.text}” in ${named(input.round)}.`;
    return `${subject === 'action' ? 'Reported' : 'Every action reported'} completed; last report in ${named(input.round)}.`;
  }
  if (state === 'SUPERSEDED') return `Reported superseded by other work in ${named(input.round)}.`;
  return `${reportClause(input)}; ${targetClause(input)}.`;
}

export function explainStatus(input: ExplanationInput): string {
  // A recommendation decided by one of its actions is explained as that action.
  if (input.subject === 'recommendation' && input.actionKey)
    return `Decided by action ${input.actionKey}: ${sentence({ ...input, subject: 'action' })}`;
  const text = sentence(input);
  if (input.subject === 'recommendation' && input.basis === 'RECOMMENDATION_REPORT' && input.state !== 'COMPLETED')
    return `Decided by an update not tied to an action: ${text}`;
  return text;
}
