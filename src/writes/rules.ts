/**
 * Rules on what writes accept, as zod schemas for the validation plugin. Dates take the forms the
 * plans use ("March 2025", "Spring 2025", "by June 2025", "end of 2025", "10 March 2025",
 * "Completed"); text is bounded so no single write can swamp the record.
 */
import { z } from 'zod';
import { isReadable, parsePlanDate } from '../domain/plan-date.js';

export const LIMITS = {
  paragraph: 20_000,
  paragraphs: 50,
  reason: 5_000,
  comment: 10_000,
  label: 200,
  statement: 20_000,
  /** A document's whole text: many times the first plan (42 kB), within the 1 MB request body. */
  document: 900_000,
} as const;

export const statedDate = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .refine((text) => isReadable(parsePlanDate(text)), {
    message:
      'is not a date this API can read: use a form such as "March 2025", "Spring 2025", "by June 2025", "end of 2025", "10 March 2025" or "Completed"',
  });

export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const paragraphs = z
  .array(text(LIMITS.paragraph))
  .min(1, 'must hold at least one paragraph')
  .max(LIMITS.paragraphs, `may hold at most ${LIMITS.paragraphs} paragraphs`);
