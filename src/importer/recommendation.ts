/**
 * One recommendation row of the plan: its number, text and addressees, the response and its reasons,
 * and the steps (actions) with their owners and target dates.
 */
import type { Fragment } from './cells.js';
import { isReadableDate, readDate } from './dates.js';
import { quote, type Context } from './findings.js';
import { responseValueOf } from './front-matter.js';
import { reportLayout } from './layout.js';
import { matchAgencies, nearestKnown, unmatchedNames } from './match-agencies.js';
import { reportOwners, resolveOwners } from './owners.js';
import { allDates, ownersFor, readRows, type LogicalParagraph, type RowContent } from './row-content.js';
import { statedReasons } from './reasons.js';
import { pairPlanSteps } from './steps.js';
import type { PlanBlock } from './table.js';
import type { ParsedAction, ParsedRecommendation, Verbatim } from './types.js';
import { slugify } from '../domain/slug.js';

function readAddressees(block: PlanBlock, text: Verbatim | null, ctx: Context): ParsedRecommendation['addressees'] {
  const n = block.number;
  if (text) {
    // "The senior national coordinator should ..." names its own addressee, which the heading may not.
    const own = /^(The\s.+?)\s+should\b/.exec(text.value);
    if (own && matchAgencies({ ...text, value: own[1], end: text.start + own[1].length }, ctx.directory).length === 0) {
      ctx.findings.add(
        'ADDRESSEE_IN_TEXT',
        `recommendation ${n}: the recommendation is addressed to ${quote(own[1])}, which matches no known agency or role${block.heading ? `; its heading is ${quote(block.heading.value)}, used as the addressee` : ''}`,
        { start: text.start, end: text.start + own[1].length },
        { recommendation: n },
      );
    }
  }
  if (!block.heading) {
    ctx.findings.add('MISSING_ADDRESSEE', `recommendation ${n}: no addressee heading ("... should:") precedes the row`, block.numberText, {
      recommendation: n,
    });
    return null;
  }
  const agencies = matchAgencies(block.heading, ctx.directory);
  const unknown = unmatchedNames(block.heading, agencies);
  for (const { name, oneBody } of unknown) {
    const near = nearestKnown(name.value, ctx.directory).agency;
    const create = oneBody
      ? `create agency "${slugify(name.value)}" as written, or map it to an existing agency`
      : 'not created: the words may name more than one body, or qualify a known one; create or map each';
    ctx.findings.add(
      'UNKNOWN_ADDRESSEE',
      `recommendation ${n}: the heading ${quote(block.heading.value)} names ${quote(name.value)}, which matches no known agency`,
      name,
      {
        recommendation: n,
        suggestion: { summary: `${create}${near ? `; nearest agency "${near.slug}" (${near.score})` : ''}`, nearestAgency: near },
      },
    );
  }
  return { heading: block.heading, agencies, unknown };
}

const plain = (f: Fragment): Verbatim => ({ value: f.value, start: f.start, end: f.end });

export function readRecommendation(block: PlanBlock, ctx: Context): { recommendation: ParsedRecommendation; content: RowContent } {
  const n = block.number;
  const content = readRows(block.rows);
  const F = ctx.findings;

  const text = content.recommendation[0] ? plain(content.recommendation[0]) : null;
  if (content.recommendation.length > 1) {
    F.add(
      'CELL_SPLIT_BY_PAGE_BREAK',
      `recommendation ${n}: the recommendation cell is in ${content.recommendation.length} parts; the first is recorded`,
      content.recommendation[1],
      {
        recommendation: n,
      },
    );
  }

  const responseText = content.response.map((f) => f.value).join(' ');
  const value = responseValueOf(responseText);
  if (!value) {
    F.add(
      'UNREADABLE_RESPONSE',
      `recommendation ${n}: the response cell ${quote(responseText)} is not one of Agreed / Partly Agreed / Not Agreed`,
      content.response[0] ?? block.numberText,
      { recommendation: n },
    );
  }
  const narrative = content.paragraphs.flatMap((p) => p.parts.map(plain));
  const reasons = value && value !== 'AGREED' ? statedReasons(narrative) : [];
  if (value && value !== 'AGREED' && reasons.length === 0) {
    F.add(
      'REASON_NOT_STATED',
      `recommendation ${n}: ${value === 'NOT_AGREED' ? 'Not Agreed' : 'Partly Agreed'} without a stated reason (commissioning, policy, operational or affordability)`,
      content.response[0],
      { recommendation: n },
    );
  }
  if (narrative.length === 0 && value !== 'NOT_AGREED') {
    F.add('EMPTY_RESPONSE', `recommendation ${n}: the response cell is empty`, block.numberText, { recommendation: n });
  }
  reportLayout(content, n, 'response', ctx);

  const recommendation: ParsedRecommendation = {
    number: n,
    numberText: block.numberText,
    text,
    addressees: readAddressees(block, text, ctx),
    response: value ? { value, cite: plain(content.response[0]), narrative, reasons } : null,
    actions: value === 'NOT_AGREED' ? [] : readActions(content, n, reasons, ctx),
    progress: [],
    dateRevisions: [],
    span: { start: block.rows[0].line.start, end: block.rows.at(-1)!.line.end },
  };
  if (value === 'NOT_AGREED' && allDates(content).some((d) => isReadableDate(readDate(d.text.value)))) {
    F.add(
      'NOT_AGREED_WITH_STEPS',
      `recommendation ${n}: Not Agreed, yet the row gives target dates; no actions recorded`,
      allDates(content)[0].text,
      {
        recommendation: n,
      },
    );
  }
  return { recommendation, content };
}

function readActions(content: RowContent, n: number, reasons: { cite: Verbatim }[], ctx: Context): ParsedAction[] {
  const F = ctx.findings;
  const dates = allDates(content);
  if (content.paragraphs.length === 0) return [];
  // The paragraph saying why a recommendation is only partly agreed is not a step.
  const inside = (c: Verbatim, p: LogicalParagraph) => p.parts.some((part) => part.start <= c.start && c.end <= part.end);
  const notSteps = new Set(content.paragraphs.flatMap((p, i) => (reasons.some((r) => inside(r.cite, p)) ? [i] : [])));
  const pairing = pairPlanSteps(content.paragraphs, dates, notSteps);
  const where = { start: content.rows[0].first.line.start, end: content.rows.at(-1)!.first.line.end };

  if (pairing.mismatch) {
    const items = content.paragraphs.filter((p) => p.kind === 'item').length;
    F.add(
      'STEP_DATE_MISMATCH',
      `recommendation ${n}: the response has ${content.paragraphs.length} paragraphs${items ? ` (${items} list items)` : ''} but the date column ${dates.length} dates; the first ${Math.min(content.paragraphs.length, dates.length)} are paired in order${pairing.unpairedDates.length ? `, ${pairing.unpairedDates.length} dates left over` : ', the rest recorded as narrative only'}`,
      where,
      { recommendation: n },
    );
  }
  const single = pairing.steps.find((s) => s.basis === 'STATES_TARGET' || s.basis === 'FIRST_PARAGRAPH');
  if (single) {
    F.add(
      'SINGLE_DATE_SEVERAL_PARAGRAPHS',
      `recommendation ${n}: one target date (${quote(single.date!.text.value)}) for ${content.paragraphs.length} paragraphs; recorded as one step, ${single.basis === 'STATES_TARGET' ? 'the paragraph that states that date' : 'the first paragraph'}`,
      single.date!.text,
      { recommendation: n },
    );
  }
  const readable = dates.map((d) => readDate(d.text.value).latest).filter((d): d is string => d !== null);
  if (readable.some((d, i) => i > 0 && d < readable[i - 1])) {
    F.add(
      'DATES_OUT_OF_ORDER',
      `recommendation ${n}: the target dates are not in date order (${dates.map((d) => d.text.value).join(', ')}); paired with the steps as written`,
      { start: dates[0].text.start, end: dates.at(-1)!.text.end },
      { recommendation: n },
    );
  }

  const reported = new Set<string>();
  const carried: string[] = [];
  const actions = pairing.steps.map((step, i): ParsedAction => {
    const key = `a${i + 1}`;
    const [first, ...rest] = step.paragraph.parts.map(plain);
    const target = step.date ? plain(step.date.text) : (step.inText?.text ?? null);
    const { owners, basis } = ownersFor(content.rows, step.date?.row ?? step.paragraph.row, step.date);
    reportOwners(owners, n, ctx, reported);
    if (basis === 'CARRIED_OVER') carried.push(key);
    if (step.basis === 'DATE_IN_TEXT') {
      F.add(
        'DATE_ONLY_IN_TEXT',
        `recommendation ${n}: a step has no date in the date column but states its own deadline ${quote(step.inText!.text.value)}; recorded as its target`,
        step.inText!.text,
        { recommendation: n },
      );
    }
    if (step.basis === 'NO_DATE') {
      F.add('MISSING_TARGET_DATE', `recommendation ${n}: the response gives no target date`, first, { recommendation: n });
    }
    if (target && !isReadableDate(readDate(target.value))) {
      F.add('UNREADABLE_DATE', `recommendation ${n}: the target date ${quote(target.value)} cannot be read as a date`, target, {
        recommendation: n,
      });
    }
    return { key, text: first, continuedIn: rest, owners: resolveOwners(owners, ctx), ownerBasis: basis, target, basis: step.basis };
  });
  if (carried.length) {
    F.add(
      'OWNER_CARRIED_OVER',
      `recommendation ${n}: the owner cell is empty beside ${carried.length === 1 ? 'step' : 'steps'} ${carried.join(', ')} (a continuation row); the owner of the row above is applied`,
      where,
      { recommendation: n },
    );
  }
  return actions;
}
