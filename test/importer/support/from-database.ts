/**
 * An inspection as stored, read back into the shapes the curated comparison takes, so that what an
 * import wrote (not what it parsed) is compared with the curated record.
 */
import type { Database } from '../../../src/database/client.js';
import type { SeedParts } from '../../../src/importer/to-seed.js';

const stated = (text: string | null) => (text === null ? null : { text });

export async function partsFromDatabase(db: Database, inspectionId: string): Promise<SeedParts> {
  const inspection = await db.inspection.findUniqueOrThrow({
    where: { id: inspectionId },
    include: {
      rounds: { orderBy: { sequence: 'asc' } },
      responseTerms: true,
      summaryFigures: true,
      recommendations: {
        orderBy: { number: 'asc' },
        include: {
          addressees: true,
          actions: { orderBy: { sequence: 'asc' }, include: { owners: { orderBy: { sequence: 'asc' } } } },
          progressUpdates: { orderBy: { sequence: 'asc' }, include: { actions: { include: { action: true } }, round: true } },
        },
      },
    },
  });
  const revisions = await db.dateRevision.findMany({
    where: { action: { recommendation: { inspectionId } } },
    include: { action: true, round: true },
    orderBy: [{ round: { sequence: 'asc' } }, { sequence: 'asc' }],
  });
  const TERM_ORDER = ['AGREED', 'PARTLY_AGREED', 'NOT_AGREED'];
  const SUMMARY_ORDER = ['AGREED', 'PARTLY_AGREED', 'NOT_AGREED', 'TOTAL'];
  const parts = {
    rounds: inspection.rounds.map((r) => ({
      slug: r.slug,
      kind: r.kind,
      label: r.label,
      submittedOn: { text: r.submittedText },
      asAt: stated(r.asAtText),
    })),
    responseTerms: [...inspection.responseTerms]
      .sort((a, b) => TERM_ORDER.indexOf(a.value) - TERM_ORDER.indexOf(b.value))
      .map((t) => ({ value: t.value, term: t.term, definition: t.definition, guidance: t.guidance })),
    reasonCategories: await reasonCategories(db, inspectionId, inspection.reasonCategories),
    reportedSummary: [...inspection.summaryFigures]
      .sort((a, b) => SUMMARY_ORDER.indexOf(a.line) - SUMMARY_ORDER.indexOf(b.line))
      .map((f) => ({ response: f.line, count: f.reportedCount })),
    recommendations: inspection.recommendations.map((r) => ({
      number: r.number,
      text: r.text,
      addressees: r.addressees.length ? { heading: r.addresseeHeading, agencies: r.addressees.map((a) => a.agencyId) } : null,
      response: r.response && {
        value: r.response,
        narrative: r.responseNarrative,
        reasons: r.reasonCategories.map((category) => ({ category })),
      },
      actions: r.actions.map((a) => ({
        key: a.key,
        text: a.text,
        owners: a.owners.map((o) => ({ role: o.roleId })),
        target: stated(a.targetText),
      })),
      progress: r.progressUpdates.map((p) => ({
        key: p.key,
        round: p.round.slug,
        paragraphs: p.paragraphs,
        actions: [...p.actions].sort((x, y) => x.action.sequence - y.action.sequence).map((x) => x.action.key),
        owner: p.ownerId ? { role: p.ownerId } : null,
        status: p.status,
        target: stated(p.targetText),
      })),
      dateRevisions: revisions
        .filter((d) => d.action!.recommendationId === r.id)
        .map((d) => ({ action: d.action!.key, round: d.round.slug, previous: d.previousText, revised: d.revisedText, reason: d.reason })),
    })),
    omitted: [],
  };
  return parts as unknown as SeedParts;
}

/** The reason categories with the words of the plan that name each, as the seeds record them. */
async function reasonCategories(db: Database, inspectionId: string, values: string[]) {
  const cites = await db.citation.findMany({ where: { inspectionId, field: 'reasonCategories' }, orderBy: { sequence: 'asc' } });
  return values.map((value, i) => ({ value, cite: cites[i]?.excerpt }));
}
