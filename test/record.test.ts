/**
 * The loaded record against the source documents: every citation is verbatim and located, every fact
 * has one, and the gaps and contradictions of the record are kept rather than smoothed over.
 */
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../src/seed/load.js';
import { SEEDS_DIR, testDatabase } from './support/database.js';

const { db } = testDatabase();
const INSPECTION = 'ct-joint-inspection-2023';

describe('the loaded record', () => {
  it('cites every excerpt verbatim, at its recorded offsets, in the stored document text', async () => {
    const documents = new Map((await db.sourceDocument.findMany({ select: { id: true, text: true } })).map((d) => [d.id, d.text]));
    const citations = await db.citation.findMany();
    expect(citations.length).toBeGreaterThan(900);
    const wrong = citations.filter((c) => documents.get(c.documentId)!.slice(c.start, c.end) !== c.excerpt);
    expect(wrong).toEqual([]);
  });

  it('stores the documents exactly as published', async () => {
    const docs = await db.sourceDocument.findMany({ orderBy: { id: 'asc' } });
    expect(docs.map((d) => d.slug)).toEqual(['action-plan', 'letter-2025-03', 'press-article']);
    for (const d of docs) expect(d.text.length).toBeGreaterThan(3000);
    expect(docs.find((d) => d.slug === 'letter-2025-03')!.datedText).toBe('10th March 2025');
    expect(docs.find((d) => d.slug === 'press-article')!.datedText).toBeNull();
  });

  it('gives every fact a citation', async () => {
    const uncited = async <T>(rows: Promise<(T & { citations: { field: string }[] })[]>, field: string | null) =>
      (await rows).filter((r) => !r.citations.some((c) => field === null || c.field === field));
    const withCitations = { include: { citations: { select: { field: true } } } } as const;
    expect(await uncited(db.recommendation.findMany({ where: { text: { not: null } }, ...withCitations }), 'text')).toEqual([]);
    expect(await uncited(db.recommendation.findMany({ where: { response: { not: null } }, ...withCitations }), 'response')).toEqual([]);
    expect(
      await uncited(db.recommendation.findMany({ where: { addresseeHeading: { not: null } }, ...withCitations }), 'addressees'),
    ).toEqual([]);
    expect(await uncited(db.action.findMany(withCitations), 'text')).toEqual([]);
    expect(await uncited(db.action.findMany({ where: { targetText: { not: null } }, ...withCitations }), 'target')).toEqual([]);
    expect(await uncited(db.action.findMany(withCitations), 'owners')).toEqual([]);
    expect(await uncited(db.progressUpdate.findMany(withCitations), 'paragraphs')).toEqual([]);
    expect(await uncited(db.progressUpdate.findMany({ where: { targetText: { not: null } }, ...withCitations }), 'target')).toEqual([]);
    expect(await uncited(db.dateRevision.findMany(withCitations), 'revision')).toEqual([]);
    expect(await uncited(db.dependency.findMany(withCitations), null)).toEqual([]);
    expect(await uncited(db.agency.findMany(withCitations), null)).toEqual([]);
    expect(await uncited(db.role.findMany(withCitations), null)).toEqual([]);
    expect(await uncited(db.recordNote.findMany(withCitations), 'evidence')).toEqual([]);
    expect(await uncited(db.reportingRound.findMany(withCitations), 'submittedOn')).toEqual([]);
    expect(await uncited(db.summaryFigure.findMany(withCitations), 'reportedCount')).toEqual([]);
  });

  it('holds every recommendation of the plan, with its response', async () => {
    const recs = await db.recommendation.findMany({
      where: { inspectionId: INSPECTION },
      orderBy: { number: 'asc' },
      include: { actions: { include: { owners: true } } },
    });
    expect(recs.map((r) => r.number)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const recorded = recs.filter((r) => r.text !== null);
    expect(recorded).toHaveLength(20);
    expect(recorded.filter((r) => r.response === 'AGREED')).toHaveLength(19);
    const partly = recs.filter((r) => r.response === 'PARTLY_AGREED');
    expect(partly.map((r) => [r.number, r.reasonCategories])).toEqual([[16, ['OPERATIONAL']]]);
    for (const r of recorded) {
      expect(r.actions.length, `recommendation ${r.number} has actions`).toBeGreaterThan(0);
      for (const a of r.actions) expect(a.owners.length, `${a.id} has an owner`).toBeGreaterThan(0);
    }
  });

  it('models recommendation 13, absent from the plan, as a gap rather than inventing it', async () => {
    const r13 = await db.recommendation.findFirstOrThrow({
      where: { inspectionId: INSPECTION, number: 13 },
      include: { notes: true, actions: true },
    });
    expect(r13).toMatchObject({ text: null, response: null, addresseeHeading: null, actions: [] });
    expect(r13.notes.map((n) => n.kind)).toContain('GAP');
  });

  it('keeps the plan’s summary figures as reported, though its rows disagree', async () => {
    const figures = await db.summaryFigure.findMany({ where: { inspectionId: INSPECTION } });
    expect(Object.fromEntries(figures.map((f) => [f.line, f.reportedCount]))).toEqual({
      AGREED: 20,
      PARTLY_AGREED: 1,
      NOT_AGREED: 0,
      TOTAL: 21,
    });
    const notes = await db.recordNote.findMany({ where: { inspectionId: INSPECTION, kind: 'INCONSISTENCY' } });
    expect(notes.some((n) => /summary/i.test(n.summary))).toBe(true);
  });

  it('records each reporting round', async () => {
    const rounds = await db.reportingRound.findMany({ where: { inspectionId: INSPECTION }, orderBy: { sequence: 'asc' } });
    expect(rounds.map((r) => [r.slug, r.submittedText, r.asAtText])).toEqual([
      ['plan-2023-07', '28 July 2023', null],
      ['plan-update-2023-10', '11 October 2023', null],
      ['update-2024-08', '09 August 2024', 'July 2024'],
      ['letter-2025-03', '10th March 2025', null],
    ]);
  });

  it('records the slipped dates with the reasons given', async () => {
    const mapps = await db.dateRevision.findMany({ where: { dependencyId: 'mapps' }, include: { round: true } });
    expect(mapps.map((r) => [r.previousText, r.revisedText, r.round.slug])).toContainEqual([
      'July 2025',
      'November 2027',
      'letter-2025-03',
    ]);
    const framework = await db.dateRevision.findMany({
      where: { action: { recommendation: { inspectionId: INSPECTION, number: 6 } } },
      orderBy: { round: { sequence: 'asc' } },
    });
    expect(framework.map((r) => [r.previousText, r.revisedText, r.reason])).toEqual([
      ['June 2024', 'January 2025', 'The delay is due to internal resourcing pressures.'],
      ['January 2025', 'by June 2025', null],
    ]);
  });

  it('links recommendations to the programmes they depend on', async () => {
    const links = await db.recommendationDependency.findMany({ include: { recommendation: true } });
    const numbersFor = (slug: string) =>
      links
        .filter((l) => l.dependencyId === slug)
        .map((l) => l.recommendation.number)
        .sort((a, b) => a - b);
    expect(numbersFor('mapps')).toContain(3);
    expect(numbersFor('high-side-investment-case')).toEqual(expect.arrayContaining([1, 2]));
    expect(numbersFor('ct-training-package')).toEqual(expect.arrayContaining([11, 16]));
    expect(new Set(links.map((l) => l.dependencyId)).size).toBeGreaterThanOrEqual(10);
  });

  it('loads idempotently: loading the same files again changes nothing', async () => {
    const before = await db.citation.count();
    const result = await loadSeeds(db, SEEDS_DIR);
    expect(result.loaded).toBe(false);
    expect(await db.citation.count()).toBe(before);
    expect(await db.seedLoad.count()).toBe(1);
  });
});
