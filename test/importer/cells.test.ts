/** Cell contents: HTML fragments, lists with and without markers, dates, and where a sentence carries on. */
import { describe, expect, it } from 'vitest';
import { continues, readCell } from '../../src/importer/cells.js';
import { splitDates } from '../../src/importer/dates.js';
import { datesIn, sentences, yearlessDatesIn } from '../../src/importer/sentences.js';
import type { Verbatim } from '../../src/importer/types.js';

const cell = (value: string, start = 7): Verbatim => ({ value, start, end: start + value.length });
const read = (value: string) => {
  const c = cell(value);
  const { fragments, unmarkedList } = readCell(c);
  for (const f of fragments) expect(value.slice(f.start - c.start, f.end - c.start)).toBe(f.value);
  return { fragments: fragments.map((f) => [f.kind, f.value]), unmarkedList };
};

describe('cells', () => {
  it('reads plain text and <p> paragraphs', () => {
    expect(read('  Agreed ').fragments).toEqual([['plain', 'Agreed']]);
    expect(read('<p>One.</p> <p>Two.</p>').fragments).toEqual([
      ['paragraph', 'One.'],
      ['paragraph', 'Two.'],
    ]);
  });

  it('reads <li> items and "•" bullets, and a list left open before a paragraph', () => {
    expect(read('<p>Steps:</p> <ul><li>First.</li><li>Second.</li></ul>').fragments).toEqual([
      ['paragraph', 'Steps:'],
      ['item', 'First.'],
      ['item', 'Second.'],
    ]);
    expect(read('<ul style="list-style-type: none"> • To ensure A. • Generate B. <p>After.</p>').fragments).toEqual([
      ['item', 'To ensure A.'],
      ['item', 'Generate B.'],
      ['paragraph', 'After.'],
    ]);
  });

  it('tells apart the items of a list with no markers by sentence, joining sentences that refer back', () => {
    const { fragments, unmarkedList } = read(
      '<ul style="list-style-type: none"> Review of the SOP. To support its use this will be done with the PPL. Workshops to be designed. These will be recorded. ',
    );
    expect(fragments).toEqual([
      ['item', 'Review of the SOP. To support its use this will be done with the PPL.'],
      ['item', 'Workshops to be designed. These will be recorded.'],
    ]);
    expect(unmarkedList).not.toBeNull();
  });

  it('knows when the next part carries on a sentence a page break cut', () => {
    expect(continues('programmes of high-', 'side technology roll-out.')).toBe(true);
    expect(continues('changes in behaviour, and the', 'appropriate mechanisms for reporting')).toBe(true);
    expect(continues('to ensure that Prison Offender Managers', '(POMs) can access')).toBe(true);
    expect(continues('made mandatory across HMPPS.', 'To further assist establishments')).toBe(false);
    expect(continues('The aims of the programme are:', 'to ensure')).toBe(false);
  });
});

describe('dates in cells and prose', () => {
  const frag = (value: string) => ({ ...cell(value), kind: 'plain' as const });

  it('splits a cell holding several dates, and keeps "Completed <month>" whole', () => {
    expect(splitDates(frag('June 2025 December 2025')).map((f) => f.value)).toEqual(['June 2025', 'December 2025']);
    expect(splitDates(frag('September 2023; Spring 2024')).map((f) => f.value)).toEqual(['September 2023', 'Spring 2024']);
    expect(splitDates(frag('Completed June 2025')).map((f) => f.value)).toEqual(['Completed June 2025']);
    expect(splitDates(frag('Completed and ongoing')).map((f) => f.value)).toEqual(['Completed and ongoing']);
    expect(splitDates(frag('Q3 2024/25')).map((f) => f.value)).toEqual(['Q3 2024/25']);
  });

  it('finds stated dates and deadlines in prose', () => {
    const found = datesIn(cell('The business case will be completed by the end of 2023-24, and reviewed in July 2025.'));
    expect(found.map((d) => [d.text.value, d.date.latest, d.deadline])).toEqual([
      ['by the end of 2023-24', '2024-03-31', true],
      ['July 2025', '2025-07-31', false],
    ]);
  });

  it('finds dates that name no year', () => {
    const found = yearlessDatesIn(
      cell('Funding must be secured by September; it rolled out on 3 July and will be reviewed early next year, in May 2025.'),
    );
    expect(found.map((v) => v.value)).toEqual(['by September', 'on 3 July', 'early next year']);
  });

  it('splits sentences without breaking "e.g.," or bracketed abbreviations', () => {
    expect(sentences(cell('A full review (e.g., case records). The PGF (PGF). Done.')).map((s) => s.value)).toEqual([
      'A full review (e.g., case records).',
      'The PGF (PGF).',
      'Done.',
    ]);
  });
});
