/**
 * Matches owner cells and addressee headings to known roles and agencies. Role titles are matched
 * first, whole and normalised (case, spacing, "&"/"and", quote and dash styles); then agencies by name,
 * alias or abbreviation inside the text. Whatever matches nothing is returned as UNKNOWN with the
 * nearest known role and agency and a proposed new role, for a reviewer to decide: never merged silently.
 */
import { slice, trimmed } from './lines.js';
import { nearest } from './similarity.js';
import type { AgencyMatch, Directory, Nearest, OwnerMatch, ProposedRole, Verbatim } from './types.js';
import { slugify } from '../domain/slug.js';

/** Text folded for comparison, with the source offset of every folded character. */
interface Folded {
  text: string;
  at: number[];
}

function fold(s: string, lower: boolean): Folded {
  let text = '';
  const at: number[] = [];
  const put = (chars: string, i: number) => {
    for (const c of chars) {
      text += c;
      at.push(i);
    }
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (/\s/.test(c)) {
      if (!text.endsWith(' ')) put(' ', i);
    } else if (c === '&') put('and', i);
    else if (c === '’' || c === '‘') put("'", i);
    else if (c === '–' || c === '—') put('-', i);
    else put(lower ? c.toLowerCase() : c, i);
  }
  return { text, at };
}

const foldedKey = (s: string) => fold(s.trim(), true).text;
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

interface Needle<T> {
  text: string;
  caseSensitive: boolean;
  item: T;
}

/** Every occurrence of the needles as whole words, longest first, never overlapping. */
function findAll<T>(hay: Verbatim, needles: Needle<T>[]): { item: T; needle: Needle<T>; text: Verbatim }[] {
  const folded = { true: fold(hay.value, false), false: fold(hay.value, true) };
  const taken: [number, number][] = [];
  const found: { item: T; needle: Needle<T>; text: Verbatim }[] = [];
  for (const needle of [...needles].sort((a, b) => b.text.length - a.text.length)) {
    const f = folded[`${needle.caseSensitive}`];
    const key = fold(needle.text.trim(), !needle.caseSensitive).text;
    if (key === '') continue;
    for (let i = f.text.indexOf(key); i !== -1; i = f.text.indexOf(key, i + 1)) {
      const j = i + key.length;
      if (isWordChar(f.text[i - 1]) && isWordChar(key[0])) continue;
      if (isWordChar(f.text[j]) && isWordChar(key.at(-1))) continue;
      const start = f.at[i];
      const end = f.at[j - 1] + 1;
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      taken.push([start, end]);
      found.push({ item: needle.item, needle, text: slice(hay, start, end) });
    }
  }
  return found.sort((a, b) => a.text.start - b.text.start);
}

type AgencyEntry = Directory['agencies'][number];
type RoleEntry = Directory['roles'][number];

function agencyNeedles(d: Directory): Needle<{ agency: AgencyEntry; by: AgencyMatch['by'] }>[] {
  return d.agencies.flatMap((agency) => [
    { text: agency.name, caseSensitive: false, item: { agency, by: 'NAME' as const } },
    ...agency.aliases.map((a) => ({ text: a, caseSensitive: false, item: { agency, by: 'ALIAS' as const } })),
    // Abbreviations are matched in their own case so that "CTP" does not match an ordinary word.
    ...(agency.abbreviation ? [{ text: agency.abbreviation, caseSensitive: true, item: { agency, by: 'ABBREVIATION' as const } }] : []),
  ]);
}

/** Agencies named in the text (an addressee heading, an owner title). */
export function matchAgencies(text: Verbatim, d: Directory): AgencyMatch[] {
  return findAll(text, agencyNeedles(d)).map((m) => ({ agency: m.item.agency.slug, text: m.text, by: m.item.by }));
}

// What may stand around or between the names of a heading without being a name: "The", "and", "should:".
const LEADING = /^(?:[\s,;:]+|(?:and|the)\b|&)+/i;
const TRAILING = /(?:[\s,;:]+|\b(?:and|the|should)|&)+$/i;
const JOINER = /[,;&]|\band\b/i;

/**
 * Whether words name one body, so that it can be created as written. Not when they may name several
 * ("Home Office and Ministry of Justice" is two bodies, "Prison and Probation Service" one, and the
 * words alone cannot tell them apart), nor when they start in lower case ("working with"): names of
 * bodies are capitalised, the words that join them are not.
 */
const namesOneBody = (name: string): boolean => /^\p{Lu}/u.test(name) && !/\s(?:and|&)\s|[,;]/.test(name);

/**
 * The stretches of an addressee heading that no matched agency covers, each trimmed of the words that
 * join names ("The Home Office and the Ministry of Widgets should:" -> "Ministry of Widgets"), so that a
 * name the record does not hold is never dropped because another one in the heading matched. `oneBody`:
 * the words name one body and stand apart from the names matched (joined to them by "and", "&" or a
 * comma, not running into them as "HMPPS Widgets Unit" does), so the body can be created as written.
 */
export function unmatchedNames(heading: Verbatim, matched: AgencyMatch[]): { name: Verbatim; oneBody: boolean }[] {
  const out: { name: Verbatim; oneBody: boolean }[] = [];
  let from = 0;
  for (let i = 0; i <= matched.length; i++) {
    const previous = matched[i - 1];
    const next = matched[i];
    const gap = slice(heading, from, next ? next.text.start - heading.start : heading.value.length);
    if (next) from = next.text.end - heading.start;
    const lead = LEADING.exec(gap.value)?.[0] ?? '';
    const rest = gap.value.slice(lead.length);
    const trail = TRAILING.exec(rest)?.[0] ?? '';
    if (rest.length === trail.length) continue;
    const name = slice(gap, lead.length, gap.value.length - trail.length);
    const apart = (!previous || JOINER.test(lead)) && (!next || JOINER.test(trail));
    out.push({ name, oneBody: apart && namesOneBody(name.value) });
  }
  return out;
}

/** The nearest known role and agency to a name that matched neither. */
export function nearestKnown(title: string, d: Directory): { role?: Nearest; agency?: Nearest } {
  const role = nearest(title, d.roles, (r) => [r.title]);
  const agency = nearest(title, d.agencies, (a) => [a.name, ...a.aliases, ...(a.abbreviation ? [a.abbreviation] : [])]);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    role: role ? { slug: role.item.slug, label: role.item.title, score: round(role.score) } : undefined,
    agency: agency ? { slug: agency.item.slug, label: agency.item.name, score: round(agency.score) } : undefined,
  };
}

// Below this, the nearest agency is too unlike the owner to propose it as the new role's agency.
const AGENCY_PROPOSAL_THRESHOLD = 0.5;

function unknownOwner(text: Verbatim[], title: string, d: Directory): OwnerMatch {
  const named = text.flatMap((t) => matchAgencies(t, d));
  const near = nearestKnown(title, d);
  const proposedAgency: Pick<ProposedRole, 'agency' | 'agencyBasis'> = named.length
    ? { agency: named[0].agency, agencyBasis: 'NAMED' }
    : near.agency && near.agency.score >= AGENCY_PROPOSAL_THRESHOLD
      ? { agency: near.agency.slug, agencyBasis: 'NEAREST' }
      : { agency: null, agencyBasis: 'NONE' };
  return {
    text,
    title,
    role: null,
    agency: named[0]?.agency ?? null,
    match: named.length ? 'AGENCY_NAMED' : 'UNKNOWN',
    nearestRole: near.role,
    nearestAgency: near.agency,
    proposedRole: { slug: slugify(title), title, ...proposedAgency },
  };
}

const roleMatch = (text: Verbatim[], role: RoleEntry): OwnerMatch => ({
  text,
  title: role.title,
  role: role.slug,
  agency: role.agency,
  match: 'ROLE',
});

// What may stand between two owners in one cell without being an owner itself.
const SEPARATOR = /^(?:[\s,;/|]|and\b|&)*$/i;

/**
 * The owners named in an owner cell. `parts` is the cell's text, in more than one part where a page
 * break split it. A cell naming several roles with nothing between them gives several owners.
 */
export function matchOwners(parts: Verbatim[], d: Directory): OwnerMatch[] {
  const title = parts.map((p) => p.value.trim()).join(' ');
  const whole = d.roles.find((r) => foldedKey(r.title) === foldedKey(title));
  if (whole) return [roleMatch(parts, whole)];
  if (parts.length > 1) return [unknownOwner(parts, title, d)];

  const cell = parts[0];
  const roles = findAll(
    cell,
    d.roles.map((r) => ({ text: r.title, caseSensitive: false, item: r })),
  );
  const owners: OwnerMatch[] = [];
  let from = 0;
  const gap = (to: number) => {
    const between = trimmed(slice(cell, from, to));
    if (!SEPARATOR.test(between.value)) owners.push(unknownOwner([between], between.value, d));
  };
  for (const r of roles) {
    gap(r.text.start - cell.start);
    owners.push(roleMatch([r.text], r.item));
    from = r.text.end - cell.start;
  }
  gap(cell.value.length);
  return owners;
}
