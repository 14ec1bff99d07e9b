/**
 * The analyst questions, asked exactly as the example operations in schema/examples ask them, through
 * the generated typed client over HTTP, and checked against the source documents read independently.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CompareRoundsDocument,
  DependencyImpactDocument,
  FilteredRecommendationsDocument,
  OpenAtRoundDocument,
  OverdueActionsDocument,
  PlanSummaryDocument,
  PlanTallyDocument,
  SearchRecordDocument,
  SlippedRecommendationsDocument,
  StandingFragmentDoc,
} from './generated/graphql.js';
import { getFragmentData } from './generated/fragment-masking.js';
import { serveApp } from './support/app.js';
import { testDatabase } from './support/database.js';
import { request } from './support/typed-client.js';

const { app } = serveApp();
const { db } = testDatabase();
const ask = <Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables?: Variables) =>
  request(app().url, document, variables);

let plan = '';
let letter = '';
beforeAll(async () => {
  const text = async (slug: string) => (await db.sourceDocument.findUniqueOrThrow({ where: { slug } })).text;
  [plan, letter] = await Promise.all([text('action-plan'), text('letter-2025-03')]);
});

/** The plan's July 2024 progress row for a recommendation: from its heading to the next table row. */
function progressRow(n: number): string {
  const start = plan.indexOf(`Progress against commitments – Recommendation ${n} (July 2024)`);
  const rest = plan.slice(start + 10);
  const end = rest.search(/\n\d{1,2}\t(?!\t)|Progress against commitments|\nRecommendations\t/);
  return rest.slice(0, end === -1 ? undefined : end);
}

/** Recommendation numbers of the plan's table rows under a heading, up to the next heading. */
function rowsUnder(heading: string): number[] {
  const start = plan.indexOf(heading);
  const next = plan.slice(start + heading.length).search(/\n[^\n\t]*should:|\nCounter Terrorism Policing:|\nRecommendations\t/);
  const section = plan.slice(start, next === -1 ? undefined : start + heading.length + next);
  return [...section.matchAll(/\n(\d{1,2})\t(?!\t)/g)].map((m) => Number(m[1]));
}

describe('which recommendations were still open at the March 2025 letter, and why', () => {
  it('lists the open ones with the update and target that decided each, all found in the documents', async () => {
    const { asOf } = await ask(OpenAtRoundDocument, { round: 'letter-2025-03' });
    const open = asOf.recommendations.nodes;
    expect(open.map((r) => r.number)).toEqual([1, 3, 6, 9, 11, 13, 14, 16, 17, 19]);
    expect(open.every((r) => r.status.asOf === '2025-03-10')).toBe(true);
    const why = Object.fromEntries(open.map((r) => [r.number, r.status]));

    // Reported by the letter itself, with the date it gives.
    for (const [n, target, words] of [
      [3, 'November 2027', 'a revised date of November 2027'],
      [6, 'by June 2025', 'publication expected by June 2025'],
      [11, 'Spring 2025', 'expected to commence in Spring 2025'],
      [16, 'Spring 2025', 'expected to commence in Spring 2025'],
      [19, 'Spring 2025', 'this design phase is expected to complete in Spring 2025'],
    ] as const) {
      expect(why[n], `recommendation ${n}`).toMatchObject({
        state: 'IN_PROGRESS',
        target: { text: target },
        round: { label: 'Further update letter' },
      });
      expect(letter).toContain(words);
      for (const paragraph of why[n].progressUpdate!.paragraphs) expect(letter).toContain(paragraph);
    }
    expect(why[3].reportedStatus).toBe('AT_RISK');

    // The investment case is done, but the letter leaves its funding awaiting a decision.
    expect(why[1]).toMatchObject({ state: 'IN_PROGRESS', reportedStatus: 'AWAITING_DECISION', action: null });
    expect(why[1].progressUpdate!.paragraphs).toEqual([
      "This case has now been incorporated into the agency's Spending Review proposals for 2026-2028 and we await the outcome of that.",
    ]);
    expect(letter).toContain(why[1].progressUpdate!.paragraphs[0]);

    // Plan steps never reported on, whose plan target had passed by the letter.
    for (const [n, key, target] of [
      [9, 'a3', 'June 2024'],
      [14, 'a1', 'October 2023'],
    ] as const) {
      expect(why[n], `recommendation ${n}`).toMatchObject({
        state: 'OVERDUE',
        basis: 'TARGET_DATE',
        action: { key },
        target: { text: target },
        targetSetIn: { label: 'Action plan submitted' },
        progressUpdate: null,
      });
      expect(plan).toContain(why[n].action!.text);
    }
    expect(plan).toMatch(/<p>October 2023<\/p> <p>December 2023<\/p> <p>March 2024<\/p>/);

    // The 12-month update left the Pathfinder Reform step planned, after its August 2023 date; the letter is silent.
    expect(why[17]).toMatchObject({
      state: 'OVERDUE',
      reportedStatus: 'PLANNED',
      action: { key: 'a8' },
      target: { text: 'by end of August 2023' },
      round: { label: '12-month update' },
    });
    expect(progressRow(17)).toContain(why[17].progressUpdate!.paragraphs[0]);
    expect(plan).toContain('(to be confirmed by Pathfinder Reform Programme Board by end of August 2023)');

    // Recommendation 13 is not in the plan's table, so nothing can close it.
    expect(why[13]).toMatchObject({ state: 'NOT_RECORDED', basis: 'NO_RECORD' });
    expect(plan).not.toMatch(/\n13\t/);
  });

  it('counts as closed exactly those whose July 2024 row reports every strand "Completed"', async () => {
    const { asOf } = await ask(OpenAtRoundDocument, { round: 'letter-2025-03' });
    const open = new Set(asOf.recommendations.nodes.map((r) => r.number));
    const closed = [2, 4, 5, 7, 8, 10, 12, 15, 18, 20, 21];
    expect([...Array(21).keys()].map((i) => i + 1).filter((n) => !open.has(n))).toEqual(closed);
    for (const n of closed) {
      const row = progressRow(n);
      expect(row, `recommendation ${n}`).toContain('Completed');
      expect(row, `recommendation ${n}`).not.toMatch(
        /\t(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\s*$/m,
      );
    }
  });
});

describe('the same question at two points in one request', () => {
  it('shows how each recommendation moved between the 12-month update and the letter', async () => {
    const data = await ask(CompareRoundsDocument, {});
    const before = getFragmentData(StandingFragmentDoc, data.before);
    const after = getFragmentData(StandingFragmentDoc, data.after);
    const at = (s: typeof before, n: number) => s.recommendations.nodes.find((r) => r.number === n)!.status;
    expect(at(before, 1)).toMatchObject({ state: 'NOT_STARTED', asOf: '2024-08-09' });
    expect(at(after, 1)).toMatchObject({ state: 'IN_PROGRESS', asOf: '2025-03-10' });
    expect(at(before, 3).target?.text).toBe('July 2025');
    expect(at(after, 3).target?.text).toBe('November 2027');
    expect(at(before, 6).target?.text).toBe('January 2025');
    expect(at(after, 6).target?.text).toBe('by June 2025');
    const count = (s: typeof before, state: string) => s.recommendations.byState.find((c) => c.state === state)!.count;
    expect(count(before, 'COMPLETED')).toBe(11);
    expect(count(after, 'COMPLETED')).toBe(11);
  });
});

describe('filters that combine, with an agency including its units', () => {
  it('finds what is addressed to HMPPS and its units, as the plan’s headings group them', async () => {
    const { recommendations } = await ask(FilteredRecommendationsDocument, {
      addressedTo: ['hmpps'],
      orderBy: { field: 'NUMBER', direction: 'ASC' },
      first: 100,
    });
    const underHeadings = [
      "His Majesty's Prison and Probation Service should:",
      'The Joint Extremism Unit should:',
      'The Probation Service should:',
      'The Prison Service should:',
    ].flatMap(rowsUnder);
    expect(recommendations.nodes.map((r) => r.number)).toEqual(underHeadings.sort((a, b) => a - b));
    expect(recommendations.totalCount).toBe(underHeadings.length);
    expect(recommendations.byState.reduce((n, c) => n + c.count, 0)).toBe(underHeadings.length);
  });

  it('combines an owning agency with a state and orders by slippage, largest first', async () => {
    const { recommendations } = await ask(FilteredRecommendationsDocument, { ownedBy: ['jexu'], status: ['OVERDUE', 'IN_PROGRESS'] });
    const slips = recommendations.nodes.map((r) => r.slippage.days ?? -Infinity);
    expect(slips).toEqual([...slips].sort((a, b) => b - a));
    expect(recommendations.nodes.every((r) => ['OVERDUE', 'IN_PROGRESS'].includes(r.status.state))).toBe(true);
    expect(recommendations.nodes.map((r) => r.number)).toEqual(expect.arrayContaining([6, 11, 16]));
  });
});

describe('overdue as of a date', () => {
  it('lists open actions whose target ended before the day, earliest first, with the days overdue', async () => {
    const { actions } = await ask(OverdueActionsDocument, { on: '2025-03-10' });
    const targets = actions.nodes.map((a) => a.currentTarget!.latest!);
    expect(targets).toEqual([...targets].sort());
    expect(targets.every((d) => d < '2025-03-10')).toBe(true);
    expect(actions.nodes.map((a) => `${a.recommendation.number}/${a.key}`)).toEqual(
      expect.arrayContaining(['14/a1', '14/a2', '17/a8', '9/a3']),
    );
    for (const a of actions.nodes) expect(plan, a.key).toContain(a.text);
    const jexuOnly = await ask(OverdueActionsDocument, { on: '2025-03-10', ownedBy: ['jexu'] });
    expect(jexuOnly.actions.nodes.every((a) => a.owners.some((o) => o.agency?.slug === 'jexu'))).toBe(true);
    expect(jexuOnly.actions.totalCount).toBeLessThan(actions.totalCount);
  });
});

describe('free-text search', () => {
  it('finds recommendations and actions by stemmed words in their text, responses and progress', async () => {
    const { recommendations, actions } = await ask(SearchRecordDocument, { text: 'training' });
    const found = recommendations.nodes.map((r) => r.number);
    // Every table row whose recommendation text itself mentions training is found.
    const rows = [...plan.matchAll(/\n(\d{1,2})\t([^\t]+)\t/g)].filter((m) => /\btrain/i.test(m[2])).map((m) => Number(m[1]));
    expect(rows.length).toBeGreaterThan(0);
    expect(found).toEqual(expect.arrayContaining(rows));
    expect(found).toEqual(expect.arrayContaining([11, 16]));
    expect(actions.nodes.map((a) => a.recommendation.number)).toEqual(expect.arrayContaining([11, 16]));
    const none = await ask(SearchRecordDocument, { text: '"spending review" -training' });
    expect(none.recommendations.nodes.map((r) => r.number)).toEqual([1]);
  });
});

describe('tallies', () => {
  it('puts the plan’s printed tally beside the one computed from its rows, and counts by state and agency', async () => {
    const { inspection } = await ask(PlanTallyDocument, {});
    const tally = inspection!.tally;
    for (const [term, n] of [
      ['Agreed', 20],
      ['Partly Agreed', 1],
      ['Not Agreed', 0],
      ['Total', 21],
    ] as const)
      expect(plan).toContain(`\n${term}\t${n}\n`);
    expect(tally.printed.map((f) => [f.line, f.reportedCount, f.recordedCount, f.consistent])).toEqual([
      ['AGREED', 20, 19, false],
      ['PARTLY_AGREED', 1, 1, true],
      ['NOT_AGREED', 0, 0, true],
      ['TOTAL', 21, 20, false],
    ]);
    expect(tally.consistent).toBe(false);
    const rowResponses = [...plan.matchAll(/\n\d{1,2}\t[^\t]+\t(?:<p>)?(Agreed|Partly Agreed|Not Agreed)(?:<\/p>)?\t/g)].map((m) => m[1]);
    expect(tally.byResponse).toEqual([
      { response: 'AGREED', count: rowResponses.filter((r) => r === 'Agreed').length },
      { response: 'PARTLY_AGREED', count: rowResponses.filter((r) => r === 'Partly Agreed').length },
      { response: 'NOT_AGREED', count: 0 },
      { response: null, count: 1 },
    ]);
    expect(tally.byState.reduce((n, c) => n + c.count, 0)).toBe(21);
    const jexu = tally.byAgency.find((a) => a.agency.slug === 'jexu')!;
    expect(jexu.addressedTotal).toBe(rowsUnder('The Joint Extremism Unit should:').length);
  });
});

describe('slippage', () => {
  it('gives each chain of target dates with reasons and rounds, the slip in days with its precision, and a summary per agency', async () => {
    const { recommendations, inspection } = await ask(SlippedRecommendationsDocument, { first: 100 });
    const byNumber = Object.fromEntries(recommendations.nodes.map((r) => [r.number, r.slippage]));
    const days = recommendations.nodes.map((r) => r.slippage.days ?? -Infinity);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(byNumber[3]).toMatchObject({
      original: { text: 'July 2025' },
      current: { text: 'November 2027' },
      days: 852,
      precision: 'MONTH',
    });
    expect(byNumber[6].revisions.map((r) => [r.previous.text, r.revised?.text, r.reason, r.round.label])).toEqual([
      ['June 2024', 'January 2025', 'The delay is due to internal resourcing pressures.', '12-month update'],
      ['January 2025', 'by June 2025', null, 'Further update letter'],
    ]);
    expect(plan).toContain(
      'Originally planned to be by June 2024, this is now expected by January 2025. The delay is due to internal resourcing pressures.',
    );
    // "Spring 2025" is a season: the slip is only known to within it.
    expect(byNumber[11]).toMatchObject({ current: { text: 'Spring 2025' }, precision: 'SEASON', revisionCount: 2 });
    expect(byNumber[11].minDays!).toBeLessThan(byNumber[11].days!);
    expect(byNumber[14]).toMatchObject({ withdrawn: true, current: null, days: null });
    const jexu = inspection!.slippageByAgency.find((a) => a.agency.slug === 'jexu')!;
    expect(jexu.slippedActions).toBeGreaterThan(0);
    expect(jexu.totalSlipDays).toBeGreaterThanOrEqual(jexu.maxSlipDays!);
  });
});

describe('dependency impact', () => {
  it('finds what relies on Pathfinder Reform, directly or through the CIM tool, and what it puts at risk', async () => {
    const { dependency } = await ask(DependencyImpactDocument, { slug: 'pathfinder-reform' });
    expect(plan).toContain(
      'The timescales relating to the re-development of the CIM (and risk levels) will be guided by the wider Pathfinder Reform work',
    );
    expect(dependency!.dependents.map((d) => d.slug)).toEqual(['cim-replacement-tool']);
    const recs = dependency!.impact.recommendations;
    expect(recs.map((r) => r.recommendation.number)).toEqual([9, 17, 19]);
    expect(recs.find((r) => r.recommendation.number === 9)!.through.map((d) => d.slug)).toEqual(['cim-replacement-tool']);
    const atRisk = dependency!.impact.actions.filter((a) => a.atRisk).map((a) => `${a.action.recommendation.number}/${a.action.key}`);
    // Expected by "Spring 2025" (to 31 May 2025): later than steps due June 2024 and August 2023.
    expect(atRisk).toEqual(['9/a3', '17/a8']);
    expect(dependency!.impact.actions.find((a) => a.action.key === 'a1' && a.action.recommendation.number === 19)!.risk).toBe(
      'WITHIN_TARGET',
    );
    expect(dependency!.impact.atRiskCount).toBe(recs.filter((r) => r.atRisk).length + atRisk.length);
  });
});

describe('a programme’s own slippage', () => {
  it('gives MAPPS’s move from July 2025 to November 2027 as the letter states it, and what rests on MAPPS', async () => {
    const { dependency } = await ask(DependencyImpactDocument, {});
    expect(plan).toContain('The Multi Agency Public Protection System (MAPPS) programme is expected to launch in July 2025.');
    expect(letter).toContain('a revised date of November 2027 can be achieved');
    expect(dependency).toMatchObject({
      name: 'Multi Agency Public Protection System',
      expected: { text: 'November 2027', latest: '2027-11-30' },
    });
    // 31 July 2025 to 30 November 2027, latest day to latest day.
    expect(dependency!.slippage).toMatchObject({ original: { text: 'July 2025' }, current: { text: 'November 2027' }, days: 852 });
    const [revision, ...others] = dependency!.slippage.revisions;
    expect(others).toEqual([]);
    expect(revision).toMatchObject({
      previous: { text: 'July 2025' },
      revised: { text: 'November 2027' },
      round: { label: 'Further update letter' },
    });
    expect(letter).toContain(revision.reason!);
    // Recommendation 3 asks for the case management system MAPPS is; 21's work is reported complete.
    const relying = dependency!.impact.recommendations.map((r) => [r.recommendation.number, r.direct, r.risk]);
    expect(relying).toEqual([
      [3, true, 'WITHIN_TARGET'],
      [21, true, 'WORK_CLOSED'],
    ]);
    expect(dependency!.impact.atRiskCount).toBe(0);
  });
});

describe('the plan’s summary', () => {
  it('gives the rounds with the dates the documents state, the printed totals beside the rows, and the notes on the record', async () => {
    const { inspection } = await ask(PlanSummaryDocument, {});
    const rounds = inspection!.rounds.map((r) => [r.kind, r.submittedOn?.text]);
    expect(rounds).toEqual([
      ['PLAN_SUBMITTED', '28 July 2023'],
      ['PLAN_UPDATED', '11 October 2023'],
      ['PROGRESS_UPDATE', '09 August 2024'],
      ['LETTER', '10th March 2025'],
    ]);
    for (const [, date] of rounds.slice(0, 3)) expect(plan).toContain(`Submitted: ${date}`);
    expect(letter).toContain('10th March 2025');
    const summary = Object.fromEntries(inspection!.summary.map((s) => [s.line, [s.reportedCount, s.recordedCount, s.consistent]]));
    expect(plan).toMatch(/\nAgreed\t20\n/);
    expect(plan).toMatch(/\nTotal\t21\n/);
    expect(summary).toMatchObject({ AGREED: [20, 19, false], TOTAL: [21, 20, false] });
    const gap = inspection!.notes.find((n) => n.kind === 'GAP' && n.recommendation?.number === 13);
    expect(gap?.summary).toMatch(/Recommendation 13 is missing from the plan's table/);
    expect(plan).not.toMatch(/\n13\t(?!\t)/);
  });
});
