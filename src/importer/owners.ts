/**
 * Owners as the plan names them: matched to known roles, and reported once per cell where a cell names
 * several roles with nothing between them or a name that matches no role.
 */
import { quote, type Context } from './findings.js';
import { matchOwners } from './match-agencies.js';
import type { OwnerMatch, Verbatim } from './types.js';

/** The owners named in owner cells, each cell in one or more parts. */
export const resolveOwners = (entries: Verbatim[][], ctx: Context): OwnerMatch[] =>
  entries.flatMap((parts) => matchOwners(parts, ctx.directory));

/** Reports the owners of a cell once: unknown owners with a suggestion, and several roles run together. */
export function reportOwners(cells: Verbatim[][], number: number, ctx: Context, seen: Set<string>): void {
  for (const parts of cells) {
    const key = parts.map((p) => `${p.start}`).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    const owners = matchOwners(parts, ctx.directory);
    const where = { start: parts[0].start, end: parts.at(-1)!.end };
    if (owners.filter((o) => o.match === 'ROLE').length > 1 && parts.length === 1) {
      ctx.findings.add(
        'SEVERAL_OWNERS_IN_ONE_CELL',
        `recommendation ${number}: the owner cell names ${owners.length} roles with no separator between them (${owners.map((o) => quote(o.title, 50)).join(', ')}); recorded as joint owners`,
        where,
        { recommendation: number },
      );
    }
    for (const o of owners.filter((x) => x.match !== 'ROLE')) {
      const near = [
        o.nearestRole && `nearest role ${quote(o.nearestRole.label, 60)} (${o.nearestRole.score})`,
        o.nearestAgency && `nearest agency ${quote(o.nearestAgency.label, 60)} (${o.nearestAgency.score})`,
      ].filter(Boolean);
      const agency = o.match === 'AGENCY_NAMED' ? `; it names the agency "${o.agency}"` : '';
      ctx.findings.add(
        'UNKNOWN_OWNER',
        `recommendation ${number}: owner ${quote(o.title)} matches no known role${agency}`,
        { start: o.text[0].start, end: o.text.at(-1)!.end },
        {
          recommendation: number,
          suggestion: {
            summary: `create role "${o.proposedRole!.slug}" (${o.proposedRole!.agency ? `agency ${o.proposedRole!.agency}` : 'agency unknown'}), or map it to an existing role; ${near.join(', ')}`,
            nearestRole: o.nearestRole,
            nearestAgency: o.nearestAgency,
            proposedRole: o.proposedRole,
          },
        },
      );
    }
  }
}
