/**
 * The layout of text extracted from a table: one table row per line, cells separated by tabs. Lines and
 * cells keep their offsets into the source so every value cut from them can be cited exactly.
 */
import type { Verbatim } from './types.js';

export interface Line extends Verbatim {
  /** 0-based line number. */
  index: number;
}

/** Splits text into lines; a trailing carriage return is not part of the line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    const next = end === -1 ? text.length + 1 : end + 1;
    if (end === -1) end = text.length;
    const stop = end > start && text[end - 1] === '\r' ? end - 1 : end;
    lines.push({ index: index++, start, end: stop, value: text.slice(start, stop) });
    start = next;
  }
  return lines;
}

/** The tab-separated cells of a line, untrimmed. */
export function splitCells(line: Verbatim): Verbatim[] {
  const cells: Verbatim[] = [];
  let from = 0;
  for (const part of line.value.split('\t')) {
    cells.push({ value: part, start: line.start + from, end: line.start + from + part.length });
    from += part.length + 1;
  }
  return cells;
}

/** A value with surrounding white space removed, its span narrowed to match. */
export function trimmed(v: Verbatim): Verbatim {
  const lead = v.value.length - v.value.trimStart().length;
  const value = v.value.trim();
  return { value, start: v.start + lead, end: v.start + lead + value.length };
}

/** A part of a value, by offsets relative to the value's own start. */
export function slice(v: Verbatim, from: number, to: number): Verbatim {
  return { value: v.value.slice(from, to), start: v.start + from, end: v.start + to };
}

export const isBlank = (s: string) => s.trim() === '';
