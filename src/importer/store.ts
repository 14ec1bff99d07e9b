/**
 * Writes a parsed plan into the record, in one transaction, idempotently:
 * - the same document again (by its SHA-256) changes nothing;
 * - into a new inspection: the document, the inspection, its rounds, recommendations, actions with
 *   owners and targets, progress, date revisions, and the findings as notes on the record;
 * - into an inspection already on record (an update of its plan): the rounds it does not yet have,
 *   with their progress and the date revisions they make against the dates on record, and any
 *   recommendation it does not yet hold; what is on record stays as it is, and where the text states
 *   it otherwise, that is reported (DIFFERS_FROM_RECORD) rather than written;
 * - findings the record already holds as notes (an update repeats its edition's) are not added again.
 * Every value is cited at its exact place in the document. Owners and addressees the record does not
 * know are created and listed, never merged into a near match.
 */
import { createHash } from 'node:crypto';
import { Prisma, type NoteKind } from '@prisma/client';
import { planDateColumns } from '../domain/plan-date.js';
import { slugify } from '../domain/slug.js';
import type { CitationSubject } from '../seed/rows.js';
import { documentSlug } from '../writes/document-slug.js';
import { differencesFromRecord } from './on-record.js';
import type { Finding, OwnerMatch, ParsedPlan, ParsedRecommendation, Span, Verbatim } from './types.js';

type Tx = Prisma.TransactionClient;

export interface ImportTarget {
  /** The inspection to import into (new or on record); by default a slug of the inspection's title. */
  inspection?: string;
  /** The slug to store the document under; by default one from the inspection and the text's hash. */
  document?: string;
  fileName?: string;
}

export interface ImportSummary {
  inspection: { slug: string; created: boolean };
  document: { slug: string; created: boolean };
  /** An identical document already on record: nothing was written. */
  alreadyImportedAs: string | null;
  rounds: { created: string[]; kept: string[] };
  recommendations: { created: number[]; kept: number[] };
  actions: number;
  progressUpdates: number;
  dateRevisions: number;
  notes: number;
  citations: number;
  agenciesCreated: { slug: string; name: string }[];
  rolesCreated: { slug: string; title: string; agency: string | null }[];
  /** Where the text states otherwise than the record holds (DIFFERS_FROM_RECORD): findings only the record can give. */
  recordFindings: Finding[];
}

const NOTE_KIND: Partial<Record<Finding['kind'], NoteKind>> = {
  NUMBERING_GAP: 'GAP',
  MISSING_TARGET_DATE: 'GAP',
  ROW_WITHOUT_PROGRESS: 'GAP',
  UNKNOWN_OWNER: 'GAP',
  UNKNOWN_ADDRESSEE: 'GAP',
  MISSING_TALLY: 'GAP',
  DATE_WITHOUT_YEAR: 'AMBIGUITY',
};
const noteKind = (f: Finding): NoteKind => NOTE_KIND[f.kind] ?? (f.severity === 'WARNING' ? 'INCONSISTENCY' : 'AMBIGUITY');

export async function storePlan(tx: Tx, text: string, plan: ParsedPlan, target: ImportTarget): Promise<ImportSummary> {
  const sha256 = createHash('sha256').update(text).digest('hex');
  const inspectionSlug = target.inspection ?? slugify(plan.inspection.title?.value ?? plan.document.title?.value ?? 'inspection');
  const summary: ImportSummary = {
    inspection: { slug: inspectionSlug, created: false },
    document: { slug: '', created: false },
    alreadyImportedAs: null,
    rounds: { created: [], kept: [] },
    recommendations: { created: [], kept: [] },
    actions: 0,
    progressUpdates: 0,
    dateRevisions: 0,
    notes: 0,
    citations: 0,
    agenciesCreated: [],
    rolesCreated: [],
    recordFindings: [],
  };
  const same = await tx.sourceDocument.findFirst({ where: { sha256 }, select: { slug: true } });
  if (same)
    return {
      ...summary,
      ...(await whereOnRecord(tx, same.slug)),
      alreadyImportedAs: same.slug,
      document: { slug: same.slug, created: false },
    };

  // Imports into one inspection run one at a time.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import:${inspectionSlug}`}))`;

  const citations: Prisma.CitationCreateManyInput[] = [];
  const counter = new Map<string, number>();
  const documentId = await documentSlug(
    tx,
    { path: 'input.document', slug: target.document },
    `${inspectionSlug}-plan-${sha256.slice(0, 8)}`,
  );
  /** Cites `v` (a verbatim value or a span of the text) for `field` of a record. */
  const cite = (subject: CitationSubject, subjectId: string, field: string, v: Verbatim | Span | null | undefined) => {
    if (!v || v.end <= v.start) return;
    const n = (counter.get(subjectId) ?? 0) + 1;
    counter.set(subjectId, n);
    citations.push({
      id: `${subjectId}#i${n}`,
      documentId,
      field,
      excerpt: text.slice(v.start, v.end),
      start: v.start,
      end: v.end,
      sequence: n,
      ...subject,
    });
  };

  await tx.sourceDocument.create({
    data: {
      id: documentId,
      slug: documentId,
      title: plan.document.title?.value ?? plan.inspection.title?.value ?? target.fileName ?? documentId,
      kind: 'ACTION_PLAN',
      fileName: target.fileName ?? `${documentId}.txt`,
      text,
      sha256,
      ...planDateColumns('dated', plan.document.dated?.value ?? null),
    },
  });
  summary.document = { slug: documentId, created: true };
  cite({ sourceDocumentId: documentId }, documentId, 'title', plan.document.title);

  const inspection = await tx.inspection.findUnique({ where: { slug: inspectionSlug }, select: { id: true } });
  const inspectionId = inspection?.id ?? inspectionSlug;
  if (!inspection) await createInspection(tx, plan, inspectionId, cite);
  summary.inspection.created = !inspection;

  const roleIds = await ensureOwners(tx, plan, summary);
  const roundIds = await ensureRounds(tx, plan, inspectionId, documentId, summary, cite);

  const onRecord = new Map(
    (await tx.recommendation.findMany({ where: { inspectionId }, select: { id: true, number: true } })).map((r) => [r.number, r.id]),
  );
  // Before anything is added, so that only what was on record is compared.
  if (inspection) summary.recordFindings = await differencesFromRecord(tx, plan, onRecord, roundIds, roleIds);
  for (const R of plan.recommendations) {
    if (onRecord.has(R.number)) summary.recommendations.kept.push(R.number);
    else await createRecommendation(tx, R, inspectionId, roleIds, summary, cite);
  }
  for (const R of plan.recommendations) await addProgress(tx, R, inspectionId, roundIds, roleIds, summary, cite);
  if (!inspection) await addRespondents(tx, inspectionId);
  await addNotes(tx, [...plan.findings, ...summary.recordFindings], inspectionId, text, summary, cite);

  await tx.citation.createMany({ data: citations });
  summary.citations = citations.length;
  return summary;
}

/** Where a document already on record went: the inspection whose rounds it records, and that inspection's recommendations. */
async function whereOnRecord(tx: Tx, documentSlug: string): Promise<Partial<ImportSummary>> {
  const round = await tx.reportingRound.findFirst({
    where: { document: { slug: documentSlug } },
    select: { inspection: { select: { slug: true, id: true } } },
  });
  if (!round) return {};
  const kept = await tx.recommendation.findMany({
    where: { inspectionId: round.inspection.id },
    select: { number: true },
    orderBy: { number: 'asc' },
  });
  return { inspection: { slug: round.inspection.slug, created: false }, recommendations: { created: [], kept: kept.map((r) => r.number) } };
}

type Cite = (subject: CitationSubject, subjectId: string, field: string, v: Verbatim | Span | null | undefined) => void;

async function createInspection(tx: Tx, plan: ParsedPlan, id: string, cite: Cite) {
  const I = plan.inspection;
  await tx.inspection.create({
    data: {
      id,
      slug: id,
      title: I.title?.value ?? plan.document.title?.value ?? id,
      actionPlanTitle: I.actionPlanTitle?.value ?? plan.document.title?.value ?? id,
      reasonCategories: I.reasonCategories.map((r) => r.value),
      ...planDateColumns('published', I.published?.value ?? 'not stated'),
    },
  });
  const s = { inspectionId: id };
  cite(s, id, 'title', I.title);
  cite(s, id, 'actionPlanTitle', I.actionPlanTitle);
  cite(s, id, 'published', I.published);
  I.reasonCategories.forEach((r) => cite(s, id, 'reasonCategories', r.cite));
  for (const t of I.responseTerms) {
    const termId = `${id}/term-${t.value.toLowerCase().replace(/_/g, '-')}`;
    await tx.responseTerm.create({
      data: {
        id: termId,
        inspectionId: id,
        value: t.value,
        term: t.term.value,
        definition: t.definition.value,
        guidance: t.guidance.value,
      },
    });
    cite({ responseTermId: termId }, termId, 'term', t.term);
    cite({ responseTermId: termId }, termId, 'definition', t.definition);
    cite({ responseTermId: termId }, termId, 'guidance', t.guidance);
  }
  for (const f of I.reportedSummary) {
    const figureId = `${id}/summary-${f.response.toLowerCase().replace(/_/g, '-')}`;
    await tx.summaryFigure.create({ data: { id: figureId, inspectionId: id, line: f.response, reportedCount: f.count } });
    cite({ summaryFigureId: figureId }, figureId, 'reportedCount', f.cite);
  }
}

/** Role ids for every owner named: the known role, or a role created from the owner's title. */
async function ensureOwners(tx: Tx, plan: ParsedPlan, summary: ImportSummary): Promise<Map<OwnerMatch, string>> {
  const owners = plan.recommendations.flatMap((r) => [
    ...r.actions.flatMap((a) => a.owners),
    ...r.progress.flatMap((p) => (p.owner ? [p.owner] : [])),
  ]);
  const ids = new Map<OwnerMatch, string>();
  for (const owner of owners) {
    if (owner.role) {
      ids.set(owner, owner.role);
      continue;
    }
    const proposed = owner.proposedRole ?? { slug: slugify(owner.title), title: owner.title, agency: owner.agency };
    const existing = await tx.role.findFirst({ where: { OR: [{ slug: proposed.slug }, { title: proposed.title }] }, select: { id: true } });
    if (!existing) {
      await tx.role.create({ data: { id: proposed.slug, slug: proposed.slug, title: proposed.title, agencyId: proposed.agency } });
      summary.rolesCreated.push({ slug: proposed.slug, title: proposed.title, agency: proposed.agency });
    }
    ids.set(owner, existing?.id ?? proposed.slug);
  }
  return ids;
}

/** Round ids by slug: the inspection's own where it has them, else created after its last. */
async function ensureRounds(tx: Tx, plan: ParsedPlan, inspectionId: string, documentId: string, summary: ImportSummary, cite: Cite) {
  const existing = await tx.reportingRound.findMany({ where: { inspectionId }, select: { id: true, slug: true, sequence: true } });
  const ids = new Map(existing.map((r) => [r.slug, r.id]));
  let sequence = Math.max(0, ...existing.map((r) => r.sequence));
  for (const r of plan.inspection.rounds) {
    if (ids.has(r.slug)) {
      summary.rounds.kept.push(r.slug);
      continue;
    }
    const id = `${inspectionId}/${r.slug}`;
    await tx.reportingRound.create({
      data: {
        id,
        inspectionId,
        slug: r.slug,
        sequence: ++sequence,
        kind: r.kind,
        label: r.label,
        documentId,
        ...planDateColumns('submitted', r.submittedOn?.value ?? 'not stated'),
        ...planDateColumns('asAt', r.asAt?.value ?? null),
      },
    });
    cite({ roundId: id }, id, 'submittedOn', r.submittedOn ?? r.line);
    cite({ roundId: id }, id, 'asAt', r.asAt);
    ids.set(r.slug, id);
    summary.rounds.created.push(r.slug);
  }
  return { ids, created: new Set(summary.rounds.created) };
}

async function createRecommendation(
  tx: Tx,
  R: ParsedRecommendation,
  inspectionId: string,
  roleIds: Map<OwnerMatch, string>,
  summary: ImportSummary,
  cite: Cite,
) {
  const id = `${inspectionId}/r${R.number}`;
  const agencies = R.addressees ? await addresseeAgencies(tx, R, summary) : [];
  await tx.recommendation.create({
    data: {
      id,
      inspectionId,
      number: R.number,
      text: R.text?.value ?? null,
      addresseeHeading: R.addressees?.heading.value ?? null,
      response: R.response?.value ?? null,
      responseNarrative: R.response?.narrative.map((n) => n.value) ?? [],
      reasonCategories: R.response?.reasons.map((r) => r.category) ?? [],
      addressees: { create: agencies.map((agencyId) => ({ agencyId })) },
    },
  });
  const s = { recommendationId: id };
  cite(s, id, 'text', R.text);
  cite(s, id, 'addressees', R.addressees?.heading);
  cite(s, id, 'response', R.response?.cite);
  R.response?.narrative.forEach((n) => cite(s, id, 'responseNarrative', n));
  R.response?.reasons.forEach((r) => cite(s, id, 'reasonCategories', r.cite));
  for (const [i, a] of R.actions.entries()) {
    const actionId = `${id}/${a.key}`;
    const owners = [...new Set(a.owners.map((o) => roleIds.get(o)!))];
    await tx.action.create({
      data: {
        id: actionId,
        recommendationId: id,
        sequence: i + 1,
        key: a.key,
        text: [a.text, ...a.continuedIn].map((p) => p.value).join(' '),
        ...planDateColumns('target', a.target?.value ?? null),
        owners: { create: owners.map((roleId, n) => ({ roleId, sequence: n + 1 })) },
      },
    });
    cite({ actionId }, actionId, 'text', a.text);
    a.continuedIn.forEach((p) => cite({ actionId }, actionId, 'text', p));
    cite({ actionId }, actionId, 'target', a.target);
    a.owners.forEach((o) => o.text.forEach((part) => cite({ actionId }, actionId, 'owners', part)));
    summary.actions++;
  }
  summary.recommendations.created.push(R.number);
}

/** The agencies a heading names: those matched, and one created as written for each other name that names one body. */
async function addresseeAgencies(tx: Tx, R: ParsedRecommendation, summary: ImportSummary): Promise<string[]> {
  const agencies = R.addressees!.agencies.map((a) => a.agency);
  for (const { name: written, oneBody } of R.addressees!.unknown) {
    if (!oneBody) continue;
    const name = written.value;
    const slug = slugify(name);
    const existing = await tx.agency.findFirst({ where: { OR: [{ slug }, { name }] }, select: { id: true } });
    if (!existing) {
      await tx.agency.create({ data: { id: slug, slug, name, kind: 'UNCLASSIFIED', aliases: [] } });
      summary.agenciesCreated.push({ slug, name });
    }
    agencies.push(existing?.id ?? slug);
  }
  return [...new Set(agencies)];
}

/**
 * The agencies answering a new inspection's plan: those it addresses and those its owners work for.
 * The template names no responding bodies in words a parser can rely on (the cover shows logos), so
 * the plan's own rows decide; this is what lets their editors record later rounds.
 */
async function addRespondents(tx: Tx, inspectionId: string) {
  await tx.$executeRaw`
    INSERT INTO "PlanRespondent" ("inspectionId", "agencyId")
    SELECT ${inspectionId}, a."agencyId" FROM "RecommendationAddressee" a
      JOIN "Recommendation" r ON r.id = a."recommendationId" WHERE r."inspectionId" = ${inspectionId}
    UNION
    SELECT ${inspectionId}, ro."agencyId" FROM "ActionOwner" o
      JOIN "Role" ro ON ro.id = o."roleId" JOIN "Action" ac ON ac.id = o."actionId"
      JOIN "Recommendation" r ON r.id = ac."recommendationId"
      WHERE r."inspectionId" = ${inspectionId} AND ro."agencyId" IS NOT NULL
    ON CONFLICT DO NOTHING`;
}

/** The progress of the rounds this import creates, and the date revisions they make. */
async function addProgress(
  tx: Tx,
  R: ParsedRecommendation,
  inspectionId: string,
  rounds: { ids: Map<string, string>; created: Set<string> },
  roleIds: Map<OwnerMatch, string>,
  summary: ImportSummary,
  cite: Cite,
) {
  const id = `${inspectionId}/r${R.number}`;
  const fresh = R.progress.filter((p) => rounds.created.has(p.round));
  if (fresh.length === 0) return;
  const actions = new Map(
    (await tx.action.findMany({ where: { recommendationId: id }, select: { id: true, key: true } })).map((a) => [a.key, a.id]),
  );
  let n = (await tx.progressUpdate.aggregate({ where: { recommendationId: id }, _max: { sequence: true } }))._max.sequence ?? 0;
  const ids = new Map<string, string>();
  for (const p of fresh) {
    const key = `p${++n}`;
    const updateId = `${id}/${key}`;
    ids.set(p.key, updateId);
    await tx.progressUpdate.create({
      data: {
        id: updateId,
        recommendationId: id,
        roundId: rounds.ids.get(p.round)!,
        sequence: n,
        key,
        paragraphs: p.paragraphs.map((x) => x.value),
        status: p.status,
        ownerId: p.owner ? roleIds.get(p.owner)! : null,
        ...planDateColumns('target', p.target?.value ?? null),
        actions: { create: p.actions.filter((k) => actions.has(k)).map((k) => ({ actionId: actions.get(k)! })) },
      },
    });
    const s = { progressUpdateId: updateId };
    p.paragraphs.forEach((x) => cite(s, updateId, 'paragraphs', x));
    p.owner?.text.forEach((part) => cite(s, updateId, 'owner', part));
    cite(s, updateId, 'status', p.statusCue);
    cite(s, updateId, 'target', p.target);
    summary.progressUpdates++;
  }
  let r = (await tx.dateRevision.count({ where: { id: { startsWith: `${id}/rev` } } })) + 0;
  for (const d of R.dateRevisions.filter((x) => rounds.created.has(x.round))) {
    const actionId = actions.get(d.action);
    if (!actionId) continue;
    // The previous date is the one on record, which an earlier import or a write may have moved.
    const last = await tx.dateRevision.findFirst({ where: { actionId }, orderBy: [{ round: { sequence: 'desc' } }, { sequence: 'desc' }] });
    const previous = last ? last.revisedText : (await tx.action.findUniqueOrThrow({ where: { id: actionId } })).targetText;
    if (previous === null || previous === d.revised.value) continue;
    const revisionId = `${id}/rev${++r}`;
    await tx.dateRevision.create({
      data: {
        id: revisionId,
        roundId: rounds.ids.get(d.round)!,
        sequence: r,
        actionId,
        reason: d.reason?.value ?? null,
        ...planDateColumns('previous', previous),
        ...planDateColumns('revised', d.revised.value),
      },
    });
    const s = { dateRevisionId: revisionId };
    cite(s, revisionId, 'revision', d.previous);
    cite(s, revisionId, 'revision', d.revised);
    cite(s, revisionId, 'reason', d.reason);
    summary.dateRevisions++;
  }
}

/**
 * The findings report kept with the record: each finding a note, citing the place it concerns. A note
 * is known by what it says (its kind, its text and the recommendation it concerns; its id is only a
 * sequence number), and an update of a plan repeats the findings of the edition on record: a finding
 * is added only where the record does not already hold as many notes saying the same.
 */
async function addNotes(tx: Tx, findings: Finding[], inspectionId: string, text: string, summary: ImportSummary, cite: Cite) {
  const notes = await tx.recordNote.findMany({ where: { inspectionId }, select: { kind: true, summary: true, recommendationId: true } });
  let n = (await tx.recordNote.aggregate({ where: { inspectionId }, _max: { sequence: true } }))._max.sequence ?? 0;
  const recommendations = new Map(
    (await tx.recommendation.findMany({ where: { inspectionId }, select: { id: true, number: true } })).map((r) => [r.number, r.id]),
  );
  const key = (kind: NoteKind, said: string, recommendationId: string | null) => JSON.stringify([kind, said, recommendationId]);
  const onRecord = new Map<string, number>();
  for (const x of notes) {
    const k = key(x.kind, x.summary, x.recommendationId);
    onRecord.set(k, (onRecord.get(k) ?? 0) + 1);
  }
  for (const f of findings) {
    const kind = noteKind(f);
    const recommendationId = (f.recommendation && recommendations.get(f.recommendation)) || null;
    const k = key(kind, f.message, recommendationId);
    const held = onRecord.get(k) ?? 0;
    if (held > 0) {
      onRecord.set(k, held - 1);
      continue;
    }
    const id = `${inspectionId}/note${++n}`;
    await tx.recordNote.create({ data: { id, inspectionId, sequence: n, kind, summary: f.message, recommendationId } });
    if (f.span && text.slice(f.span.start, f.span.end).trim()) cite({ noteId: id }, id, 'evidence', f.span);
    summary.notes++;
  }
}
