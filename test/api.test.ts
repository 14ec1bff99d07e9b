/** The API as front ends and analysts use it, run through the real schema on the seeded record. */
import { describe, expect, it } from 'vitest';
import { data, run } from './support/graphql.js';
import { testDatabase } from './support/database.js';

const { db } = testDatabase();
const numbers = (r: any) => r.recommendations.nodes.map((n: any) => n.number);

describe('relay conventions', () => {
  it('refetches any record by its opaque global id, and several at once in order', async () => {
    const { recommendation, dependency, agency } = await data(
      db,
      `{
      recommendation(inspection: "ct-joint-inspection-2023", number: 6) { id actions { id } }
      dependency(slug: "mapps") { id }
      agency(slug: "jexu") { id }
    }`,
    );
    expect(recommendation.id).not.toContain('r6'); // opaque
    const ids = [dependency.id, recommendation.id, agency.id, recommendation.actions[0].id];
    const { nodes } = await data(db, `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(nodes.map((n: any) => n.__typename)).toEqual(['Dependency', 'Recommendation', 'Agency', 'Action']);
    expect(nodes.map((n: any) => n.id)).toEqual(ids);
    const { node } = await data(db, `query($id: ID!) { node(id: $id) { ... on Recommendation { number } } }`, { id: recommendation.id });
    expect(node).toEqual({ number: 6 });
  });

  it('answers null for a well-formed id of a record that does not exist', async () => {
    const missing = Buffer.from('Agency:no-such-agency').toString('base64');
    const { agency } = await data(db, '{ agency(slug: "jexu") { id } }');
    const result = await data(db, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [missing, agency.id] });
    expect(result.nodes).toEqual([null, { id: agency.id }]);
    expect(await data(db, 'query($id: ID!) { node(id: $id) { id } }', { id: missing })).toEqual({ node: null });
  });

  it('answers a natural key that names nothing with NOT_FOUND, and the rest of the request still', async () => {
    const result = await run(
      db,
      `{
      dependency(slug: "mapss") { name }
      agency(slug: "jexu") { slug }
      inspection(slug: "ct-joint-inspection-2032") { title }
      recommendation(inspection: "ct-joint-inspection-2023", number: 22) { number }
      sourceDocument(slug: "no-such-letter") { title }
    }`,
    );
    expect(result.data).toEqual({
      dependency: null,
      agency: { slug: 'jexu' },
      inspection: null,
      recommendation: null,
      sourceDocument: null,
    });
    expect(result.errors?.map((e) => [e.path?.[0], e.extensions?.code, e.message]).sort()).toEqual([
      ['dependency', 'NOT_FOUND', 'No dependency with that slug is on record.'],
      ['inspection', 'NOT_FOUND', 'No inspection with that slug is on record.'],
      ['recommendation', 'NOT_FOUND', 'No recommendation 22 of that inspection is on record.'],
      ['sourceDocument', 'NOT_FOUND', 'No source document with that slug is on record.'],
    ]);
  });

  it('answers a malformed id with a typed client error', async () => {
    const result = await run(db, '{ node(id: "not-an-id") { id } }');
    expect(result.errors?.[0]).toMatchObject({ message: 'Invalid global ID: not-an-id' });
  });

  it('pages through a connection with cursors and a total', async () => {
    const first = await data(db, '{ recommendations(first: 8) { totalCount pageInfo { hasNextPage endCursor } nodes { number } } }');
    expect(first.recommendations.totalCount).toBe(21);
    expect(numbers(first)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(first.recommendations.pageInfo.hasNextPage).toBe(true);
    const next = await data(db, 'query($after: String) { recommendations(first: 8, after: $after) { nodes { number } } }', {
      after: first.recommendations.pageInfo.endCursor,
    });
    expect(numbers(next)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
    const last = await data(db, '{ recommendations(last: 3) { pageInfo { hasPreviousPage } nodes { number } } }');
    expect(numbers(last)).toEqual([19, 20, 21]);
  });

  it('refuses pages larger than 100 instead of silently truncating', async () => {
    for (const arg of ['first: 101', 'last: 500']) {
      const result = await run(db, `{ recommendations(${arg}) { totalCount } }`);
      expect(result.errors?.[0].message, arg).toMatch(/must be between 0 and 100/);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await run(db, '{ recommendations(first: -1) { totalCount } }')).errors?.[0].message).toBe(
      '"first" must be between 0 and 100; got -1.',
    );
    const ok = await data(db, '{ recommendations(first: 100) { nodes { number } } }');
    expect(ok.recommendations.nodes).toHaveLength(21);
  });
});

describe('filters', () => {
  const filtered = async (filter: string) =>
    numbers(await data(db, `{ recommendations(first: 100, filter: ${filter}) { nodes { number } } }`));

  it('selects by addressee, response, dependency, owner and slippage', async () => {
    expect(await filtered('{ addressedTo: "moj" }')).toEqual([1, 2, 3]);
    expect(await filtered('{ addressedTo: "home-office" }')).toEqual([3]);
    expect(await filtered('{ response: PARTLY_AGREED }')).toEqual([16]);
    expect(await filtered('{ dependsOn: "mapps" }')).toContain(3);
    expect(await filtered('{ ownedBy: "ct-nominal-management" }')).toEqual(expect.arrayContaining([3, 19, 20, 21]));
    expect(await filtered('{ hasDateRevisions: true }')).toEqual(expect.arrayContaining([1, 6, 11, 14, 16, 19]));
    expect(await filtered('{ hasDateRevisions: true, addressedTo: "jexu" }')).toEqual(expect.arrayContaining([6, 11]));
    expect(await filtered('{ numbers: [13, 2] }')).toEqual([2, 13]);
  });
});

describe('a front end’s one-request views', () => {
  it('shows a recommendation with addressees, actions, owners, date history, progress, dependencies and citations', async () => {
    const { recommendation: r } = await data(
      db,
      `{
      recommendation(inspection: "ct-joint-inspection-2023", number: 6) {
        text addressees { slug } response { value narrative reasons }
        actions {
          owners { title agency { slug } }
          target { text latest precision } currentTarget { text latest bound } slipDays
          dateRevisions { previous { text } revised { text } reason direction slipDays round { slug } }
        }
        progressUpdates { round { slug } status target { text } citations(field: "paragraphs") { excerpt document { slug } } }
        dependencies { slug } notes { kind } citations(field: "text") { excerpt start end document { slug } }
      }
    }`,
    );
    expect(r.text).toMatch(/^Strengthen leadership and practice through publishing an updated operational framework/);
    expect(r.addressees).toEqual([{ slug: 'jexu' }]);
    expect(r.response).toMatchObject({ value: 'AGREED', reasons: [] });
    const [action] = r.actions;
    expect(action.owners).toEqual([{ title: 'Deputy Director Joint Extremism Unit (JEXU)', agency: { slug: 'jexu' } }]);
    expect(action.target).toEqual({ text: 'June 2024', latest: '2024-06-30', precision: 'MONTH' });
    expect(action.currentTarget).toEqual({ text: 'by June 2025', latest: '2025-06-30', bound: 'BY' });
    expect(action.slipDays).toBe(365);
    expect(action.dateRevisions).toEqual([
      {
        previous: { text: 'June 2024' },
        revised: { text: 'January 2025' },
        reason: 'The delay is due to internal resourcing pressures.',
        direction: 'LATER',
        slipDays: 215,
        round: { slug: 'update-2024-08' },
      },
      {
        previous: { text: 'January 2025' },
        revised: { text: 'by June 2025' },
        reason: null,
        direction: 'LATER',
        slipDays: 150,
        round: { slug: 'letter-2025-03' },
      },
    ]);
    expect(r.progressUpdates.map((p: any) => [p.round.slug, p.status, p.target.text])).toEqual([
      ['update-2024-08', 'IN_PROGRESS', 'January 2025'],
      ['letter-2025-03', 'IN_PROGRESS', 'by June 2025'],
    ]);
    expect(r.progressUpdates[1].citations[0].document.slug).toBe('letter-2025-03');
    expect(r.dependencies).toEqual([{ slug: 'ct-policy-framework' }]);
    expect(r.citations).toEqual([
      { excerpt: r.text, start: expect.any(Number), end: expect.any(Number), document: { slug: 'action-plan' } },
    ]);
  });

  it('reaches from a dependency the recommendations that rely on it, with its own date history', async () => {
    const { dependency: d } = await data(
      db,
      `{
      dependency(slug: "mapps") { name leadAgency { slug } expected { text } dateRevisions { previous { text } revised { text } round { slug } }
        recommendations { number } }
    }`,
    );
    expect(d.leadAgency).toEqual({ slug: 'home-office' });
    expect(d.expected.text).toBe('November 2027');
    expect(d.dateRevisions).toContainEqual({
      previous: { text: 'July 2025' },
      revised: { text: 'November 2027' },
      round: { slug: 'letter-2025-03' },
    });
    expect(d.recommendations.map((r: any) => r.number)).toContain(3);
  });

  it('shows what an agency owns and what it is addressed', async () => {
    const { agency } = await data(
      db,
      `{ agency(slug: "jexu") { name roles { title } ownedActions { recommendation { number } } addressedRecommendations { nodes { number } } } }`,
    );
    expect(agency.roles.map((r: any) => r.title)).toContain('Deputy Director Joint Extremism Unit (JEXU)');
    const owned = new Set(agency.ownedActions.map((a: any) => a.recommendation.number));
    expect([...owned]).toEqual(expect.arrayContaining([1, 2, 3, 6, 7, 8, 10, 11, 16, 17, 18]));
    expect(agency.addressedRecommendations.nodes.map((r: any) => r.number)).toEqual([6, 7, 8, 9, 10, 11]);
  });

  it('walks the agency hierarchy, saying how each link is known', async () => {
    const { agency } = await data(
      db,
      `{ agency(slug: "nsd") { parentBasis parent { slug parentBasis parent { slug parent { slug } children { slug } } } } }`,
    );
    expect(agency).toMatchObject({
      parentBasis: 'STATED',
      parent: { slug: 'probation-service', parentBasis: 'INFERRED', parent: { slug: 'hmpps', parent: null } },
    });
    expect(agency.parent.parent.children.map((c: any) => c.slug)).toEqual(
      expect.arrayContaining(['probation-service', 'prison-service', 'jexu', 'ct-arc']),
    );
    const evidence = await data(db, `{ agency(slug: "jexu") { citations(field: "parent") { excerpt } } }`);
    expect(evidence.agency.citations).toEqual([
      { excerpt: 'the redevelopment of the current CT training offer across HMPPS being led by JEXU CT Learning & Development' },
    ]);
  });

  it('reports the plan’s own summary beside the rows recorded, flagging the mismatch', async () => {
    const { inspection } = await data(
      db,
      `{ inspection(slug: "ct-joint-inspection-2023") {
      summary { line reportedCount recordedCount consistent } leadInspectorate { slug } jointInspectorates { slug }
      notes { kind recommendation { number } } } }`,
    );
    expect(inspection.summary).toEqual([
      { line: 'AGREED', reportedCount: 20, recordedCount: 19, consistent: false },
      { line: 'PARTLY_AGREED', reportedCount: 1, recordedCount: 1, consistent: true },
      { line: 'NOT_AGREED', reportedCount: 0, recordedCount: 0, consistent: true },
      { line: 'TOTAL', reportedCount: 21, recordedCount: 20, consistent: false },
    ]);
    expect(inspection.leadInspectorate).toEqual({ slug: 'hmi-probation' });
    expect(inspection.jointInspectorates.map((a: any) => a.slug).sort()).toEqual(['hmi-prisons', 'hmicfrs']);
    expect(inspection.notes).toContainEqual({ kind: 'GAP', recommendation: { number: 13 } });
  });

  it('lists a document’s citations in document order with the record each evidences', async () => {
    const { sourceDocument } = await data(
      db,
      `{ sourceDocument(slug: "letter-2025-03") {
      citationsOf(first: 50) { totalCount nodes { start excerpt subject { __typename } } } } }`,
    );
    const { totalCount, nodes } = sourceDocument.citationsOf;
    expect(totalCount).toBeGreaterThan(20);
    const starts = nodes.map((n: any) => n.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(nodes.map((n: any) => n.subject.__typename)).toContain('ProgressUpdate');
  });
});
