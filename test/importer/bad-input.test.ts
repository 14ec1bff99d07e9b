/**
 * Input that is not an action plan in the template is refused with an ImportError naming what was
 * expected, and nothing is returned to write.
 */
import { describe, expect, it } from 'vitest';
import { ImportError, type ImportErrorCode } from '../../src/importer/errors.js';
import { parseActionPlan } from '../../src/importer/parse.js';
import { decodeSource } from '../../src/importer/source.js';
import { directory, fixture, plan001Text, seeds } from './support/load.js';

function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError, but the input was accepted');
}

const refused = (text: string) => refusal(() => parseActionPlan(text, directory));
const expectRefused = (e: ImportError, code: ImportErrorCode, message: RegExp) => {
  expect(e.code).toBe(code);
  expect(e.message).toMatch(message);
};

describe('bad input', () => {
  it('an empty file', () => {
    expectRefused(refused(''), 'EMPTY', /^expected the text of an action plan — the input is empty$/);
    expectRefused(refused(' \n\n\t\n'), 'EMPTY', /input is empty/);
    expectRefused(
      refusal(() => decodeSource(new Uint8Array())),
      'EMPTY',
      /input is empty/,
    );
  });

  it('binary data: bytes that are not UTF-8, or control characters', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xd8]);
    expectRefused(
      refusal(() => decodeSource(png)),
      'BINARY',
      /not valid UTF-8/,
    );
    const nul = new TextEncoder().encode(`${plan001Text.slice(0, 500)}\u0000\u0001${plan001Text.slice(500)}`);
    const e = refusal(() => decodeSource(nul));
    expectRefused(e, 'BINARY', /control character U\+0000 at offset 500/);
    expect(e.offset).toBe(500);
    expectRefused(refused('1. Rec No\u0007'), 'BINARY', /binary data/);
  });

  it('a document in another template: the header it expected, and that it was not found', () => {
    for (const other of ['press-article', 'letter-2025-03']) {
      expectRefused(
        refused(seeds.texts.get(other)!),
        'WRONG_TEMPLATE',
        /^expected the action-plan table header '1\. Rec No\\t2\. Recommendation\\t3\. Agreed\/ Partly Agreed\/ Not Agreed\\t4\. Response Action Taken\/Planned\\t5\. Responsible Owner\\t6\. Target Date' — not found$/,
      );
    }
  });

  it('a table whose header has other columns', () => {
    const text = fixture('plan-with-progress.txt').replace(
      '3. Agreed/ Partly Agreed/ Not Agreed\t4. Response Action Taken/Planned\t5. Responsible Owner\t6. Target Date',
      '3. Accepted\t4. Response\t5. Owner\t6. Deadline',
    );
    expectRefused(
      refused(text),
      'WRONG_TEMPLATE',
      /— line \d+ has a table header with different columns: "1\. Rec No\\t2\. Recommendation\\t3\. Accepted/,
    );
  });

  it('a truncated table: cut inside a row, inside a paragraph, or after a progress heading', () => {
    const insideRow = plan001Text.slice(0, plan001Text.indexOf('SRO CT Assessment & Rehabilitation Centre (CTARC)\t<p>Completed</p>') + 10);
    expectRefused(
      refused(insideRow),
      'TRUNCATED',
      /^expected the table to end with complete rows and the closing tally .* — it stops at line \d+ in the middle of a row/,
    );
    const insideParagraph = `${plan001Text.slice(0, plan001Text.indexOf('<p>Revised guidance will be published') + 20)}\n`;
    expectRefused(refused(insideParagraph), 'TRUNCATED', /in the middle of a row/);
    const afterHeading = plan001Text.slice(0, plan001Text.indexOf('Progress against commitments – Recommendation 21 (July 2024)') + 70);
    expectRefused(refused(`${afterHeading.trimEnd()}\n`), 'TRUNCATED', /in the middle of a row/);
  });

  it('a table with no rows', () => {
    const header = plan001Text.split('\n').find((l) => l.startsWith('1. Rec No'))!;
    const text = `ACTION PLAN: An empty plan\n\n${header}\n\nRecommendations\t\nAgreed\t0\nTotal\t0\n`;
    expectRefused(refused(text), 'NO_ROWS', /^expected recommendation rows .* after the table header — none found$/);
  });
});
