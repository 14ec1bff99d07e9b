/**
 * What each write leaves on the record, read back through the API as a client would: the new target
 * and the old one kept with its reason, the completion and its evidence, progress in the round it was
 * stated in, new owners, links to dependencies both ways, a dependency's new status and expected
 * date, comments, rounds and documents. (test/write-trail.test.ts checks the audit trail.)
 *
 * Other files write to the same database at the same time, so this one writes only to records they
 * leave alone (recommendations 5, 9, 14 and 15; the dependencies cim-replacement-tool and
 * nsd-activity-review), compares what it reads after each write with what it read just before, and
 * writes text of its own.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '../src/auth/claims.js';
import { serveApp } from './support/app.js';
import { clientAs, read, type Gql } from './support/writes.js';

const { app } = serveApp(() => inject('writableDatabaseUrl'));

const INSPECTION = 'ct-joint-inspection-2023';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** An ISO day as the plans write it: "10 March 2025". */
const spoken = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
};
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

const as = (agency: string, role: Role, sub: string) => clientAs(app().url, { agency, roles: [role], sub });

/** Runs `mutation` with `input`; the result, with a typed error's message and issues if it is one. */
async function write(gql: Gql, mutation: string, input: Record<string, unknown>, selection = '') {
  const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  const data = await read(
    gql,
    `mutation($i: ${type}!) { result: ${mutation}(input: $i) {
      __typename ... on UserError { message } ... on InvalidInput { issues { path message } } ${selection}
    } }`,
    { i: input },
  );
  return data.result;
}

let admin: Gql;
const ids: Record<string, string> = {};
/** A round opened for these tests, that their writes state things in. */
let round: { id: string; slug: string };

/**
 * Opens a round on the day of the inspection's latest round (a round may share the day of the one
 * before it): the latest day stays where it was, so a file opening rounds on later days still can.
 * Should another file open a round meanwhile, the day is read again.
 */
async function openRound(gql: Gql, input: Record<string, unknown>) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { inspection } = await read(admin, `{ inspection(slug: "${INSPECTION}") { id rounds { submittedOn { latest } } } }`);
    const submittedOn = spoken(inspection.rounds.at(-1).submittedOn.latest);
    const result = await write(
      gql,
      'openReportingRound',
      { inspection: inspection.id, submittedOn, ...input },
      '... on OpenReportingRoundPayload { round { id slug } }',
    );
    if (result.__typename === 'OpenReportingRoundPayload') return { ...result.round, submittedOn };
    expect(result.issues?.[0].path, result.message).toBe('input.submittedOn');
  }
  throw new Error('no round could be opened');
}

beforeAll(async () => {
  admin = await as('hmi-probation', 'admin', 'effects-admin');
  const data = await read(
    admin,
    `{
      r5: recommendation(inspection: "${INSPECTION}", number: 5) { id }
      r9: recommendation(inspection: "${INSPECTION}", number: 9) { id actions { id } }
      r14: recommendation(inspection: "${INSPECTION}", number: 14) { id actions { id } }
      r15: recommendation(inspection: "${INSPECTION}", number: 15) { id actions { id } }
      cim: dependency(slug: "cim-replacement-tool") { id }
      review: dependency(slug: "nsd-activity-review") { id }
      ctarc: agency(slug: "ct-arc") { id roles { id slug } }
      courts: agency(slug: "courts-and-custody-group") { roles { id slug } }
      hmpps: agency(slug: "hmpps") { roles { id slug } }
      inspection(slug: "${INSPECTION}") { rounds { id slug } }
    }`,
  );
  const role = (agency: { roles: { id: string; slug: string }[] }, slug: string) => agency.roles.find((r) => r.slug === slug)!.id;
  Object.assign(ids, {
    r5: data.r5.id,
    r9: data.r9.id,
    r9a4: data.r9.actions[3].id,
    r14a1: data.r14.actions[0].id,
    r14a2: data.r14.actions[1].id,
    r15: data.r15.id,
    r15a1: data.r15.actions[0].id,
    r15a2: data.r15.actions[1].id,
    r15a4: data.r15.actions[3].id,
    cim: data.cim.id,
    review: data.review.id,
    ctarc: data.ctarc.id,
    sroCtarc: role(data.ctarc, 'sro-ctarc'),
    ddCourts: role(data.courts, 'dd-courts-and-custody-group'),
    ddOmic: role(data.hmpps, 'dd-sro-omic-review'),
    update202408: data.inspection.rounds.find((r: { slug: string }) => r.slug === 'update-2024-08').id,
  });
  round = await openRound(admin, { kind: 'PROGRESS_UPDATE', label: 'Write effects: the round these tests report in' });
});

/** How many audit events there are about a record. */
const eventsAbout = async (record: string) =>
  (await read(admin, `query($r: ID!) { auditEvents(first: 1, filter: { record: $r }) { totalCount } }`, { r: record })).auditEvents
    .totalCount;

describe('openReportingRound', () => {
  it('puts the round on record, after every round before it, with what was stated', async () => {
    const editor = await as('hmpps', 'editor', 'effects-hmpps-editor');
    const before = (await read(admin, `{ inspection(slug: "${INSPECTION}") { rounds { id sequence } } }`)).inspection.rounds;
    const label = 'Write effects: eighteen-month letter';
    const opened = await openRound(editor, { kind: 'LETTER', label, asAt: 'February 2025' });
    const { node, inspection } = await read(
      admin,
      `query($id: ID!) {
        node(id: $id) { ... on ReportingRound { id label kind slug sequence submittedOn { text } asAt { text } document { id } inspection { slug } } }
        inspection(slug: "${INSPECTION}") { rounds { id } }
      }`,
      { id: opened.id },
    );
    expect(node).toMatchObject({
      label,
      kind: 'LETTER',
      slug: opened.slug,
      submittedOn: { text: opened.submittedOn },
      asAt: { text: 'February 2025' },
      document: null,
      inspection: { slug: INSPECTION },
    });
    expect(node.slug).toMatch(/^letter-\d{4}-\d{2}/);
    expect(node.sequence).toBeGreaterThan(Math.max(...before.map((r: { sequence: number }) => r.sequence)));
    expect(inspection.rounds.map((r: { id: string }) => r.id)).toContain(opened.id);
  });

  it('refuses a round submitted before the latest one, and opens nothing', async () => {
    const editor = await as('hmpps', 'editor', 'effects-hmpps-editor');
    const { inspection } = await read(admin, `{ inspection(slug: "${INSPECTION}") { id rounds { submittedOn { latest } } } }`);
    const dayBefore = new Date(Date.parse(inspection.rounds.at(-1).submittedOn.latest) - 86_400_000).toISOString().slice(0, 10);
    const label = 'Write effects: a round out of order';
    const result = await write(editor, 'openReportingRound', {
      inspection: inspection.id,
      kind: 'PROGRESS_UPDATE',
      label,
      submittedOn: spoken(dayBefore),
    });
    expect(result).toMatchObject({ __typename: 'InvalidInput', issues: [{ path: 'input.submittedOn' }] });
    const after = (await read(admin, `{ inspection(slug: "${INSPECTION}") { rounds { label } } }`)).inspection.rounds;
    expect(after.map((r: { label: string }) => r.label)).not.toContain(label);
  });
});

const ACTION = `fragment A on Action {
  id version target { text latest } currentTarget { text latest } slipDays owners { id slug }
  slippage { original { text latest } current { text latest } days revisionCount revisions { id } }
  dateRevisions { id previous { text latest } revised { text latest } reason round { id } direction slipDays }
  progressUpdates { id }
}`;
const actionNow = async (id: string) =>
  (await read(admin, `query($id: ID!) { node(id: $id) { ...A } } ${ACTION}`, { id })).node as Record<string, any>;

describe('reviseTargetDate', () => {
  const reviser = () => as('probation-workforce-programme', 'editor', 'effects-pwp-editor');

  it('puts the new target in force and keeps the old one in the history, with the reason and round', async () => {
    const before = await actionNow(ids.r14a2);
    const revised = before.currentTarget.text === 'November 2027' ? 'December 2027' : 'November 2027';
    const revisedLatest = revised === 'November 2027' ? '2027-11-30' : '2027-12-31';
    const reason = 'Write effects: the regional pilots were paused while caseload data was rebuilt.';
    const result = await write(
      await reviser(),
      'reviseTargetDate',
      { action: ids.r14a2, round: round.id, expectedVersion: before.version, revised, reason },
      '... on ReviseTargetDatePayload { action { version currentTarget { text } } dateRevision { id } }',
    );
    expect(result.__typename, result.message).toBe('ReviseTargetDatePayload');
    expect(result.action).toEqual({ version: before.version + 1, currentTarget: { text: revised } });

    const after = await actionNow(ids.r14a2);
    expect(after.version).toBe(before.version + 1);
    expect(after.currentTarget).toEqual({ text: revised, latest: revisedLatest });
    // The plan's own target is untouched; the date it replaced stays in the history.
    expect(after.target).toEqual(before.target);
    expect(after.dateRevisions.slice(0, -1)).toEqual(before.dateRevisions);
    expect(after.dateRevisions.at(-1)).toEqual({
      id: result.dateRevision.id,
      previous: before.currentTarget,
      revised: { text: revised, latest: revisedLatest },
      reason,
      round: { id: round.id },
      direction: 'LATER',
      slipDays: daysBetween(before.currentTarget.latest, revisedLatest),
    });
    expect(after.slipDays).toBe(daysBetween(before.target.latest, revisedLatest));
    expect(after.slippage).toEqual({
      original: before.slippage.original,
      current: { text: revised, latest: revisedLatest },
      days: daysBetween(before.slippage.original.latest, revisedLatest),
      revisionCount: before.slippage.revisionCount + 1,
      revisions: [...before.slippage.revisions, { id: result.dateRevision.id }],
    });
  });

  it('requires a reason: without one it is refused and nothing is written', async () => {
    const before = await actionNow(ids.r14a2);
    const events = await eventsAbout(ids.r14a2);
    const editor = await reviser();
    const input = { action: ids.r14a2, round: round.id, expectedVersion: before.version, revised: 'Spring 2029' };

    const blank = await write(editor, 'reviseTargetDate', { ...input, reason: '   ' });
    expect(blank).toMatchObject({ __typename: 'InvalidInput', issues: [{ path: 'input.reason', message: 'must not be empty' }] });
    // Left out altogether, the operation itself is invalid: the schema makes the reason required.
    const missing = await editor(`mutation($i: ReviseTargetDateInput!) { reviseTargetDate(input: $i) { __typename } }`, { i: input });
    expect(missing.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(missing.data).toBeUndefined();

    expect(await actionNow(ids.r14a2)).toEqual(before);
    expect(await eventsAbout(ids.r14a2)).toBe(events);
  });
});

describe('completeAction', () => {
  it('records the completion in the round, with the evidence, and the action reads as completed', async () => {
    const editor = await as('probation-workforce-programme', 'editor', 'effects-pwp-editor');
    const before = await actionNow(ids.r14a1);
    const { node: status } = await read(admin, `query($id: ID!) { node(id: $id) { ... on Action { status { state } } } }`, {
      id: ids.r14a1,
    });
    expect(status.status.state).not.toBe('COMPLETED');
    const evidence =
      'Write effects: the Kestrelbridge workload guidance went to every region on 3 March 2025;\n' +
      'attendance logs are held by the programme office  (two spaces, “quoted”).';
    const result = await write(
      editor,
      'completeAction',
      { action: ids.r14a1, round: round.id, expectedVersion: before.version, evidence, completedOn: 'February 2025' },
      '... on ProgressPayload { progressUpdate { id } action { version } }',
    );
    expect(result.__typename, result.message).toBe('ProgressPayload');
    expect(result.action.version).toBe(before.version + 1);
    const made = result.progressUpdate.id;

    const { node, update, found } = await read(
      admin,
      `query($id: ID!, $u: ID!) {
        node(id: $id) { ... on Action { version progressUpdates { id } status { state basis reportedStatus progressUpdate { id } round { id } } } }
        update: node(id: $u) { ... on ProgressUpdate { status paragraphs target { text completed } round { id } actions { id } } }
        found: actions(filter: { search: "Kestrelbridge" }) { nodes { id } }
      }`,
      { id: ids.r14a1, u: made },
    );
    expect(node.version).toBe(before.version + 1);
    expect(node.progressUpdates).toEqual([...before.progressUpdates, { id: made }]);
    expect(update).toEqual({
      status: 'COMPLETED',
      paragraphs: [evidence],
      target: { text: 'February 2025', completed: false },
      round: { id: round.id },
      actions: [{ id: ids.r14a1 }],
    });
    expect(node.status).toEqual({
      state: 'COMPLETED',
      basis: 'ACTION_REPORT',
      reportedStatus: 'COMPLETED',
      progressUpdate: { id: made },
      round: { id: round.id },
    });
    // The evidence is searchable like any progress reported.
    expect(found.nodes).toEqual([{ id: ids.r14a1 }]);
  });
});

describe('recordProgress', () => {
  const reporter = () => as('ct-arc', 'editor', 'effects-ctarc-editor');
  const UPDATE = 'status paragraphs round { id slug } actions { id } owner { slug } target { text }';

  it('on an action: the update is in the round given, verbatim, and the action moves on a version', async () => {
    const before = await actionNow(ids.r9a4);
    const paragraphs = [
      'Write effects: the risk banding pilot ran in three CT-ARC regions — North East, Wales and London.',
      '  Indented second paragraph, with “quotes”, a £ sign and\ttabs.',
    ];
    const result = await write(
      await reporter(),
      'recordProgress',
      { subject: ids.r9a4, round: round.id, expectedVersion: before.version, status: 'AT_RISK', paragraphs, owner: ids.sroCtarc },
      '... on ProgressPayload { progressUpdate { id } action { version } recommendation { id } }',
    );
    expect(result.__typename, result.message).toBe('ProgressPayload');
    expect(result.recommendation.id).toBe(ids.r9);
    const made = result.progressUpdate.id;

    const data = await read(
      admin,
      `query($id: ID!, $u: ID!, $round: ID!) {
        action: node(id: $id) { ... on Action { version progressUpdates { id } } }
        update: node(id: $u) { ... on ProgressUpdate { ${UPDATE} } }
        round: node(id: $round) { ... on ReportingRound { progressUpdates { id } } }
      }`,
      { id: ids.r9a4, u: made, round: round.id },
    );
    expect(data.action).toEqual({ version: before.version + 1, progressUpdates: [...before.progressUpdates, { id: made }] });
    // Paragraphs are kept as written, but for the whitespace around each.
    expect(data.update).toEqual({
      status: 'AT_RISK',
      paragraphs: [paragraphs[0], paragraphs[1].trim()],
      round: { id: round.id, slug: round.slug },
      actions: [{ id: ids.r9a4 }],
      owner: { slug: 'sro-ctarc' },
      target: null,
    });
    expect(data.round.progressUpdates.map((u: { id: string }) => u.id)).toContain(made);
  });

  it('on a recommendation: the update is in the round given (not the latest), on no action, and only the recommendation moves on a version', async () => {
    const RECOMMENDATION = `query($id: ID!) { node(id: $id) { ... on Recommendation {
      version actions { id version }
      then: progressUpdates(round: "update-2024-08") { id }
      now: progressUpdates(round: "${round.slug}") { id }
    } } }`;
    const before = (await read(admin, RECOMMENDATION, { id: ids.r9 })).node;
    const paragraphs = [
      'Write effects: the Quillfeather review of the banding tool is summarised for the recommendation as a whole.',
      'It names no single action.',
    ];
    const result = await write(
      await reporter(),
      'recordProgress',
      { subject: ids.r9, round: ids.update202408, expectedVersion: before.version, status: 'IN_PROGRESS', paragraphs },
      '... on ProgressPayload { progressUpdate { id } action { id } recommendation { version } }',
    );
    expect(result.__typename, result.message).toBe('ProgressPayload');
    expect(result.action).toBeNull();
    expect(result.recommendation.version).toBe(before.version + 1);
    const made = result.progressUpdate.id;

    const after = (await read(admin, RECOMMENDATION, { id: ids.r9 })).node;
    expect(after.version).toBe(before.version + 1);
    expect(after.actions).toEqual(before.actions);
    expect(after.then).toEqual([...before.then, { id: made }]);
    expect(after.now).toEqual(before.now);
    const { update, found } = await read(
      admin,
      `query($u: ID!) {
        update: node(id: $u) { ... on ProgressUpdate { ${UPDATE} recommendation { id } } }
        found: recommendations(filter: { search: "Quillfeather" }) { nodes { id } }
      }`,
      { u: made },
    );
    expect(update).toEqual({
      status: 'IN_PROGRESS',
      paragraphs,
      round: { id: ids.update202408, slug: 'update-2024-08' },
      actions: [],
      owner: null,
      target: null,
      recommendation: { id: ids.r9 },
    });
    expect(found.nodes).toEqual([{ id: ids.r9 }]);
  });
});

describe('changeActionOwner', () => {
  it('replaces the owners: the new ones own it, in order, and the old one no longer does', async () => {
    const editor = await as('resource-and-process-group', 'editor', 'effects-rpg-editor');
    const before = await actionNow(ids.r15a4);
    expect(before.owners.map((o: { slug: string }) => o.slug)).toEqual(['dd-resource-and-process-group']);
    const [former] = before.owners;
    const result = await write(
      editor,
      'changeActionOwner',
      { action: ids.r15a4, expectedVersion: before.version, owners: [ids.ddCourts, ids.ddOmic] },
      '... on ChangeActionOwnerPayload { action { version } auditEvent { before after } }',
    );
    expect(result.__typename, result.message).toBe('ChangeActionOwnerPayload');
    const rawId = (id: string) => Buffer.from(id, 'base64').toString().split(':').slice(1).join(':');
    expect(result.auditEvent).toEqual({ before: { owners: [rawId(former.id)] }, after: { owners: [ids.ddCourts, ids.ddOmic].map(rawId) } });

    const data = await read(
      admin,
      `query($id: ID!, $old: ID!, $new: ID!) {
        action: node(id: $id) { ... on Action { version owners { id slug } } }
        old: node(id: $old) { ... on Role { actions { id } } }
        new: node(id: $new) { ... on Role { actions { id } } }
      }`,
      { id: ids.r15a4, old: former.id, new: ids.ddCourts },
    );
    expect(data.action).toEqual({
      version: before.version + 1,
      owners: [
        { id: ids.ddCourts, slug: 'dd-courts-and-custody-group' },
        { id: ids.ddOmic, slug: 'dd-sro-omic-review' },
      ],
    });
    expect(data.old.actions.map((a: { id: string }) => a.id)).not.toContain(ids.r15a4);
    expect(data.new.actions.map((a: { id: string }) => a.id)).toContain(ids.r15a4);

    // The former owner's agency no longer owns it, so its editors may no longer write it.
    const again = await write(editor, 'changeActionOwner', {
      action: ids.r15a4,
      expectedVersion: before.version + 1,
      owners: [former.id],
    });
    expect(again.__typename).toBe('NotAuthorized');
    expect((await actionNow(ids.r15a4)).owners).toEqual(data.action.owners);
  });
});

describe('linkDependency and unlinkDependency', () => {
  const LINKS = `query($r: ID!, $d: ID!, $a1: ID!, $a2: ID!) {
    r: node(id: $r) { ... on Recommendation { version dependencies { id } } }
    d: node(id: $d) { ... on Dependency { recommendations { id } } }
    a1: node(id: $a1) { ... on Action { dependencies { id } } }
    a2: node(id: $a2) { ... on Action { dependencies { id } } }
  }`;
  const links = async () => {
    const data = await read(admin, LINKS, { r: ids.r15, d: ids.review, a1: ids.r15a1, a2: ids.r15a2 });
    const list = (nodes: { id: string }[]) => nodes.map((n) => n.id);
    return {
      version: data.r.version as number,
      dependencies: list(data.r.dependencies),
      recommendations: list(data.d.recommendations),
      a1: list(data.a1.dependencies),
      a2: list(data.a2.dependencies),
    };
  };

  it('links the recommendation, narrowed to one action, and unlinks it, both ways round', async () => {
    const editor = await as('prison-service', 'editor', 'effects-prisons-editor');
    const before = await links();
    expect(before.dependencies).not.toContain(ids.review);
    expect(before.recommendations).not.toContain(ids.r15);

    const linked = await write(
      editor,
      'linkDependency',
      { recommendation: ids.r15, dependency: ids.review, expectedVersion: before.version, actions: [ids.r15a2] },
      '... on DependencyLinkPayload { recommendation { version } dependency { id } }',
    );
    expect(linked.__typename, linked.message).toBe('DependencyLinkPayload');
    expect(linked.recommendation.version).toBe(before.version + 1);
    const during = await links();
    expect(during.version).toBe(before.version + 1);
    expect([...during.dependencies].sort()).toEqual([...before.dependencies, ids.review].sort());
    expect(during.recommendations).toContain(ids.r15);
    expect(during.recommendations.filter((id) => id !== ids.r15)).toEqual(before.recommendations);
    // Narrowed to the second action: it relies on the dependency, the first does not.
    expect(before.a2).not.toContain(ids.review);
    expect([...during.a2].sort()).toEqual([...before.a2, ids.review].sort());
    expect(during.a1).toEqual(before.a1);

    const unlinked = await write(
      editor,
      'unlinkDependency',
      { recommendation: ids.r15, dependency: ids.review, expectedVersion: during.version },
      '... on DependencyLinkPayload { recommendation { version } }',
    );
    expect(unlinked.__typename, unlinked.message).toBe('DependencyLinkPayload');
    const after = await links();
    expect(after).toEqual({ ...before, version: before.version + 2 });

    // Unlinking took the narrowing with it: linked again for the whole recommendation, every action relies on it.
    const relink = { recommendation: ids.r15, dependency: ids.review };
    expect((await write(editor, 'linkDependency', { ...relink, expectedVersion: after.version })).__typename).toBe('DependencyLinkPayload');
    const whole = await links();
    expect(whole.a1).toContain(ids.review);
    expect(whole.a2).toContain(ids.review);
    expect((await write(editor, 'unlinkDependency', { ...relink, expectedVersion: whole.version })).__typename).toBe(
      'DependencyLinkPayload',
    );
    expect(await links()).toEqual({ ...before, version: before.version + 4 });
  });
});

describe('updateDependency', () => {
  const DEPENDENCY = `query($id: ID!) { node(id: $id) { ... on Dependency {
    version status expected { text latest }
    updates { id statement status expected { text } round { id } }
    dateRevisions { id previous { text } revised { text } reason round { id } }
    slippage { current { text } revisionCount }
  } } }`;
  const dependencyNow = async () => (await read(admin, DEPENDENCY, { id: ids.cim })).node;

  it('records the status, and a new expected date as a revision with its reason; no reason, no write', async () => {
    const editor = await as('ct-arc', 'editor', 'effects-ctarc-editor');
    const before = await dependencyNow();
    expect(before.expected).not.toBeNull();
    expect(before.status).not.toBe('AT_RISK');
    const expected = before.expected.text === 'Spring 2027' ? 'Summer 2027' : 'Spring 2027';
    const statement = 'Write effects: procurement of the new risk tool is delayed by a supplier dispute.';
    const input = { dependency: ids.cim, round: round.id, expectedVersion: before.version, status: 'AT_RISK', statement, expected };

    const unexplained = await write(editor, 'updateDependency', input);
    expect(unexplained).toMatchObject({ __typename: 'InvalidInput', issues: [{ path: 'input.reason' }] });
    expect(await dependencyNow()).toEqual(before);

    const reason = 'Write effects: the preferred supplier withdrew.';
    const result = await write(
      editor,
      'updateDependency',
      { ...input, reason },
      '... on UpdateDependencyPayload { update { id } dependency { version } }',
    );
    expect(result.__typename, result.message).toBe('UpdateDependencyPayload');
    const after = await dependencyNow();
    expect(after.version).toBe(before.version + 1);
    expect(after.status).toBe('AT_RISK');
    expect(after.expected.text).toBe(expected);
    expect(after.updates).toEqual([
      ...before.updates,
      { id: result.update.id, statement, status: 'AT_RISK', expected: { text: expected }, round: { id: round.id } },
    ]);
    expect(after.dateRevisions.slice(0, -1)).toEqual(before.dateRevisions);
    expect(after.dateRevisions.at(-1)).toMatchObject({
      previous: { text: before.expected.text },
      revised: { text: expected },
      reason,
      round: { id: round.id },
    });
    expect(after.slippage).toEqual({ current: { text: expected }, revisionCount: before.slippage.revisionCount + 1 });

    // An earlier round cannot move the date a later round stated: refused, and nothing written.
    const earlier = await write(editor, 'updateDependency', {
      ...input,
      expectedVersion: after.version,
      round: ids.update202408,
      expected: 'December 2028',
      reason,
    });
    expect(earlier).toMatchObject({ __typename: 'InvalidInput', issues: [{ path: 'input.round' }] });
    expect(await dependencyNow()).toEqual(after);
  });
});

describe('addInspectorateComment', () => {
  // On records CT Nominal Management has no part in: test/access.test.ts finds no comment in the trail its viewers read.
  it('puts the comment on the record commented on, readable by inspectors and by the owning agency', async () => {
    const inspector = await as('hmi-prisons', 'inspector', 'effects-inspector');
    const owner = await as('epsig', 'viewer', 'effects-epsig-viewer');
    const leader = await as('ct-arc', 'viewer', 'effects-ctarc-viewer');
    const COMMENTS = `query($r: ID!, $d: ID!) {
      r: node(id: $r) { ... on Recommendation { comments { id body authorId authorAgency { slug } recommendation { id } } } }
      d: node(id: $d) { ... on Dependency { comments { id body authorId authorAgency { slug } dependency { id } } } }
    }`;
    const before = await read(inspector, COMMENTS, { r: ids.r5, d: ids.cim });
    const bodies = {
      r: 'Write effects: please send the EPSIG evaluation, as the completion rests on it.\nSecond line.',
      d: 'Write effects: the supplier dispute puts recommendation 9 at risk.',
    };
    const made: Record<string, string> = {};
    for (const [key, subject] of [
      ['r', ids.r5],
      ['d', ids.cim],
    ] as const) {
      const result = await write(
        inspector,
        'addInspectorateComment',
        { subject, body: bodies[key] },
        '... on AddInspectorateCommentPayload { comment { id } }',
      );
      expect(result.__typename, result.message).toBe('AddInspectorateCommentPayload');
      made[key] = result.comment.id;
    }

    const after = await read(inspector, COMMENTS, { r: ids.r5, d: ids.cim });
    const by = { authorId: 'effects-inspector', authorAgency: { slug: 'hmi-prisons' } };
    expect(after.r.comments).toEqual([...before.r.comments, { id: made.r, body: bodies.r, ...by, recommendation: { id: ids.r5 } }]);
    expect(after.d.comments).toEqual([...before.d.comments, { id: made.d, body: bodies.d, ...by, dependency: { id: ids.cim } }]);
    // The owning agencies read them too: EPSIG owns recommendation 5's action, CT-ARC leads the dependency.
    expect((await read(owner, COMMENTS, { r: ids.r5, d: ids.cim })).r.comments).toEqual(after.r.comments);
    expect((await read(leader, COMMENTS, { r: ids.r5, d: ids.cim })).d.comments).toEqual(after.d.comments);
  });
});

describe('addSourceDocument', () => {
  it('puts the document on record with its full text; the same text again is that document, and writes nothing', async () => {
    const editor = await as('ct-arc', 'editor', 'effects-ctarc-editor');
    const text = [
      'Write effects: CT-ARC progress letter',
      '',
      'Dear Chief Inspector,',
      '\tThe risk banding tool\tRegions\tDate',
      '\tPilot\t3\tMarch 2025',
      'We remain committed to the recommendation — “in full”.',
    ].join('\n');
    const title = 'Write effects: CT-ARC letter of 14 February 2025';
    const result = await write(
      editor,
      'addSourceDocument',
      { title, kind: 'PROGRESS_LETTER', text, issuers: [ids.ctarc], dated: '14 February 2025' },
      '... on AddSourceDocumentPayload { alreadyOnRecord document { id slug } auditEvent { sequence } }',
    );
    expect(result.__typename, result.message).toBe('AddSourceDocumentPayload');
    expect(result.alreadyOnRecord).toBe(false);
    expect(result.auditEvent).not.toBeNull();
    const { slug } = result.document;

    const data = await read(
      admin,
      `query($slug: String!) {
        sourceDocument(slug: $slug) { id title kind text sha256 dated { text } issuers { slug } }
        agency(slug: "ct-arc") { documentsIssued { slug } }
      }`,
      { slug },
    );
    expect(data.sourceDocument).toEqual({
      id: result.document.id,
      title,
      kind: 'PROGRESS_LETTER',
      text,
      sha256: createHash('sha256').update(text).digest('hex'),
      dated: { text: '14 February 2025' },
      issuers: [{ slug: 'ct-arc' }],
    });
    expect(data.agency.documentsIssued.map((d: { slug: string }) => d.slug)).toContain(slug);

    const again = await write(
      editor,
      'addSourceDocument',
      { title: 'Write effects: the same letter, retitled', kind: 'PROGRESS_LETTER', text, issuers: [ids.ctarc] },
      '... on AddSourceDocumentPayload { alreadyOnRecord document { id } auditEvent { sequence } }',
    );
    expect(again).toEqual({
      __typename: 'AddSourceDocumentPayload',
      alreadyOnRecord: true,
      document: { id: result.document.id },
      auditEvent: null,
    });
    const { trail, same } = await read(
      admin,
      `{ trail: auditEvents(first: 10, filter: { user: "effects-ctarc-editor", operation: "addSourceDocument" }) { totalCount }
         same: sourceDocument(slug: "${slug}") { title } }`,
    );
    expect(trail.totalCount).toBe(1);
    expect(same.title).toBe(title);
  });
});
