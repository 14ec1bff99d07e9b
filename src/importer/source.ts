/**
 * Turns input into text the parser can trust: UTF-8 only, no binary data, not empty. A damaged file is
 * refused here rather than parsed into partial records.
 */
import { ImportError } from './errors.js';

/** Decodes a file's bytes, refusing anything that is not valid UTF-8 text. */
export function decodeSource(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('BINARY', 'expected UTF-8 text extracted from an action plan — the file is not valid UTF-8 (binary data?)');
  }
  checkText(text);
  return text;
}

// Control characters that never occur in extracted text; tab, line feed, carriage return and form feed do.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/** Refuses empty input and text holding binary data. */
export function checkText(text: string): void {
  if (text.trim() === '') throw new ImportError('EMPTY', 'expected the text of an action plan — the input is empty');
  const bad = CONTROL.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).padStart(4, '0');
    throw new ImportError(
      'BINARY',
      `expected plain text extracted from an action plan — found binary data (control character U+${code} at offset ${bad.index})`,
      bad.index,
    );
  }
}
