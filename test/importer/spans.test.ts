/** Every verbatim value the importer returns is found exactly where it says: `text.slice(start, end) === value`. */
import { describe, expect, it } from 'vitest';
import { parseActionPlan } from '../../src/importer/parse.js';
import { directory, fixture, plan001Text, spans, verbatims } from './support/load.js';

const documents: [string, string][] = [
  ['001', plan001Text],
  ['plan-without-progress', fixture('plan-without-progress.txt')],
  ['plan-with-progress', fixture('plan-with-progress.txt')],
  ['plan-with-progress, CRLF', fixture('plan-with-progress.txt').replace(/\n/g, '\r\n')],
];

describe.each(documents)('spans in %s', (_, text) => {
  const plan = parseActionPlan(text, directory);

  it('every verbatim value is the text at its span, and none is empty or padded', () => {
    const all = verbatims(plan);
    expect(all.length).toBeGreaterThan(20);
    const wrong = all.filter(({ v }) => text.slice(v.start, v.end) !== v.value).map(({ path, v }) => `${path}: ${JSON.stringify(v)}`);
    expect(wrong).toEqual([]);
    const padded = all
      .filter(({ v }) => v.value === '' || v.value !== v.value.trim() || /[\r\n]/.test(v.value.at(-1)!))
      .map(({ path }) => path);
    expect(padded).toEqual([]);
  });

  it('no value carries markup from its cell', () => {
    const marked = verbatims(plan)
      .filter(({ path }) => !path.endsWith('.heading') && !path.includes('.cite'))
      .filter(({ v }) => /<\/?(?:p|ul|li)\b/.test(v.value));
    expect(marked.map(({ path }) => path)).toEqual([]);
  });

  it('every span, including those of findings, lies within the text', () => {
    for (const s of spans(plan)) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(s.start).toBeLessThanOrEqual(s.end);
    }
  });
});
