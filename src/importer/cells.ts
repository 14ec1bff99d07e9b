/**
 * The contents of one cell. Cells hold plain text or HTML fragments as the publishing system left them:
 * `<p>` paragraphs, `<ul>` lists whose items are `<li>` elements or "•" bullets (or, in some rows, not
 * marked at all), lists left unclosed, and several dates or owners each in its own `<p>`. Each fragment
 * keeps its exact place in the source; markup is never part of a value.
 */
import { slice, trimmed } from './lines.js';
import { unmarkedListItems } from './sentences.js';
import type { Span, Verbatim } from './types.js';

export interface Fragment extends Verbatim {
  /** paragraph: inside <p>; item: a list item; plain: text outside any markup. */
  kind: 'paragraph' | 'item' | 'plain';
}

export interface CellContent {
  fragments: Fragment[];
  /** A list whose items carry no marker: its items were told apart by sentence. */
  unmarkedList: Span | null;
}

const TAG = /<\s*(\/?)\s*(p|ul|ol|li|br)\b[^>]*>/gi;
const BULLET = /[•▪◦●]/g;

export function readCell(cell: Verbatim): CellContent {
  const fragments: Fragment[] = [];
  let unmarkedList: Span | null = null;
  let inList = false;
  let inParagraph = false;
  let listHasItems = false; // <li> seen in the current list

  const emit = (v: Verbatim, kind: Fragment['kind']) => {
    const t = trimmed(v);
    if (t.value !== '') fragments.push({ ...t, kind });
  };
  /** Text between two tags. */
  const text = (from: number, to: number) => {
    if (to <= from) return;
    const v = slice(cell, from, to);
    if (v.value.trim() === '') return;
    if (inParagraph) return emit(v, 'paragraph');
    if (!inList) return emit(v, 'plain');
    if (listHasItems) return emit(v, 'item');
    const bullets = [...v.value.matchAll(BULLET)];
    if (bullets.length > 0) {
      emit(slice(v, 0, bullets[0].index), 'plain');
      bullets.forEach((b, i) => emit(slice(v, b.index + b[0].length, bullets[i + 1]?.index ?? v.value.length), 'item'));
      return;
    }
    unmarkedList ??= { start: v.start, end: v.end };
    for (const item of unmarkedListItems(v)) emit(item, 'item');
  };

  let from = 0;
  for (const m of cell.value.matchAll(TAG)) {
    text(from, m.index);
    from = m.index + m[0].length;
    const closing = m[1] === '/';
    switch (m[2].toLowerCase()) {
      case 'p':
        // A paragraph after an unclosed list ends the list.
        inParagraph = !closing;
        if (!closing) inList = false;
        break;
      case 'ul':
      case 'ol':
        inList = !closing;
        listHasItems = false;
        break;
      case 'li':
        listHasItems = true;
        break;
      case 'br':
        break;
    }
  }
  text(from, cell.value.length);
  return { fragments, unmarkedList };
}

/** Whether the text ends like a finished sentence or heading. */
const ENDS_COMPLETE = /[.!?:;][”"’']?\s*$/;

/**
 * Whether `next` carries on the sentence `previous` broke off: `previous` does not end like a finished
 * sentence, and `next` starts in lower case or with a bracket, or `previous` ends with a hyphen.
 */
export function continues(previous: string, next: string): boolean {
  const p = previous.trimEnd();
  if (ENDS_COMPLETE.test(p)) return false;
  return /^[a-z(]/.test(next.trimStart()) || /[-–,]$/.test(p);
}
