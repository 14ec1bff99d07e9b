/**
 * WorkStatus: where an action or a recommendation stands, derived from the record as a frame sees
 * it, with the report and the date that decided it. The rules are in
 * src/database/queries/work-state.ts.
 */
import type { StateRow } from '../database/queries/work-state.js';
import type { Frame } from '../domain/frame.js';
import { explainStatus } from '../domain/status-explanation.js';
import { actionsById, progressUpdatesById } from '../loaders/records.js';
import { reportingRounds } from '../loaders/rounds.js';
import { builder } from './builder.js';
import { Action } from './action.js';
import { StatusEnum } from './enums.js';
import { PlanDate, type PlanDateShape } from './plan-date.js';
import { ProgressUpdate } from './progress-update.js';
import { ReportingRound } from './reporting-round.js';

export const WorkStateEnum = builder.enumType('WorkState', {
  description: 'Where a piece of work stands, derived from the record (see WorkStatus.explanation for why).',
  values: {
    NOT_STARTED: { description: 'Planned; no progress reported, or reported only as planned; its target has not passed.' },
    IN_PROGRESS: { description: 'Reported under way (including at risk or awaiting a decision); its target has not passed.' },
    OVERDUE: { description: 'Not reported complete, and the target in force ended before the date asked about.' },
    COMPLETED: { description: 'Reported complete.' },
    SUPERSEDED: { description: 'Reported absorbed into, or replaced by, other work.' },
    DECLINED: { description: 'The recommendation was not agreed: the plan says it will not be implemented.' },
    NOT_RECORDED: { description: 'The record holds no plan for it (absent from the plan, or asked about before the plan).' },
  } as const,
});

export const StatusBasisEnum = builder.enumType('StatusBasis', {
  description: 'Which part of the record decided a status.',
  values: {
    ACTION_REPORT: { description: 'A progress update on the action itself.' },
    RECOMMENDATION_REPORT: { description: 'A progress update about the recommendation, not tied to particular actions.' },
    STATED_TARGET: { description: 'The target date as stated says the work is done ("Completed").' },
    TARGET_DATE: { description: 'No progress was reported; only the target date speaks.' },
    RESPONSE: { description: 'The plan’s response to the recommendation.' },
    NO_RECORD: { description: 'Nothing in the record.' },
  } as const,
});

export interface WorkStatusShape {
  row: StateRow;
  frame: Frame;
  subject: 'action' | 'recommendation';
  /** For a recommendation: the action that decided its state, if one did. */
  actionId?: string | null;
}

const DAY_MS = 86_400_000;

export const asPlanDate = (d: StateRow['target']): PlanDateShape | null => d as PlanDateShape | null;

// Declared before it is implemented so that types referring to each other need no annotations.
export const WorkStatus = builder.objectRef<WorkStatusShape>('WorkStatus');
WorkStatus.implement({
  description: 'Where an action or a recommendation stands at a point in time, and the report and date that decided it.',
  fields: (t) => ({
    state: t.field({ type: WorkStateEnum, resolve: (s) => s.row.state as never }),
    asOf: t.field({ type: 'Date', description: 'The day the status is judged on.', resolve: (s) => s.frame.date }),
    basis: t.field({ type: StatusBasisEnum, resolve: (s) => s.row.basis as never }),
    reportedStatus: t.field({
      type: StatusEnum,
      nullable: true,
      description: 'The status the deciding progress update gave, as recorded.',
      resolve: (s) => s.row.reported as never,
    }),
    target: t.field({
      type: PlanDate,
      nullable: true,
      description: 'The target date in force at `asOf` for the deciding work.',
      resolve: (s) => asPlanDate(s.row.target),
    }),
    targetSetIn: t.field({
      type: ReportingRound,
      nullable: true,
      description: 'The round that stated that target (the plan, or the round that last revised it).',
      resolve: (s, _args, ctx) => (s.row.targetRoundId ? reportingRounds(ctx).load(s.row.targetRoundId) : null),
    }),
    round: t.field({
      type: ReportingRound,
      nullable: true,
      description: 'The round whose report decided the status (or that stated the deciding target).',
      resolve: (s, _args, ctx) => (s.row.roundId ? reportingRounds(ctx).load(s.row.roundId) : null),
    }),
    progressUpdate: t.field({
      type: ProgressUpdate,
      nullable: true,
      description: 'The progress update that decided the status, if one did.',
      resolve: (s, _args, ctx) => (s.row.updateId ? progressUpdatesById(ctx).load(s.row.updateId) : null),
    }),
    action: t.field({
      type: Action,
      nullable: true,
      description: 'For a recommendation: the action whose state decided it.',
      resolve: (s, _args, ctx) => (s.actionId ? actionsById(ctx).load(s.actionId) : null),
    }),
    overdueDays: t.int({
      nullable: true,
      description: 'For OVERDUE: days from the end of the target to `asOf`.',
      resolve: (s) =>
        s.row.state === 'OVERDUE' && s.row.target?.latest
          ? Math.round((s.frame.date.getTime() - s.row.target.latest.getTime()) / DAY_MS)
          : null,
    }),
    explanation: t.string({
      description: 'Why the status holds, in a sentence naming the report and the date.',
      resolve: async (s, _args, ctx) => {
        const [round, targetRound, action] = await Promise.all([
          s.row.roundId ? reportingRounds(ctx).load(s.row.roundId) : null,
          s.row.targetRoundId ? reportingRounds(ctx).load(s.row.targetRoundId) : null,
          s.actionId ? actionsById(ctx).load(s.actionId) : null,
        ]);
        return explainStatus({
          subject: s.subject,
          state: s.row.state,
          basis: s.row.basis,
          reported: s.row.reported,
          round,
          target: s.row.target,
          targetRound,
          asOf: s.frame.date,
          actionKey: action?.key ?? null,
          planned: s.row.planned,
        });
      },
    }),
  }),
});
