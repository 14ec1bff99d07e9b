/**
 * Imports into a database that holds only the agencies and roles, through the `importActionPlan`
 * mutation: who may, what a dry run reports, what the import of the curated plan (001) stores
 * compared field by field with the curated record, that the same text again writes nothing, that a
 * progress letter is entered through writes, and that an update of the plan adds only its new round.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/database/client.js';
import { buildRows } from '../../src/seed/rows.js';
import { ImportActionPlanDocument } from '../generated/graphql.js';
import { serveApp } from '../support/app.js';
import { tokenFor } from '../support/auth.js';
import { freshDatabase } from '../support/fresh-database.js';
import { request } from '../support/typed-client.js';
import { clientAs, fingerprint, type Gql } from '../support/writes.js';
import { compareWithCurated } from './support/compare-curated.js';
import { partsFromDatabase } from './support/from-database.js';
import { expectOnlyListed } from './support/known-differences.js';
import { PLAN_001_SOURCE, seeds } from './support/load.js';

const SHARED = resolve(import.meta.dirname, '../../../shared/seeds');
const plan001 = readFileSync(resolve(SHARED, '001_89c4cfb2ee92c4ab.txt'), 'utf8');
const letter = readFileSync(resolve(SHARED, '000_607e8afd9bfddd8e.txt'), 'utf8');
const curated = seeds.inspections.find((i) => i.inspection.source === PLAN_001_SOURCE)!;
const INSPECTION = 'ct-2023';

const url = freshDatabase('import');
const { app } = serveApp(url);
let db: Database;
afterAll(() => db.$disconnect());

let admin: Gql;
beforeAll(async () => {
  db = createDatabase({ url: url(), maxConnections: 2 });
  const rows = buildRows(seeds);
  await db.agency.createMany({ data: rows.agencies });
  await db.role.createMany({ data: rows.roles });
  admin = await clientAs(app().url, { agency: 'hmi-probation', roles: ['admin'], sub: 'importer' });
});

const IMPORT = `mutation($input: ImportActionPlanInput!) {
  importActionPlan(input: $input) {
    __typename
    ... on ImportActionPlanPayload {
      dryRun alreadyImportedAs inspectionSlug inspectionCreated documentSlug
      roundsCreated roundsKept recommendationsCreated recommendationsKept
      actions progressUpdates dateRevisions notes citations
      agenciesCreated { slug name } rolesCreated { slug name agency }
      findings { kind severity recommendation message suggestion start end excerpt }
      inspection { slug } document { slug sha256 }
      auditEvent { operation subjectType subject { ... on Inspection { slug } } actor { id } }
    }
    ... on ImportRefused { code offset message }
    ... on NotAuthorized { signedIn message }
    ... on InvalidInput { issues { path message } }
  }
}`;

/** Everything an import can write, beyond what the write tests fingerprint. */
async function everything(): Promise<string> {
  const counts = await db.$queryRaw<[Record<string, number>]>`
    SELECT (SELECT count(*)::int FROM "SourceDocument") documents, (SELECT count(*)::int FROM "Inspection") inspections,
           (SELECT count(*)::int FROM "Citation") citations, (SELECT count(*)::int FROM "RecordNote") notes,
           (SELECT count(*)::int FROM "Agency") agencies, (SELECT count(*)::int FROM "Role") roles`;
  return `${JSON.stringify(counts[0])}|${await fingerprint(db)}`;
}

describe('who may import', () => {
  it.each([
    ['an editor', { agency: 'hmpps', roles: ['editor' as const] }],
    ['an inspector', { agency: 'hmi-probation', roles: ['inspector' as const] }],
    ['a viewer', { agency: 'hmpps', roles: ['viewer' as const] }],
    ['nobody signed in', null],
  ])('refuses %s, and writes nothing', async (_who, persona) => {
    const before = await everything();
    const as = await clientAs(app().url, persona);
    const { data } = await as(IMPORT, { input: { text: plan001, inspection: INSPECTION } });
    expect(data.importActionPlan).toMatchObject({ __typename: 'NotAuthorized', signedIn: persona !== null });
    expect(await everything()).toBe(before);
  });
});

describe('text that is not an action plan', () => {
  const truncated = `${plan001.slice(0, plan001.indexOf('<p>Revised guidance will be published') + 20)}\n`;
  it.each([
    ['empty', '   \n', 'EMPTY'],
    ['binary', `${plan001.slice(0, 500)}\u0001\u0002PK\u0003\u0004`, 'BINARY'],
    ['a letter (another template)', letter, 'WRONG_TEMPLATE'],
    ['a table cut short', truncated, 'TRUNCATED'],
  ])('refuses %s with a typed reason, writing nothing', async (_what, text, code) => {
    const before = await everything();
    const { data } = await admin(IMPORT, { input: { text, inspection: INSPECTION } });
    expect(data.importActionPlan).toMatchObject({ __typename: 'ImportRefused', code });
    expect(data.importActionPlan.message).toMatch(/expected/);
    expect(await everything()).toBe(before);
  });

  // NUL cannot be stored in PostgreSQL text: every request carrying one is refused before it runs.
  it('refuses text with a NUL character as bad input, writing nothing', async () => {
    const before = await everything();
    const { data, errors } = await admin(IMPORT, { input: { text: `${plan001.slice(0, 500)}\u0000PK`, inspection: INSPECTION } });
    expect(data).toBeUndefined();
    expect(errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT' } }]);
    expect(errors![0]!.message).toMatch(/NUL/);
    expect(await everything()).toBe(before);
  });

  it('refuses a slug that is not one, naming the field', async () => {
    const { data } = await admin(IMPORT, { input: { text: plan001, inspection: 'CT 2023' } });
    expect(data.importActionPlan).toMatchObject({ __typename: 'InvalidInput', issues: [{ path: 'input.inspection' }] });
  });
});

describe('importing the curated plan (001) into a database with no inspection', () => {
  it('reports on a dry run what it would write, with every finding placed in the text, and writes nothing', async () => {
    const before = await everything();
    // Asked as the GraphiQL example asks it, through the typed client.
    const token = await tokenFor({ agency: 'hmi-probation', roles: ['admin'] });
    const { importActionPlan: r } = await request(
      app().url,
      ImportActionPlanDocument,
      { text: plan001, inspection: INSPECTION },
      { authorization: `Bearer ${token}` },
    );
    if (r.__typename !== 'ImportActionPlanPayload') throw new Error(`refused: ${r.__typename}`);
    expect(r).toMatchObject({
      dryRun: true,
      inspectionCreated: true,
      roundsCreated: ['plan-2023-07', 'plan-update-2023-10', 'update-2024-08'],
      actions: 42,
      progressUpdates: 35,
      dateRevisions: 5,
    });
    expect(r.recommendationsCreated).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21]);
    expect(r.findings).toHaveLength(55);
    expect(r.findings).toContainEqual(expect.objectContaining({ kind: 'NUMBERING_GAP', recommendation: 13, excerpt: '14' }));
    const { data } = await admin(IMPORT, { input: { text: plan001, inspection: INSPECTION, dryRun: true } });
    expect(data.importActionPlan).toMatchObject({ notes: 55, inspection: null, document: null, auditEvent: null });
    for (const f of data.importActionPlan.findings.filter((x: { start: number | null }) => x.start !== null))
      expect(plan001.slice(f.start, f.end)).toBe(f.excerpt);
    expect(await everything()).toBe(before);
  });

  let imported: any;
  it('stores it in one audited write', async () => {
    const { data } = await admin(IMPORT, { input: { text: plan001, inspection: INSPECTION, fileName: '001_89c4cfb2ee92c4ab.txt' } });
    imported = data.importActionPlan;
    expect(imported).toMatchObject({
      dryRun: false,
      inspection: { slug: INSPECTION },
      actions: 42,
      progressUpdates: 35,
      dateRevisions: 5,
      notes: 55,
      agenciesCreated: [],
      rolesCreated: [],
      auditEvent: { operation: 'importActionPlan', subjectType: 'Inspection', subject: { slug: INSPECTION }, actor: { id: 'importer' } },
    });
    expect(imported.citations).toBeGreaterThan(400);
  });

  it('holds the curated recommendations, actions, owners, dates and progress, field by field, apart from the listed readings', async () => {
    expectOnlyListed(compareWithCurated(await partsFromDatabase(db, INSPECTION), curated, PLAN_001_SOURCE));
  });

  it('cites every stored value at its exact place in the document', async () => {
    const [row] = await db.$queryRaw<[{ total: number; misplaced: number }]>`
      SELECT count(*)::int total, count(*) FILTER (WHERE substr(d.text, c.start + 1, c."end" - c.start) <> c.excerpt)::int misplaced
      FROM "Citation" c JOIN "SourceDocument" d ON d.id = c."documentId"`;
    expect(row).toEqual({ total: imported.citations, misplaced: 0 });
    // Recommendation 2's response repeats recommendation 1's word for word: each cites its own row.
    const responses = await db.citation.findMany({
      where: { field: 'response', recommendationId: { in: [`${INSPECTION}/r1`, `${INSPECTION}/r2`] } },
      orderBy: { start: 'asc' },
    });
    expect(responses).toHaveLength(2);
    expect(responses[0].start).toBeLessThan(responses[1].start);
  });

  it('keeps the findings as notes on the record, and makes the agencies it names respondents', async () => {
    const notes = await db.recordNote.findMany({ where: { inspectionId: INSPECTION }, select: { kind: true, recommendationId: true } });
    expect(notes).toHaveLength(55);
    expect(notes).toContainEqual({ kind: 'GAP', recommendationId: null });
    const respondents = (await db.planRespondent.findMany({ where: { inspectionId: INSPECTION } })).map((r) => r.agencyId);
    expect(respondents).toEqual(expect.arrayContaining(['ct-policing', 'jexu']));
  });

  it('writes nothing when the same text comes again, and says where it is', async () => {
    const before = await everything();
    const { data } = await admin(IMPORT, { input: { text: plan001 } });
    expect(data.importActionPlan).toMatchObject({ alreadyImportedAs: imported.documentSlug, auditEvent: null, actions: 0 });
    expect(await everything()).toBe(before);
  });
});

describe('a progress letter, entered through writes', () => {
  it('goes on record as a document, a letter round names it, and its progress counts', async () => {
    const editor = await clientAs(app().url, { agency: 'hmpps', roles: ['editor'], sub: 'hmpps-editor' });
    const { data: ids } = await editor(`{ inspection(slug: "${INSPECTION}") { id }
      agency(slug: "hmpps") { id } recommendation(inspection: "${INSPECTION}", number: 4) { id version } }`);
    const { data: added } = await editor(
      `mutation($input: AddSourceDocumentInput!) { addSourceDocument(input: $input) { __typename
        ... on AddSourceDocumentPayload { alreadyOnRecord document { id slug kind } } ... on InvalidInput { issues { path message } } } }`,
      {
        input: {
          title: 'Letter on progress, March 2025',
          kind: 'PROGRESS_LETTER',
          text: letter,
          issuers: [ids.agency.id],
          dated: '10 March 2025',
        },
      },
    );
    expect(added.addSourceDocument).toMatchObject({ alreadyOnRecord: false, document: { kind: 'PROGRESS_LETTER' } });
    const { data: opened } = await editor(
      `mutation($input: OpenReportingRoundInput!) { openReportingRound(input: $input) { __typename
        ... on OpenReportingRoundPayload { round { id kind document { slug } } } ... on UserError { message } } }`,
      {
        input: {
          inspection: ids.inspection.id,
          kind: 'LETTER',
          label: 'Letter',
          submittedOn: '10 March 2025',
          document: added.addSourceDocument.document.id,
        },
      },
    );
    expect(opened.openReportingRound, opened.openReportingRound.message).toMatchObject({
      round: { kind: 'LETTER', document: { slug: added.addSourceDocument.document.slug } },
    });
    const { data: recorded } = await editor(
      `mutation($input: RecordProgressInput!) { recordProgress(input: $input) { __typename
        ... on ProgressPayload { recommendation { status { state basis } } } } }`,
      {
        input: {
          subject: ids.recommendation.id,
          round: opened.openReportingRound.round.id,
          expectedVersion: ids.recommendation.version,
          status: 'COMPLETED',
          paragraphs: ['Completed.'],
        },
      },
    );
    expect(recorded.recordProgress).toMatchObject({ __typename: 'ProgressPayload', recommendation: { status: { state: 'COMPLETED' } } });
    // The same letter again is the document already on record.
    const { data: again } = await editor(
      `mutation($input: AddSourceDocumentInput!) { addSourceDocument(input: $input) { ... on AddSourceDocumentPayload { alreadyOnRecord } } }`,
      { input: { title: 'Another title', kind: 'PROGRESS_LETTER', text: letter, issuers: [ids.agency.id] } },
    );
    expect(again.addSourceDocument).toEqual({ alreadyOnRecord: true });
  });

  it('may be added only by editors of an issuing agency', async () => {
    const other = await clientAs(app().url, { agency: 'ct-policing', roles: ['editor'], sub: 'ctp-editor' });
    const { data: ids } = await other(`{ agency(slug: "hmpps") { id } }`);
    const { data } = await other(`mutation($input: AddSourceDocumentInput!) { addSourceDocument(input: $input) { __typename } }`, {
      input: { title: 'A letter', kind: 'PROGRESS_LETTER', text: 'Dear Chief Inspector,', issuers: [ids.agency.id] },
    });
    expect(data.addSourceDocument.__typename).toBe('NotAuthorized');
  });
});

describe('importing an update of a plan on record', () => {
  // The plan as a later edition would print it: the earlier rounds unchanged, one more round, in which
  // recommendation 6 moves its date again.
  const update = plan001
    .replace('12 Month Update Action Plan Submitted: 09 August 2024\n', '$&\nTwo Year Update Action Plan Submitted: 10 July 2025\n')
    .replace(
      '\n7\tReview whether access',
      [
        '\nProgress against commitments – Recommendation 6 (July 2025)\t\t\t\t\t',
        '\t\t\tInternal consultation on the draft framework has concluded; publication is now expected in June 2025.\tDeputy Director Joint Extremism Unit (JEXU)\tJune 2025',
        '7\tReview whether access',
      ].join('\n'),
    );

  const notes = () =>
    db.recordNote.findMany({ where: { inspectionId: INSPECTION }, select: { kind: true, summary: true }, orderBy: { sequence: 'asc' } });

  let updated: any;
  it('adds the new round, its progress and the revision it makes, and leaves the rest as it was', async () => {
    const actionsBefore = await db.action.findMany({ where: { recommendation: { inspectionId: INSPECTION } }, orderBy: { id: 'asc' } });
    const notesBefore = await notes();
    const { data } = await admin(IMPORT, { input: { text: update, inspection: INSPECTION } });
    updated = data.importActionPlan;
    expect(updated).toMatchObject({
      inspectionCreated: false,
      roundsCreated: ['update-2025-07'],
      roundsKept: ['plan-2023-07', 'plan-update-2023-10', 'update-2024-08'],
      recommendationsCreated: [],
      actions: 0,
      progressUpdates: 1,
      dateRevisions: 1,
      notes: 1,
    });
    expect(updated.recommendationsKept).toHaveLength(20);
    // The text repeats every finding of the edition on record; only the one its new round brings is new,
    // and only that one is added as a note. What the record holds, the text states the same.
    expect(updated.findings).toHaveLength(56);
    const fresh = updated.findings.filter((f: { message: string }) => !notesBefore.some((n) => n.summary === f.message));
    expect(fresh).toMatchObject([{ kind: 'TARGET_PASSED_NOT_COMPLETED', recommendation: 6, excerpt: 'June 2025' }]);
    expect(await notes()).toEqual([...notesBefore, { kind: 'INCONSISTENCY', summary: fresh[0].message }]);
    expect(updated.findings.filter((f: { kind: string }) => f.kind === 'DIFFERS_FROM_RECORD')).toEqual([]);
    expect(await db.action.findMany({ where: { recommendation: { inspectionId: INSPECTION } }, orderBy: { id: 'asc' } })).toEqual(
      actionsBefore,
    );
    const revisions = await db.dateRevision.findMany({
      where: { actionId: `${INSPECTION}/r6/a1` },
      include: { round: { select: { slug: true } } },
      orderBy: { round: { sequence: 'asc' } },
    });
    // The previous date is the one on record (January 2025, from the 2024 round), not the plan's first.
    expect(revisions.map((r) => [r.round.slug, r.previousText, r.revisedText])).toEqual([
      ['update-2024-08', 'June 2024', 'January 2025'],
      ['update-2025-07', 'January 2025', 'June 2025'],
    ]);
  });

  it('writes nothing when the same update comes again, and says where it is', async () => {
    const before = await everything();
    const { data } = await admin(IMPORT, { input: { text: update, inspection: INSPECTION } });
    expect(data.importActionPlan).toMatchObject({
      alreadyImportedAs: updated.documentSlug,
      auditEvent: null,
      notes: 0,
      progressUpdates: 0,
    });
    expect(await everything()).toBe(before);
  });

  // A later edition that also restates a round on record otherwise: recommendation 1's plan row with
  // another target date, and a paragraph of recommendation 2's July 2024 progress.
  const restated = update
    .replace(
      'initial findings.\tDeputy Director Joint Extremism Unit (JEXU)\tMarch 2024',
      'initial findings.\tDeputy Director Joint Extremism Unit (JEXU)\tApril 2024',
    )
    .replace('devices delivered in June 2024', 'devices delivered in May 2024');

  it('reports what a round on record states otherwise, with both values, and keeps the record as it was', async () => {
    const progressBefore = await db.progressUpdate.findMany({
      where: { recommendation: { inspectionId: INSPECTION } },
      orderBy: { id: 'asc' },
    });
    const actionsBefore = await db.action.findMany({ where: { recommendation: { inspectionId: INSPECTION } }, orderBy: { id: 'asc' } });
    const notesBefore = await notes();
    const { data } = await admin(IMPORT, { input: { text: restated, inspection: INSPECTION } });
    const r = data.importActionPlan;
    expect(r).toMatchObject({ roundsCreated: [], recommendationsCreated: [], actions: 0, progressUpdates: 0, dateRevisions: 0 });
    const differing = r.findings.filter((f: { kind: string }) => f.kind === 'DIFFERS_FROM_RECORD');
    expect(differing).toEqual([
      {
        kind: 'DIFFERS_FROM_RECORD',
        severity: 'WARNING',
        recommendation: 1,
        message:
          'recommendation 1, round plan-2023-07, action a1 target: "March 2024" on record, "April 2024" in the text; the record is kept',
        suggestion: null,
        start: restated.indexOf('April 2024'),
        end: restated.indexOf('April 2024') + 'April 2024'.length,
        excerpt: 'April 2024',
      },
      expect.objectContaining({
        recommendation: 2,
        message:
          'recommendation 2, round update-2024-08, progress update p1, paragraph 1: "…telephone technology with devices delivered in June 2024. The National Security Division and…" on record, "…telephone technology with devices delivered in May 2024. The National Security Division and…" in the text; the record is kept',
        excerpt: expect.stringMatching(/^Funding was successfully secured .* devices delivered in May 2024\./),
      }),
    ]);
    expect(await db.progressUpdate.findMany({ where: { recommendation: { inspectionId: INSPECTION } }, orderBy: { id: 'asc' } })).toEqual(
      progressBefore,
    );
    expect(await db.action.findMany({ where: { recommendation: { inspectionId: INSPECTION } }, orderBy: { id: 'asc' } })).toEqual(
      actionsBefore,
    );
    // The differences are kept as notes, and of the text's own findings only the one the record does not
    // hold (the edited paragraph's date, now "May 2024") is added: none is added again.
    const fresh = r.findings.filter(
      (f: { kind: string; message: string }) => f.kind !== 'DIFFERS_FROM_RECORD' && !notesBefore.some((n) => n.summary === f.message),
    );
    expect(fresh).toMatchObject([
      { kind: 'COMPLETED_AFTER_TARGET', recommendation: 2, message: expect.stringContaining('"delivered in May 2024"') },
    ]);
    expect(r.notes).toBe(3);
    expect(await notes()).toEqual([
      ...notesBefore,
      ...[...fresh, ...differing].map((f: { message: string }) => ({ kind: 'INCONSISTENCY', summary: f.message })),
    ]);
  });
});

describe('a plan addressed to agencies not on record', () => {
  // The plan without progress, its first heading naming a body the record does not hold, its last
  // heading naming one it holds and that one.
  const text = readFileSync(resolve(import.meta.dirname, 'fixtures/plan-without-progress.txt'), 'utf8')
    .replace('The Ministry of Justice should:', 'The Ministry of Widgets should:')
    .replace('The Probation Service should:', 'The Home Office and the Ministry of Widgets should:');

  it('creates the agency as written, once, lists it, and reports each heading naming it with the nearest known agency', async () => {
    const { data } = await admin(IMPORT, { input: { text, inspection: 'women-2025' } });
    const r = data.importActionPlan;
    expect(r).toMatchObject({ inspectionCreated: true, agenciesCreated: [{ slug: 'ministry-of-widgets', name: 'Ministry of Widgets' }] });
    expect(
      r.findings
        .filter((f: { kind: string }) => f.kind === 'UNKNOWN_ADDRESSEE')
        .map((f: any) => [f.recommendation, f.excerpt, f.suggestion]),
    ).toEqual([
      [
        1,
        'Ministry of Widgets',
        'create agency "ministry-of-widgets" as written, or map it to an existing agency; nearest agency "moj" (0.63)',
      ],
      [
        2,
        'Ministry of Widgets',
        'create agency "ministry-of-widgets" as written, or map it to an existing agency; nearest agency "moj" (0.63)',
      ],
      [
        4,
        'Ministry of Widgets',
        'create agency "ministry-of-widgets" as written, or map it to an existing agency; nearest agency "moj" (0.63)',
      ],
    ]);
    expect(await db.agency.findUnique({ where: { slug: 'ministry-of-widgets' }, select: { name: true, kind: true } })).toEqual({
      name: 'Ministry of Widgets',
      kind: 'UNCLASSIFIED',
    });
    const addressees = await db.recommendation.findMany({
      where: { inspectionId: 'women-2025' },
      select: { number: true, addressees: { select: { agencyId: true }, orderBy: { agencyId: 'asc' } } },
      orderBy: { number: 'asc' },
    });
    expect(addressees.map((x) => [x.number, x.addressees.map((a) => a.agencyId)])).toEqual([
      [1, ['ministry-of-widgets']],
      [2, ['ministry-of-widgets']],
      [3, ['hmpps']],
      [4, ['home-office', 'ministry-of-widgets']],
    ]);
  });
});
