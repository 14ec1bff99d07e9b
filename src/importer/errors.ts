/**
 * Input the importer refuses outright. Nothing is parsed from such input, so nothing can be written;
 * the message names what was expected so the caller can tell a wrong file from a damaged one.
 */
export type ImportErrorCode = 'EMPTY' | 'BINARY' | 'WRONG_TEMPLATE' | 'TRUNCATED' | 'NO_ROWS';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** Where the problem was found, as a UTF-16 offset into the text (null when it concerns the whole input). */
    readonly offset: number | null = null,
  ) {
    super(message);
  }
}
