/**
 * What a bearer token says about its holder: who they are, which agency they act for, and their
 * roles. Roles: viewer (read), editor (write what their agency or its units own), inspector (read
 * everything, comment), admin (everything).
 */
import { z } from 'zod';
import { isStorableText } from '../http/text-input.js';

export const ROLES = ['viewer', 'editor', 'inspector', 'admin'] as const;
export type Role = (typeof ROLES)[number];

// The agency is looked up, and the subject and name recorded with writes: text the database can hold.
const text = (min: number, max: number) =>
  z.string().min(min).max(max).refine(isStorableText, 'contains a NUL character or an unpaired surrogate');

export const Claims = z.object({
  sub: text(1, 200),
  name: text(0, 200).optional(),
  agency: text(1, 100),
  roles: z.array(z.enum(ROLES)).min(1),
});
export type Claims = z.infer<typeof Claims>;
