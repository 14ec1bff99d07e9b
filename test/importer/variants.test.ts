/**
 * Plans written for these tests in the same template: a plan as first submitted (no progress rows, rows
 * numbered "1.", a Not Agreed row with its reason, several steps and dates in one cell, an owner that
 * matches no known role) and a plan with an update (rows numbered "R1", a numbering gap, a response and
 * an owner cell split by page breaks, a revised date with its cause, stray progress headings), plus
 * variations made from them.
 */
import { describe, expect, it } from 'vitest';
import { parseActionPlan } from '../../src/importer/parse.js';
import { toSeedParts } from '../../src/importer/to-seed.js';
import type { ParsedPlan } from '../../src/importer/types.js';
import { directory, fixture } from './support/load.js';

const kinds = (plan: ParsedPlan) => plan.findings.map((f) => [f.kind, f.recommendation ?? null]);
const rec = (plan: ParsedPlan, n: number) => plan.recommendations.find((r) => r.number === n)!;

describe('a plan with no progress rows (numbered "1.", "2.", ...)', () => {
  const text = fixture('plan-without-progress.txt');
  const plan = parseActionPlan(text, directory);

  it('reads the rows, their numbering and addressees, and no rounds beyond the submission', () => {
    expect(plan.recommendations.map((r) => [r.number, r.numberText.value, r.response?.value])).toEqual([
      [1, '1.', 'AGREED'],
      [2, '2.', 'NOT_AGREED'],
      [3, '3.', 'PARTLY_AGREED'],
      [4, '4.', 'AGREED'],
    ]);
    expect(plan.recommendations.map((r) => r.addressees?.agencies.map((a) => a.agency))).toEqual([
      ['moj'],
      ['moj'],
      ['hmpps'],
      ['probation-service'],
    ]);
    expect(plan.inspection.rounds.map((r) => [r.slug, r.kind, r.submittedOn?.value])).toEqual([
      ['plan-2025-03', 'PLAN_SUBMITTED', '14 March 2025'],
    ]);
    expect(plan.recommendations.every((r) => r.progress.length === 0)).toBe(true);
    expect(plan.inspection.reportedSummary.map((s) => [s.response, s.count])).toEqual([
      ['AGREED', 2],
      ['PARTLY_AGREED', 1],
      ['NOT_AGREED', 1],
      ['TOTAL', 4],
    ]);
    expect(plan.inspection.responseTerms.map((t) => t.term.value)).toEqual(['Agreed', 'Partly Agreed', 'Not Agreed']);
  });

  it('keeps a Not Agreed row with its reason and no actions', () => {
    const r = rec(plan, 2);
    expect(r.response?.reasons.map((x) => [x.category, x.cite.value])).toEqual([
      ['AFFORDABILITY', 'The recommendation is not agreed for affordability reasons.'],
    ]);
    expect(r.response?.narrative.map((p) => p.value)).toEqual([
      'The recommendation is not agreed for affordability reasons. A dedicated helpline would duplicate the existing Probation Service contact centre, which already takes calls from women on licence at any hour.',
    ]);
    expect(r.actions).toEqual([]);
  });

  it('pairs several steps with several dates in one cell: list items, <p> dates, dates written one after another', () => {
    expect(rec(plan, 1).actions.map((a) => [a.text.value, a.target?.value, a.basis])).toEqual([
      ['Commission a review of accommodation demand among women on release.', 'June 2025', 'LIST_ITEM'],
      ['Publish revised eligibility rules for the Community Accommodation Service.', 'September 2025', 'LIST_ITEM'],
      ["Extend the service to every women's prison.", 'March 2026', 'LIST_ITEM'],
    ]);
    // The Partly Agreed reason paragraph is not a step; "June 2025 December 2025" is two dates.
    expect(rec(plan, 3).actions.map((a) => [a.text.value, a.target?.value])).toEqual([
      ['HMPPS will issue guidance on resettlement plans for sentenced women.', 'June 2025'],
      ['Prison Group Directors will audit the completion of resettlement plans every quarter.', 'December 2025'],
    ]);
    expect(rec(plan, 3).response?.reasons.map((x) => x.category)).toEqual(['POLICY']);
    // "•" bullets, and one owner per date.
    expect(rec(plan, 4).actions.map((a) => [a.text.value, a.target?.value, a.owners.map((o) => o.role)])).toEqual([
      ["Agree an information-sharing protocol with the women's centres.", 'July 2025', ['pd-nsd']],
      ['Train practitioners in the new protocol.', 'October 2025', ['dd-probation-workforce-programme']],
    ]);
  });

  it('reports an owner that matches no role, with the agency it names and a proposed role, and merges nothing', () => {
    expect(kinds(plan)).toEqual([['UNKNOWN_OWNER', 3]]);
    const f = plan.findings[0];
    expect(f.suggestion?.proposedRole).toEqual({
      slug: 'head-of-womens-estate-digital-services-hmpps',
      title: "Head of Women's Estate Digital Services, HMPPS",
      agency: 'hmpps',
      agencyBasis: 'NAMED',
    });
    expect(f.suggestion?.nearestRole?.slug).toBeTruthy();
    expect(rec(plan, 3).actions.every((a) => a.owners[0].role === null && a.owners[0].match === 'AGENCY_NAMED')).toBe(true);
    const seeds = toSeedParts(plan, 'women-resettlement-plan');
    expect(seeds.recommendations[2].actions[0].owners).toEqual([
      { role: 'head-of-womens-estate-digital-services-hmpps', cite: "Head of Women's Estate Digital Services, HMPPS" },
    ]);
    expect(seeds.omitted).toEqual([
      'recommendation 3: owner "Head of Women\'s Estate Digital Services, HMPPS" has no role; recorded under the proposed role "head-of-womens-estate-digital-services-hmpps"',
    ]);
  });

  it('reads the same with Windows line endings', () => {
    const crlf = parseActionPlan(text.replace(/\n/g, '\r\n'), directory);
    const shape = (p: ParsedPlan) => p.recommendations.map((r) => [r.number, r.actions.map((a) => [a.text.value, a.target?.value])]);
    expect(shape(crlf)).toEqual(shape(plan));
    expect(kinds(crlf)).toEqual(kinds(plan));
  });
});

describe('a plan with an update (numbered "R1", "R2", ...)', () => {
  const text = fixture('plan-with-progress.txt');
  const plan = parseActionPlan(text, directory);

  it('names the rounds by kind and month, with the period progress is reported as at', () => {
    expect(plan.recommendations.map((r) => [r.number, r.numberText.value])).toEqual([
      [1, 'R1'],
      [2, 'R2'],
      [3, 'R3'],
      [5, 'R5'],
    ]);
    expect(plan.inspection.rounds.map((r) => [r.slug, r.kind, r.label, r.submittedOn?.value, r.asAt?.value ?? null])).toEqual([
      ['plan-2024-06', 'PLAN_SUBMITTED', 'Action plan submitted', '10 June 2024', null],
      ['update-2025-02', 'PROGRESS_UPDATE', '6-month update', '14 February 2025', 'January 2025'],
    ]);
  });

  it('records a revised date with the sentence that gives its cause', () => {
    const r = rec(plan, 1);
    expect(r.progress.map((p) => [p.status, p.statusCue?.value, p.target?.value, p.actions])).toEqual([
      ['IN_PROGRESS', 'has commenced', 'September 2025', ['a1']],
    ]);
    expect(r.dateRevisions.map((d) => [d.action, d.round, d.previous.value, d.revised.value, d.reason?.value])).toEqual([
      [
        'a1',
        'update-2025-02',
        'March 2025',
        'September 2025',
        'Work has commenced on the review, which has been delayed because the supplier withdrew from the contract.',
      ],
    ]);
  });

  it('keeps a response split by a page break as its two parts, read as one step', () => {
    const r = rec(plan, 2);
    expect(r.response?.narrative.map((p) => p.value)).toEqual([
      'HMPPS will publish guidance for staff on recording intelligence about visitors, covering the information to be recorded and the',
      'arrangements for passing it to the police.',
    ]);
    expect(r.actions.map((a) => [a.text.value, a.continuedIn.map((c) => c.value), a.target?.value])).toEqual([
      [r.response!.narrative[0].value, ['arrangements for passing it to the police.'], 'December 2024'],
    ]);
    expect(r.progress[0]).toMatchObject({ status: 'COMPLETED', statusBasis: 'DATE_CELL', actions: ['a1'], linkBasis: 'ONLY_ACTION' });
  });

  it('joins an owner cell split by a page break, and revises a date without a stated cause to a null reason', () => {
    const r = rec(plan, 3);
    expect(r.progress.map((p) => [p.owner?.role, p.owner?.text.map((t) => t.value), p.target?.value, p.actions])).toEqual([
      ['dd-jexu', ['Deputy Director', 'Joint Extremism Unit (JEXU)'], 'Completed', ['a1']],
      ['dd-jexu', ['Deputy Director', 'Joint Extremism Unit (JEXU)'], 'December 2024', ['a2']],
    ]);
    expect(r.dateRevisions.map((d) => [d.action, d.previous.value, d.revised.value, d.reason])).toEqual([
      ['a2', 'October 2024', 'December 2024', null],
    ]);
  });

  it('reports the numbering gap, stray progress, a past date not completed, and the tally that disagrees', () => {
    expect(kinds(plan)).toEqual([
      ['CELL_SPLIT_BY_PAGE_BREAK', 2],
      ['OWNER_SPLIT_BY_PAGE_BREAK', 3],
      ['TARGET_PASSED_NOT_COMPLETED', 3],
      ['ROW_WITHOUT_PROGRESS', 5],
      ['NUMBERING_GAP', 4],
      ['PROGRESS_WITHOUT_ROW', 6],
      ['TALLY_MISMATCH', null],
      ['TALLY_MISMATCH', null],
    ]);
  });
});

describe('variations of the template', () => {
  const base = fixture('plan-with-progress.txt');

  it('chains revisions across two updates, each under its own round', () => {
    const second = [
      'Progress against commitments – Recommendation 1 (July 2025)\t\t\t\t\t',
      '\t\t\tThe review is progressing; the final report is now expected in December 2025.\tDeputy Director Joint Extremism Unit (JEXU)\tDecember 2025',
      '',
    ].join('\n');
    const text = base
      .replace('6 Month Update Action Plan Submitted: 14 February 2025\n', '$&\n12 Month Update Action Plan Submitted: 8 August 2025\n')
      .replace('\nR2\t', `\n${second}R2\t`);
    const plan = parseActionPlan(text, directory);
    expect(plan.inspection.rounds.map((r) => [r.slug, r.asAt?.value ?? null])).toEqual([
      ['plan-2024-06', null],
      ['update-2025-02', 'January 2025'],
      ['update-2025-08', 'July 2025'],
    ]);
    expect(rec(plan, 1).progress.map((p) => [p.key, p.round, p.status, p.target?.value])).toEqual([
      ['p1', 'update-2025-02', 'IN_PROGRESS', 'September 2025'],
      ['p2', 'update-2025-08', 'IN_PROGRESS', 'December 2025'],
    ]);
    expect(rec(plan, 1).dateRevisions.map((d) => [d.round, d.previous.value, d.revised.value])).toEqual([
      ['update-2025-02', 'March 2025', 'September 2025'],
      ['update-2025-08', 'September 2025', 'December 2025'],
    ]);
  });

  it('keeps two submissions of one kind in one month apart', () => {
    const text = base.replace('Action Plan Submitted: 10 June 2024\n', '$&\nAction Plan Submitted: 28 June 2024\n');
    expect(parseActionPlan(text, directory).inspection.rounds.map((r) => r.slug)).toEqual([
      'plan-2024-06',
      'plan-2024-06-2',
      'update-2025-02',
    ]);
  });

  it('reads dates continued on the lines after their row', () => {
    const text = base.replace('<p>September 2024</p> <p>October 2024</p>', 'September 2024\n\t\t\t\t\tOctober 2024');
    const plan = parseActionPlan(text, directory);
    expect(rec(plan, 3).actions.map((a) => a.target?.value)).toEqual(['September 2024', 'October 2024']);
  });

  it('ignores the table header repeated after a page break', () => {
    const header = base.split('\n').find((l) => l.startsWith('1. Rec No'))!;
    const text = base.replace('\nR3\t', `\n\n\n\n${header}\nR3\t`);
    const plan = parseActionPlan(text, directory);
    expect(plan.recommendations.map((r) => r.number)).toEqual([1, 2, 3, 5]);
    expect(plan.findings.some((f) => f.kind === 'UNPARSED_ROW')).toBe(false);
  });

  it('reports a progress heading that follows another recommendation, and keeps the update with its own number', () => {
    const heading = 'Progress against commitments – Recommendation 1 (January 2025)';
    const r1Update = base.slice(base.indexOf(heading), base.indexOf('\nR2\t') + 1);
    const text = base.replace(r1Update, '').replace('Counter Terrorism Policing:', `${r1Update}Counter Terrorism Policing:`);
    const plan = parseActionPlan(text, directory);
    expect(plan.findings.filter((f) => f.kind === 'PROGRESS_MISPLACED').map((f) => f.recommendation)).toEqual([1]);
    expect(rec(plan, 1).progress.map((p) => p.target?.value)).toEqual(['September 2025']);
  });

  it('reports a table with no closing tally, when its last row is complete', () => {
    const text = base.slice(0, base.indexOf('\nRecommendations\t') + 1);
    const plan = parseActionPlan(text, directory);
    expect(plan.findings.filter((f) => f.kind === 'MISSING_TALLY')).toHaveLength(1);
    expect(plan.findings.some((f) => f.kind === 'TALLY_MISMATCH')).toBe(false);
  });

  it('reports a row that fits no line kind of the template, and a date it cannot read', () => {
    const text = base.replace('\nR5\t', '\nSee annex B for regional contacts.\nR5\t').replace('\tJuly 2024\n', '\tQ3 2024/25\n');
    const plan = parseActionPlan(text, directory);
    const found = plan.findings.filter((f) => f.kind === 'UNPARSED_ROW' || f.kind === 'UNREADABLE_DATE');
    expect(found.map((f) => [f.kind, text.slice(f.span!.start, f.span!.end)])).toEqual([
      ['UNPARSED_ROW', 'See annex B for regional contacts.'],
      ['UNREADABLE_DATE', 'Q3 2024/25'],
    ]);
  });

  it('reports a Partly Agreed row without a stated reason, and a Not Agreed row that still gives dates', () => {
    const text = fixture('plan-without-progress.txt')
      .replace('The recommendation is partly agreed for policy reasons. ', '')
      .replace('\tN/A\tN/A', '\tN/A\tMay 2025');
    const plan = parseActionPlan(text, directory);
    // Without its stated reason, the first paragraph of 3 is no longer set aside: three paragraphs, two dates.
    expect(kinds(plan).filter(([k]) => k !== 'UNKNOWN_OWNER')).toEqual([
      ['NOT_AGREED_WITH_STEPS', 2],
      ['STEP_DATE_MISMATCH', 3],
      ['REASON_NOT_STATED', 3],
    ]);
    expect(rec(plan, 2).actions).toEqual([]);
  });
});

describe('addressees and owners the record does not hold', () => {
  const base = fixture('plan-without-progress.txt');
  const withHeading = (heading: string) => {
    const text = base.replace('The Probation Service should:', heading);
    return { text, plan: parseActionPlan(text, directory) };
  };
  const unknownAddressees = (text: string, plan: ParsedPlan) =>
    plan.findings
      .filter((f) => f.kind === 'UNKNOWN_ADDRESSEE')
      .map((f) => ({ recommendation: f.recommendation, at: text.slice(f.span!.start, f.span!.end), nearest: f.suggestion?.nearestAgency }));
  const moj = { slug: 'moj', label: 'Ministry of Justice', score: 0.63 };

  it('reports a heading naming an agency not on record, as written, with the nearest known agency', () => {
    const { text, plan } = withHeading('The Ministry of Widgets should:');
    const r = rec(plan, 4).addressees!;
    expect(r.agencies).toEqual([]);
    expect(r.unknown.map((u) => [u.name.value, u.oneBody])).toEqual([['Ministry of Widgets', true]]);
    expect(unknownAddressees(text, plan)).toEqual([{ recommendation: 4, at: 'Ministry of Widgets', nearest: moj }]);
    const f = plan.findings.find((x) => x.kind === 'UNKNOWN_ADDRESSEE')!;
    expect(f.message).toBe(
      'recommendation 4: the heading "The Ministry of Widgets should:" names "Ministry of Widgets", which matches no known agency',
    );
    expect(f.suggestion?.summary).toBe(
      'create agency "ministry-of-widgets" as written, or map it to an existing agency; nearest agency "moj" (0.63)',
    );
    // The seed files name addressees by slug: the unknown one is listed as left out, not dropped unsaid.
    expect(toSeedParts(plan, 'women').omitted).toContain(
      'recommendation 4: addressee "Ministry of Widgets" matches no known agency; not listed among its addressees',
    );
  });

  it('keeps the unknown part of a heading that partly matches, beside the agency it matches', () => {
    const { text, plan } = withHeading('The Home Office and the Ministry of Widgets should:');
    const r = rec(plan, 4).addressees!;
    expect(r.agencies.map((a) => a.agency)).toEqual(['home-office']);
    expect(r.unknown.map((u) => [u.name.value, u.oneBody])).toEqual([['Ministry of Widgets', true]]);
    expect(unknownAddressees(text, plan)).toEqual([{ recommendation: 4, at: 'Ministry of Widgets', nearest: moj }]);
  });

  it('reports, without proposing to create it, an unknown part that may name several bodies or runs into a known name', () => {
    for (const [heading, unknown] of [
      ['The Ministry of Widgets and the Department of Gadgets should:', 'Ministry of Widgets and the Department of Gadgets'],
      ['The HMPPS Widgets Unit should:', 'Widgets Unit'],
    ]) {
      const { text, plan } = withHeading(heading);
      expect(rec(plan, 4).addressees!.unknown.map((u) => [u.name.value, u.oneBody])).toEqual([[unknown, false]]);
      expect(unknownAddressees(text, plan).map((f) => f.at)).toEqual([unknown]);
      expect(plan.findings.find((f) => f.kind === 'UNKNOWN_ADDRESSEE')!.suggestion!.summary).toMatch(/^not created: /);
    }
  });

  it('leaves nothing unknown in a heading whose names all match', () => {
    const { plan } = withHeading('The Home Office and Ministry of Justice should:');
    expect(rec(plan, 4).addressees).toMatchObject({ unknown: [] });
    expect(rec(plan, 4).addressees!.agencies.map((a) => a.agency)).toEqual(['home-office', 'moj']);
    expect(plan.findings.some((f) => f.kind === 'UNKNOWN_ADDRESSEE')).toBe(false);
  });

  it('suggests for an owner naming no agency the nearest known one, proposing it as the new role’s agency only when near enough', () => {
    const owner = "Head of Women's Estate Digital Services, HMPPS";
    const suggestion = (title: string) =>
      parseActionPlan(base.replace(owner, title), directory).findings.find((f) => f.kind === 'UNKNOWN_OWNER')!.suggestion!;
    expect(suggestion('Director of Probation Workforce Training')).toMatchObject({
      nearestAgency: { slug: 'probation-workforce-programme', label: 'Probation Workforce Programme', score: 0.57 },
      proposedRole: {
        slug: 'director-of-probation-workforce-training',
        title: 'Director of Probation Workforce Training',
        agency: 'probation-workforce-programme',
        agencyBasis: 'NEAREST',
      },
    });
    // Below 0.5 the nearest agency is suggested, and the new role is left without one.
    expect(suggestion('Head of Widget Procurement')).toMatchObject({
      nearestAgency: { slug: 'ct-nominal-management', label: 'Counter Terrorism Nominal Management', score: 0.31 },
      proposedRole: { slug: 'head-of-widget-procurement', agency: null, agencyBasis: 'NONE' },
    });
  });
});
