/**
 * Turns a checked seed bundle into table rows. Pure: no database. Ids are built from natural keys so a
 * reload gives every record the same global id. Every verbatim value becomes a citation of itself, and
 * every `cite` becomes a citation located (start/end) in its document's text.
 */
import { createHash } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import { planDateColumns as dateColumns } from '../domain/plan-date.js';
import { citeParts, type SeedBundle } from './read.js';
import type { CiteSeed } from './format.js';

/** The columns naming what a citation is about: exactly one is set. */
export type CitationSubject = Pick<
  Prisma.CitationCreateManyInput,
  | 'agencyId'
  | 'roleId'
  | 'sourceDocumentId'
  | 'inspectionId'
  | 'responseTermId'
  | 'keyFactId'
  | 'summaryFigureId'
  | 'roundId'
  | 'recommendationId'
  | 'actionId'
  | 'progressUpdateId'
  | 'dateRevisionId'
  | 'dependencyId'
  | 'dependencyUpdateId'
  | 'noteId'
>;

export interface SeedRows {
  documents: Prisma.SourceDocumentCreateManyInput[];
  agencies: Prisma.AgencyCreateManyInput[];
  documentIssuers: Prisma.DocumentIssuerCreateManyInput[];
  roles: Prisma.RoleCreateManyInput[];
  dependencies: Prisma.DependencyCreateManyInput[];
  inspections: Prisma.InspectionCreateManyInput[];
  inspectorates: Prisma.InspectionInspectorateCreateManyInput[];
  respondents: Prisma.PlanRespondentCreateManyInput[];
  responseTerms: Prisma.ResponseTermCreateManyInput[];
  keyFacts: Prisma.KeyFactCreateManyInput[];
  summaryFigures: Prisma.SummaryFigureCreateManyInput[];
  rounds: Prisma.ReportingRoundCreateManyInput[];
  dependencyUpdates: Prisma.DependencyUpdateCreateManyInput[];
  recommendations: Prisma.RecommendationCreateManyInput[];
  addressees: Prisma.RecommendationAddresseeCreateManyInput[];
  recommendationDependencies: Prisma.RecommendationDependencyCreateManyInput[];
  dependencyLinks: Prisma.DependencyLinkCreateManyInput[];
  actionDependencies: Prisma.ActionDependencyCreateManyInput[];
  actions: Prisma.ActionCreateManyInput[];
  actionOwners: Prisma.ActionOwnerCreateManyInput[];
  progressUpdates: Prisma.ProgressUpdateCreateManyInput[];
  progressUpdateActions: Prisma.ProgressUpdateActionCreateManyInput[];
  dateRevisions: Prisma.DateRevisionCreateManyInput[];
  notes: Prisma.RecordNoteCreateManyInput[];
  citations: Prisma.CitationCreateManyInput[];
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function buildRows(b: SeedBundle): SeedRows {
  const rows: SeedRows = {
    documents: [],
    agencies: [],
    documentIssuers: [],
    roles: [],
    dependencies: [],
    inspections: [],
    inspectorates: [],
    respondents: [],
    responseTerms: [],
    keyFacts: [],
    summaryFigures: [],
    rounds: [],
    dependencyUpdates: [],
    recommendations: [],
    addressees: [],
    recommendationDependencies: [],
    dependencyLinks: [],
    actionDependencies: [],
    actions: [],
    actionOwners: [],
    progressUpdates: [],
    progressUpdateActions: [],
    dateRevisions: [],
    notes: [],
    citations: [],
  };
  const citationCount = new Map<string, number>();
  /** Records one citation of `subject`; `field` names the fact it evidences. */
  const cite = (subject: CitationSubject, subjectId: string, field: string, c: CiteSeed | undefined, source: string) => {
    if (c === undefined) return;
    const { source: documentId, excerpt } = citeParts(c, source);
    const start = b.texts.get(documentId)!.indexOf(excerpt);
    const n = (citationCount.get(subjectId) ?? 0) + 1;
    citationCount.set(subjectId, n);
    rows.citations.push({
      id: `${subjectId}#c${n}`,
      documentId,
      field,
      excerpt,
      start,
      end: start + excerpt.length,
      sequence: n,
      ...subject,
    });
  };

  /** A stated reason may come from an earlier document than the round's own; cite where it occurs. */
  const citeReason = (id: string, reason: string | null) => {
    const source = reason && [...b.texts].find(([, text]) => text.includes(reason))?.[0];
    if (source) cite({ dateRevisionId: id }, id, 'reason', reason, source);
  };

  for (const d of b.sources.documents) {
    const text = b.texts.get(d.slug)!;
    rows.documents.push({
      id: d.slug,
      slug: d.slug,
      title: d.title,
      kind: d.kind,
      fileName: d.file,
      text,
      sha256: sha256(text),
      ...dateColumns('dated', d.dated?.text),
    });
    d.issuedBy.forEach((agencyId) => rows.documentIssuers.push({ documentId: d.slug, agencyId }));
    const s = { sourceDocumentId: d.slug };
    cite(s, d.slug, 'title', d.title, d.slug);
    if (d.dated) cite(s, d.slug, 'dated', d.dated.cite ?? d.dated.text, d.slug);
    d.cites.forEach((c) => cite(s, d.slug, 'document', c, d.slug));
  }

  const A = b.agencies;
  // Parents before children, so the self-reference holds during a single insert.
  const depth = (slug: string): number => {
    const parent = A.agencies.find((a) => a.slug === slug)?.parent;
    return parent ? 1 + depth(parent) : 0;
  };
  for (const a of [...A.agencies].sort((x, y) => depth(x.slug) - depth(y.slug))) {
    rows.agencies.push({
      id: a.slug,
      slug: a.slug,
      name: a.name,
      abbreviation: a.abbreviation,
      kind: a.kind,
      aliases: a.aliases,
      parentId: a.parent,
      parentBasis: a.parent ? a.parentBasis : null,
    });
    const s = { agencyId: a.slug };
    a.cites.forEach((c) => cite(s, a.slug, 'agency', c, A.source));
    cite(s, a.slug, 'parent', a.parentCite, A.source);
  }
  for (const r of A.roles) {
    rows.roles.push({ id: r.slug, slug: r.slug, title: r.title, agencyId: r.agency });
    const s = { roleId: r.slug };
    r.cites.forEach((c) => cite(s, r.slug, 'role', c, A.source));
    cite(s, r.slug, 'agency', r.agencyCite, A.source);
  }

  const roundIds = new Map<string, string>();
  const roundSources = new Map<string, string>();
  for (const { inspection: I } of b.inspections) {
    I.rounds.forEach((r) => (roundIds.set(r.slug, `${I.slug}/${r.slug}`), roundSources.set(r.slug, r.source)));
  }

  const D = b.dependencies;
  for (const d of D.dependencies) {
    rows.dependencies.push({
      id: d.slug,
      slug: d.slug,
      name: d.name,
      aliases: d.aliases,
      kind: d.kind,
      leadAgencyId: d.lead?.agency ?? null,
    });
    const s = { dependencyId: d.slug };
    d.cites.forEach((c) => cite(s, d.slug, 'dependency', c, D.source));
    if (d.lead) cite(s, d.slug, 'leadAgency', d.lead.cite, D.source);
    for (const link of d.dependsOn) {
      rows.dependencyLinks.push({ dependentId: d.slug, prerequisiteId: link.dependency });
      cite(s, d.slug, 'dependsOn', link.cite, D.source);
    }
    d.updates.forEach((u, i) => {
      const id = `${d.slug}/u${i + 1}`;
      const source = u.source ?? roundSources.get(u.round)!;
      rows.dependencyUpdates.push({
        id,
        dependencyId: d.slug,
        roundId: roundIds.get(u.round)!,
        sequence: i + 1,
        status: u.status,
        statement: u.statement,
        documentId: source,
        ...dateColumns('expected', u.expected?.text),
      });
      cite({ dependencyUpdateId: id }, id, 'statement', u.statement, source);
      if (u.expected) cite({ dependencyUpdateId: id }, id, 'expected', u.expected.cite ?? u.expected.text, source);
    });
    d.dateRevisions.forEach((r, i) => {
      const id = `${d.slug}/rev${i + 1}`;
      rows.dateRevisions.push({
        id,
        roundId: roundIds.get(r.round)!,
        sequence: i + 1,
        dependencyId: d.slug,
        reason: r.reason,
        ...dateColumns('previous', r.previous),
        ...dateColumns('revised', r.revised),
      });
      r.cites.forEach((c) => cite({ dateRevisionId: id }, id, 'revision', c, roundSources.get(r.round)!));
      citeReason(id, r.reason);
    });
  }

  for (const { inspection: I, recommendations } of b.inspections) {
    const iid = I.slug;
    const src = I.source;
    rows.inspections.push({
      id: iid,
      slug: I.slug,
      title: I.title,
      actionPlanTitle: I.actionPlan.title,
      reasonCategories: I.reasonCategories.map((r) => r.value),
      ...dateColumns('published', I.published.text),
    });
    const si = { inspectionId: iid };
    cite(si, iid, 'title', I.title, src);
    cite(si, iid, 'actionPlanTitle', I.actionPlan.title, src);
    cite(si, iid, 'published', I.published.cite ?? I.published.text, src);
    I.reasonCategories.forEach((r) => cite(si, iid, 'reasonCategories', r.cite, src));
    rows.inspectorates.push({ inspectionId: iid, agencyId: I.lead.agency, role: 'LEAD' });
    cite(si, iid, 'leadInspectorate', I.lead.cite, src);
    for (const j of I.joint) {
      rows.inspectorates.push({ inspectionId: iid, agencyId: j.agency, role: 'JOINT' });
      cite(si, iid, 'jointInspectorates', j.cite, src);
    }
    for (const r of I.actionPlan.respondents) {
      rows.respondents.push({ inspectionId: iid, agencyId: r.agency });
      cite(si, iid, 'respondents', r.cite, src);
    }
    for (const t of I.responseTerms) {
      const id = `${iid}/term-${t.value.toLowerCase().replace(/_/g, '-')}`;
      rows.responseTerms.push({ id, inspectionId: iid, value: t.value, term: t.term, definition: t.definition, guidance: t.guidance });
      [t.term, t.definition, t.guidance].forEach((x, n) => cite({ responseTermId: id }, id, ['term', 'definition', 'guidance'][n], x, src));
    }
    I.keyFacts.forEach((k, i) => {
      const id = `${iid}/fact-${k.key}`;
      rows.keyFacts.push({
        id,
        inspectionId: iid,
        sequence: i + 1,
        key: k.key,
        statement: k.statement,
        value: k.value,
        unit: k.unit,
        period: k.period,
      });
      cite({ keyFactId: id }, id, 'statement', k.statement, k.source);
    });
    for (const f of I.reportedSummary) {
      const id = `${iid}/summary-${f.response.toLowerCase().replace(/_/g, '-')}`;
      rows.summaryFigures.push({ id, inspectionId: iid, line: f.response, reportedCount: f.count });
      cite({ summaryFigureId: id }, id, 'reportedCount', f.cite, src);
    }
    I.rounds.forEach((r, i) => {
      const id = roundIds.get(r.slug)!;
      rows.rounds.push({
        id,
        inspectionId: iid,
        slug: r.slug,
        sequence: i + 1,
        kind: r.kind,
        label: r.label,
        documentId: r.source,
        ...dateColumns('submitted', r.submittedOn.text),
        ...dateColumns('asAt', r.asAt?.text),
      });
      cite({ roundId: id }, id, 'submittedOn', r.submittedOn.cite ?? r.submittedOn.text, r.source);
      if (r.asAt) cite({ roundId: id }, id, 'asAt', r.asAt.cite ?? r.asAt.text, r.source);
    });

    let noteSeq = 0;
    const note = (
      n: { kind: string; summary: string; cites: CiteSeed[] },
      link: { recommendationId?: string; dependencyId?: string },
      source: string,
    ) => {
      const id = `${iid}/note${++noteSeq}`;
      rows.notes.push({ id, inspectionId: iid, sequence: noteSeq, kind: n.kind as never, summary: n.summary, ...link });
      n.cites.forEach((c) => cite({ noteId: id }, id, 'evidence', c, source));
    };
    const recId = (n: number) => `${iid}/r${n}`;
    I.notes.forEach((n) =>
      note(n, { recommendationId: n.recommendation ? recId(n.recommendation) : undefined, dependencyId: n.dependency }, src),
    );

    for (const R of recommendations) {
      const rid = recId(R.number);
      const s = R.source;
      const sr = { recommendationId: rid };
      rows.recommendations.push({
        id: rid,
        inspectionId: iid,
        number: R.number,
        text: R.text,
        addresseeHeading: R.addressees?.heading ?? null,
        response: R.response?.value ?? null,
        responseNarrative: R.response?.narrative ?? [],
        reasonCategories: R.response?.reasons.map((r) => r.category) ?? [],
      });
      if (R.text) cite(sr, rid, 'text', R.text, s);
      if (R.addressees) {
        cite(sr, rid, 'addressees', R.addressees.heading, s);
        R.addressees.agencies.forEach((agencyId) => rows.addressees.push({ recommendationId: rid, agencyId }));
      }
      if (R.response) {
        cite(sr, rid, 'response', R.response.cite, s);
        R.response.narrative.forEach((p) => cite(sr, rid, 'responseNarrative', p, s));
        R.response.reasons.forEach((r) => cite(sr, rid, 'reasonCategories', r.cite, s));
      }
      const actionId = (key: string) => `${rid}/${key}`;
      for (const d of R.dependencies) {
        rows.recommendationDependencies.push({ recommendationId: rid, dependencyId: d.dependency });
        cite(sr, rid, 'dependencies', d.cite, s);
        d.actions?.forEach((k) => rows.actionDependencies.push({ actionId: actionId(k), dependencyId: d.dependency }));
      }
      R.actions.forEach((a, i) => {
        const id = actionId(a.key);
        rows.actions.push({
          id,
          recommendationId: rid,
          sequence: i + 1,
          key: a.key,
          text: a.text,
          ...dateColumns('target', a.target?.text),
        });
        cite({ actionId: id }, id, 'text', a.text, s);
        if (a.target) cite({ actionId: id }, id, 'target', a.target.cite ?? a.target.text, s);
        a.owners.forEach((o, n) => {
          rows.actionOwners.push({ actionId: id, roleId: o.role, sequence: n + 1 });
          cite({ actionId: id }, id, 'owners', o.cite, s);
        });
      });
      R.progress.forEach((p, i) => {
        const id = `${rid}/${p.key}`;
        const ps = p.source ?? roundSources.get(p.round)!;
        rows.progressUpdates.push({
          id,
          recommendationId: rid,
          roundId: roundIds.get(p.round)!,
          sequence: i + 1,
          key: p.key,
          paragraphs: p.paragraphs,
          status: p.status,
          ownerId: p.owner?.role ?? null,
          ...dateColumns('target', p.target?.text),
        });
        const sp = { progressUpdateId: id };
        p.paragraphs.forEach((t) => cite(sp, id, 'paragraphs', t, ps));
        if (p.owner) cite(sp, id, 'owner', p.owner.cite, ps);
        cite(sp, id, 'status', p.statusCite, ps);
        if (p.target) cite(sp, id, 'target', p.target.cite ?? p.target.text, ps);
        p.actions.forEach((k) => rows.progressUpdateActions.push({ progressUpdateId: id, actionId: actionId(k) }));
      });
      R.dateRevisions.forEach((r, i) => {
        const id = `${rid}/rev${i + 1}`;
        rows.dateRevisions.push({
          id,
          roundId: roundIds.get(r.round)!,
          sequence: i + 1,
          actionId: actionId(r.action),
          reason: r.reason,
          ...dateColumns('previous', r.previous),
          ...dateColumns('revised', r.revised),
        });
        r.cites.forEach((c) => cite({ dateRevisionId: id }, id, 'revision', c, roundSources.get(r.round)!));
        citeReason(id, r.reason);
      });
      R.notes.forEach((n) => note(n, { recommendationId: rid }, s));
    }
  }
  return rows;
}
