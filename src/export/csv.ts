/**
 * CSV as spreadsheets read it (RFC 4180): every field quoted where it holds a comma, quote or line
 * break, quotes doubled, CRLF between records.
 */
export type Cell = string | number | boolean | null | undefined;

// A text cell starting with one of these is run as a formula by spreadsheet programs; a leading
// apostrophe makes them show it as text, and is not part of the value.
const FORMULA_START = /^[=+\-@\t\r]/;

function field(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRecord = (cells: readonly Cell[]): string => `${cells.map(field).join(',')}\r\n`;
