/**
 * Derived states and frames: each rule of src/database/queries/work-state.ts on a case of the record
 * that exercises it, and what `asOf` leaves in and out.
 */
import { describe, expect, it } from 'vitest';
import { data, run } from './support/graphql.js';
import { testDatabase } from './support/database.js';

const { db } = testDatabase();

const actionStatuses = async (frame: string, numbers: number[]) => {
  const result = await data(
    db,
    `query($numbers: [Int!]) { ${frame} { actions(first: 100, filter: { recommendationNumbers: $numbers }) {
      nodes { key recommendation { number } status { state basis reportedStatus explanation target { text } } } } } }`,
    { numbers },
  );
  const nodes = (frame ? result[Object.keys(result)[0]] : result).actions.nodes;
  return Object.fromEntries(nodes.map((n: any) => [`${n.recommendation.number}/${n.key}`, n.status]));
};

describe('the state of an action', () => {
  it('follows its own latest report, and inherits a report on its recommendation as a whole', async () => {
    const s = await actionStatuses('asOf(round: "letter-2025-03")', [7, 9, 14, 17]);
    expect(s['7/a1']).toMatchObject({ state: 'COMPLETED', basis: 'ACTION_REPORT' });
    // No report names 7/a2, but the 12-month update reported recommendation 7 complete as a whole.
    expect(s['7/a2']).toMatchObject({ state: 'COMPLETED', basis: 'RECOMMENDATION_REPORT' });
    expect(s['7/a2'].explanation).toMatch(
      /No report names this action, but “12-month update” \(09 August 2024\) reported its recommendation complete/,
    );
    // 9/a1's plan target already reads "Completed"; its own report says so too.
    expect(s['9/a1']).toMatchObject({ state: 'COMPLETED' });
    // The letter folds the workload tool into wider work.
    expect(s['14/a3']).toMatchObject({ state: 'SUPERSEDED', reportedStatus: 'SUPERSEDED' });
    // Reported only as planned, after its date: overdue, and the explanation says which report and date.
    expect(s['17/a8']).toMatchObject({ state: 'OVERDUE', basis: 'ACTION_REPORT', reportedStatus: 'PLANNED' });
    expect(s['17/a8'].explanation).toBe(
      'Reported planned in “12-month update” (09 August 2024); its target “by end of August 2023”, set in “Action plan submitted” (28 July 2023), ended on 2023-08-31, 557 days before 2025-03-10.',
    );
    // Never reported on, in a recommendation still reported open: its date alone decides.
    expect(s['17/a1']).toMatchObject({ state: 'OVERDUE', basis: 'TARGET_DATE', reportedStatus: null });
  });

  it('is judged against the target in force in the frame, not today’s', async () => {
    const july = await actionStatuses('asOf(round: "update-2024-08")', [6]);
    const march = await actionStatuses('asOf(round: "letter-2025-03")', [6]);
    const later = await actionStatuses('asOf(date: "2025-07-01")', [6]);
    expect(july['6/a1']).toMatchObject({ state: 'IN_PROGRESS', target: { text: 'January 2025' } });
    expect(march['6/a1']).toMatchObject({ state: 'IN_PROGRESS', target: { text: 'by June 2025' } });
    // On 1 July 2025 the record (last updated in March) still says "by June 2025": now overdue.
    expect(later['6/a1']).toMatchObject({ state: 'OVERDUE', target: { text: 'by June 2025' } });
  });
});

describe('asOf', () => {
  it('leaves out rounds submitted later, and what they said', async () => {
    const { asOf } = await data(
      db,
      `{ asOf(round: "update-2024-08") {
        inspection(slug: "ct-joint-inspection-2023") { rounds { slug } }
        recommendation(inspection: "ct-joint-inspection-2023", number: 6) {
          progressUpdates { round { slug } } dateRevisions { round { slug } } latestStatuses lastReportedIn { slug }
          actions { currentTarget { text } slipDays progressUpdates { round { slug } } }
          slippage { current { text } revisionCount revisions { round { slug } } }
        }
        dependency(slug: "mapps") { expected { text } status updates { round { slug } } dateRevisions { round { slug } } }
      } }`,
    );
    expect(asOf.inspection.rounds.map((r: any) => r.slug)).toEqual(['plan-2023-07', 'plan-update-2023-10', 'update-2024-08']);
    const r6 = asOf.recommendation;
    expect(r6.progressUpdates.map((p: any) => p.round.slug)).toEqual(['update-2024-08']);
    expect(r6.dateRevisions.map((d: any) => d.round.slug)).toEqual(['update-2024-08']);
    expect(r6.lastReportedIn.slug).toBe('update-2024-08');
    expect(r6.actions[0]).toMatchObject({ currentTarget: { text: 'January 2025' }, slipDays: 215 });
    expect(r6.slippage).toMatchObject({
      current: { text: 'January 2025' },
      revisionCount: 1,
      revisions: [{ round: { slug: 'update-2024-08' } }],
    });
    expect(asOf.dependency).toMatchObject({ expected: { text: 'July 2025' }, status: 'AT_RISK' });
    expect(asOf.dependency.dateRevisions).toEqual([]);
  });

  it('answers before the plan existed with no plan, and says so', async () => {
    const { asOf } = await data(
      db,
      `{ asOf(date: "2023-07-21") { recommendation(inspection: "ct-joint-inspection-2023", number: 4) { status { state basis explanation } } } }`,
    );
    expect(asOf.recommendation.status).toEqual({
      state: 'NOT_RECORDED',
      basis: 'NO_RECORD',
      explanation: 'No action plan had been submitted by 2023-07-21.',
    });
  });

  it('compares frames side by side in one request', async () => {
    const result = await data(
      db,
      `{ before: asOf(round: "update-2024-08") { recommendation(inspection: "ct-joint-inspection-2023", number: 1) { status { state } } }
         after: asOf(date: "2025-03-10") { recommendation(inspection: "ct-joint-inspection-2023", number: 1) { status { state } } }
         now: recommendation(inspection: "ct-joint-inspection-2023", number: 1) { status { asOf } } }`,
    );
    expect(result.before.recommendation.status.state).toBe('NOT_STARTED');
    expect(result.after.recommendation.status.state).toBe('IN_PROGRESS');
    expect(result.now.status.asOf).toBe(new Date().toISOString().slice(0, 10));
  });

  it('refuses unclear or unknown frames with typed errors', async () => {
    const errorOf = async (query: string) => (await run(db, query)).errors?.[0];
    expect(await errorOf('{ asOf { __typename } }')).toMatchObject({
      message: 'Give exactly one of "date" and "round" to `asOf`.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await errorOf('{ asOf(date: "2025-01-01", round: "letter-2025-03") { __typename } }')).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const unknown = await errorOf('{ asOf(round: "letter-2099-01") { __typename } }');
    expect(unknown?.message).toMatch(/^No reporting round "letter-2099-01"\. Rounds are named by slug, e\.g\. "plan-2023-07"/);
    expect(await errorOf('{ asOf(date: "2025-02-30") { __typename } }')).toMatchObject({ message: expect.stringMatching(/Date/) });
    const badVariable = await run(db, 'query($d: Date) { asOf(date: $d) { __typename } }', { d: '10/03/2025' });
    expect(badVariable.errors?.[0].message).toMatch(/Variable "\$d" got invalid value "10\/03\/2025"/);
  });
});
