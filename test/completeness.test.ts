/**
 * Nothing in the documents is left out: the documents are read independently here and every unit of
 * the record they contain must be in the data, not merely cited correctly where it is.
 */
import { describe, expect, it } from 'vitest';
import { testDatabase } from './support/database.js';

const { db } = testDatabase();
const INSPECTION = 'ct-joint-inspection-2023';
const text = async (slug: string) => (await db.sourceDocument.findUniqueOrThrow({ where: { slug } })).text;

describe('completeness against the documents', () => {
  it('has a recommendation with its text for every numbered row of the plan table', async () => {
    const plan = await text('action-plan');
    // A row starts a line with its number and a tab, then the recommendation text.
    const rows = [...plan.matchAll(/^(\d{1,2})\t(?!\t)/gm)].map((m) => Number(m[1]));
    expect(rows).toHaveLength(20);
    const recorded = await db.recommendation.findMany({
      where: { inspectionId: INSPECTION, text: { not: null } },
      select: { number: true },
    });
    expect(recorded.map((r) => r.number).sort((a, b) => a - b)).toEqual([...rows].sort((a, b) => a - b));
  });

  it('records progress for every "Progress against commitments" heading of the July 2024 update', async () => {
    const plan = await text('action-plan');
    const headed = [...plan.matchAll(/Progress against commitments – Recommendation (\d+) \(July 2024\)/g)].map((m) => Number(m[1]));
    expect(headed).toHaveLength(20);
    const reported = await db.progressUpdate.findMany({
      where: { round: { slug: 'update-2024-08' }, recommendation: { inspectionId: INSPECTION } },
      select: { recommendation: { select: { number: true } } },
    });
    expect(new Set(reported.map((p) => p.recommendation.number))).toEqual(new Set(headed));
  });

  it('cites every sentence of the March 2025 letter’s updates', async () => {
    const letter = await text('letter-2025-03');
    const body = letter.slice(letter.indexOf('As agreed,'), letter.indexOf('We remain committed'));
    const sentences = body
      .split(/(?<=\.)\s+/)
      .map((s) => s.trim())
      .filter((s) => s.length > 20);
    expect(sentences.length).toBeGreaterThan(15);
    const citations = await db.citation.findMany({ where: { documentId: 'letter-2025-03' }, select: { start: true, end: true } });
    const covered = (s: string) => {
      const at = letter.indexOf(s);
      return citations.some((c) => c.start <= at + 10 && c.end >= at + s.length - 10);
    };
    expect(sentences.filter((s) => !covered(s))).toEqual([]);
  });

  it('keeps every owner named in the plan as a role of an agency', async () => {
    const roles = await db.role.findMany({ include: { agency: true, actions: true, progressUpdates: true } });
    for (const r of roles) expect(r.actions.length + r.progressUpdates.length, `${r.title} owns something`).toBeGreaterThan(0);
    const plan = await text('action-plan');
    // Owner cells sit between the action text and the target date: "...\t<owner>\t<date>".
    const ownerCells = [...plan.matchAll(/\t((?:Deputy Director|Probation Director|SRO|T\/Det Supt|Head of)[^\t<]*?)\t/g)].map((m) =>
      m[1].trim(),
    );
    const titles = roles.map((r) => r.title);
    const unmatched = ownerCells.filter((cell) => !titles.some((t) => cell.includes(t)));
    // A cell that matches no role must be one the record explains (e.g. an owner split by a page break).
    const noteEvidence = await db.citation.findMany({
      where: { noteId: { not: null }, documentId: 'action-plan' },
      select: { excerpt: true },
    });
    expect(unmatched.filter((cell) => !noteEvidence.some((c) => c.excerpt.includes(cell)))).toEqual([]);
  });

  it('keeps the key facts of the press article', async () => {
    const facts = await db.keyFact.findMany({ where: { inspectionId: INSPECTION } });
    expect(facts.map((f) => f.value)).toEqual(expect.arrayContaining([27, 57]));
  });
});
