/**
 * What a bearer token says about its holder: who they are, which agency they act for, and their
 * roles. Roles: viewer (read), editor (write what their agency or its units own), inspector (read
 * everything, comment), admin (everything).
 */
import { z } from 'zod';

export const ROLES = ['viewer', 'editor', 'inspector', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const Claims = z.object({
  sub: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  agency: z.string().min(1).max(100),
  roles: z.array(z.enum(ROLES)).min(1),
});
export type Claims = z.infer<typeof Claims>;
