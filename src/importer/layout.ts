/**
 * Findings about the extracted text rather than the plan: a paragraph or an owner cell that a page
 * break cut in two, and a list whose items carry no marker.
 */
import { quote, type Context } from './findings.js';
import type { RowContent } from './row-content.js';

/** Splits and unmarked lists: where the extracted text, not the plan, blurred the row. */
export function reportLayout(content: RowContent, number: number, what: string, ctx: Context): void {
  for (const { before, after } of content.paragraphSplits) {
    ctx.findings.add(
      'CELL_SPLIT_BY_PAGE_BREAK',
      `recommendation ${number}: a page break splits the ${what} mid-sentence (${quote(before.value.slice(-40))} | ${quote(after.value.slice(0, 40))}); both parts kept, read as one paragraph`,
      { start: before.start, end: after.end },
      { recommendation: number },
    );
  }
  for (const parts of content.ownerSplits) {
    ctx.findings.add(
      'OWNER_SPLIT_BY_PAGE_BREAK',
      `recommendation ${number}: a page break splits an owner cell (${parts.map((p) => quote(p.value)).join(' | ')}); read as ${quote(parts.map((p) => p.value.trim()).join(' '))}`,
      { start: parts[0].start, end: parts.at(-1)!.end },
      { recommendation: number },
    );
  }
  for (const list of content.unmarkedLists) {
    ctx.findings.add(
      'LIST_WITHOUT_MARKERS',
      `recommendation ${number}: a list in the ${what} has no item markers; its items were told apart by sentence (a sentence opening "These", "This", "To", ... joined to the one before)`,
      list,
      { recommendation: number },
    );
  }
}
