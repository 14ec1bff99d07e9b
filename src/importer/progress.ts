/**
 * The progress reported under "Progress against commitments – Recommendation N (...)" headings: the
 * updates with their owners, dates and statuses, their links to the plan's actions, and the date
 * revisions they imply.
 */
import { readDate } from './dates.js';
import { quote, type Context } from './findings.js';
import { slice } from './lines.js';
import { reportLayout } from './layout.js';
import { reportOwners, resolveOwners } from './owners.js';
import { ownersFor, readRows, type LogicalParagraph, type LogicalRow } from './row-content.js';
import { dateRevisions } from './revisions.js';
import { yearlessDatesIn } from './sentences.js';
import { deriveStatus } from './status.js';
import { pairProgress } from './steps.js';
import type { ProgressBlock } from './table.js';
import type { ParsedProgress, ParsedRecommendation, Verbatim } from './types.js';

export interface RoundRef {
  slug: string;
  /** The first and last day of the "as at" period (or of the submission date). */
  from: string | null;
  to: string | null;
}

const plain = (v: Verbatim): Verbatim => ({ value: v.value, start: v.start, end: v.end });

/**
 * Rows of a progress block grouped into updates: a row with dates of its own starts a group, unless a
 * page break cut its first paragraph from the row above; rows without dates carry on the group above.
 */
function groups(rows: LogicalRow[]): LogicalRow[][] {
  const out: LogicalRow[][] = [];
  for (const row of rows) {
    if (out.length === 0 || (row.dates.length > 0 && !row.continuesPrevious)) out.push([row]);
    else out.at(-1)!.push(row);
  }
  return out;
}

export function readProgress(block: ProgressBlock, round: RoundRef, startKey: number, ctx: Context): ParsedProgress[] {
  const n = block.number;
  const F = ctx.findings;
  const content = readRows(block.rows);
  reportLayout(content, n, 'progress update', ctx);
  if (content.paragraphs.length === 0) {
    F.add('UNPARSED_ROW', `recommendation ${n}: the progress heading has no update under it`, block.heading, { recommendation: n });
    return [];
  }
  const reported = new Set<string>();
  const entries: ParsedProgress[] = [];
  for (const group of groups(content.rows)) {
    const rowSet = new Set(group.map((r) => r.index));
    const paragraphs = content.paragraphs.filter((p) => rowSet.has(p.row));
    const dates = group.flatMap((r) => r.dates);
    const pairing = pairProgress(paragraphs, dates);
    if (pairing.mismatch) {
      F.add(
        'STEP_DATE_MISMATCH',
        `recommendation ${n}: a progress row has ${paragraphs.length} paragraphs but ${dates.length} dates (${dates.map((d) => d.text.value).join(', ')}); paired in order${paragraphs.length > dates.length ? ', the paragraphs left over recorded with no date' : `, ${pairing.unpairedDates.length} dates left over`}`,
        { start: group[0].first.line.start, end: group.at(-1)!.first.line.end },
        { recommendation: n },
      );
    }
    for (const entry of pairing.entries) {
      entries.push(
        readUpdate(
          entry.paragraphs,
          entry.date?.text ?? null,
          entry.date ? ownersFor(content.rows, entry.date.row, entry.date) : ownersFor(content.rows, entry.paragraphs[0].row, null),
        ),
      );
    }
  }
  const carried = entries.filter((e) => e.ownerBasis === 'CARRIED_OVER').map((e) => e.key);
  if (carried.length) {
    F.add(
      'OWNER_CARRIED_OVER',
      `recommendation ${n}: the owner cell is empty beside progress ${carried.join(', ')} (a continuation row); the owner of the row above is applied`,
      { start: block.rows[0].line.start, end: block.rows.at(-1)!.line.end },
      { recommendation: n },
    );
  }
  return entries;

  function readUpdate(paragraphs: LogicalParagraph[], date: Verbatim | null, owner: ReturnType<typeof ownersFor>): ParsedProgress {
    const texts = paragraphs.flatMap((p) => p.parts.map(plain));
    const target = date ? plain(date) : null;
    const stated = target ? readDate(target.value) : null;
    const status = deriveStatus(target, stated, texts, round.to);
    reportOwners(owner.owners, n, ctx, reported);
    const owners = resolveOwners(owner.owners, ctx);
    const key = `p${startKey + entries.length}`;
    if (target && stated && stated.latest === null && !stated.completed) {
      F.add('UNREADABLE_DATE', `recommendation ${n}: the progress date ${quote(target.value)} cannot be read as a date`, target, {
        recommendation: n,
      });
    }
    if (status.futureCompletion) {
      F.add(
        'FUTURE_COMPLETION',
        `recommendation ${n}: the progress date ${quote(target!.value)} reports completion in a month after the round (as at ${round.to?.slice(0, 7)})${paragraphs.length > 1 ? ` and covers ${paragraphs.length} paragraphs` : ''}; status read from the text: ${status.status}${status.cue ? ` (${quote(status.cue.value)})` : ''}`,
        target!,
        { recommendation: n },
      );
    }
    if (status.contradictedBy) {
      F.add(
        'STATUS_CONTRADICTED_BY_TEXT',
        `recommendation ${n}: the update is marked ${quote(target!.value)} but its text says ${quote(status.contradictedBy.value)}`,
        status.contradictedBy,
        { recommendation: n },
      );
    }
    if (stated && !stated.completed && stated.latest !== null && round.from !== null && stated.latest < round.from) {
      F.add(
        'TARGET_PASSED_NOT_COMPLETED',
        `recommendation ${n}: the update states ${quote(target!.value)}, already past at the round (as at ${round.from.slice(0, 7)}), without saying it was completed`,
        target!,
        { recommendation: n },
      );
    }
    return {
      key,
      round: round.slug,
      heading: block.heading,
      paragraphs: texts,
      actions: [],
      linkBasis: 'NONE',
      owner: owners[0] ?? null,
      ownerBasis: owner.basis,
      status: status.status,
      statusBasis: status.basis,
      statusCue: status.cue,
      target,
    };
  }
}

/**
 * Links each round's updates to the plan's actions where the document leaves no doubt: a single
 * action, or as many updates as actions (in order). Otherwise the updates stay unlinked.
 */
export function linkProgress(rec: ParsedRecommendation, ctx: Context): void {
  const rounds = [...new Set(rec.progress.map((p) => p.round))];
  for (const round of rounds) {
    const updates = rec.progress.filter((p) => p.round === round);
    if (rec.actions.length === 1) {
      updates.forEach((u) => ((u.actions = [rec.actions[0].key]), (u.linkBasis = 'ONLY_ACTION')));
    } else if (rec.actions.length > 0 && updates.length === rec.actions.length) {
      updates.forEach((u, i) => ((u.actions = [rec.actions[i].key]), (u.linkBasis = 'IN_ORDER')));
    } else if (rec.actions.length > 0) {
      ctx.findings.add(
        'PROGRESS_NOT_LINKED',
        `recommendation ${rec.number}: ${updates.length} progress ${updates.length === 1 ? 'update' : 'updates'} in ${round} against ${rec.actions.length} planned steps; the document does not say which steps ${updates.length === 1 ? 'it reports' : 'they report'} on, so none are linked`,
        updates[0].heading,
        { recommendation: rec.number },
      );
    }
  }
  rec.dateRevisions = dateRevisions(rec.actions, rec.progress);
}

// "was completed in March 2024", "published in March 2024", "delivered in June 2024"
const DONE_IN =
  /\b(?:completed|published|delivered|concluded|launched|implemented|finished|introduced)\s+in\s+((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})/;

/**
 * Checks that need the whole recommendation: completions the text dates after the step's target,
 * owners that changed between the plan and the update, and dates in prose with no year.
 */
export function checkRecommendation(rec: ParsedRecommendation, ctx: Context): void {
  const F = ctx.findings;
  const n = rec.number;
  for (const p of rec.progress) {
    if (p.linkBasis !== 'ONLY_ACTION' || p.status !== 'COMPLETED') continue;
    const action = rec.actions.find((a) => a.key === p.actions[0]);
    const due = action?.target ? readDate(action.target.value).latest : null;
    for (const para of p.paragraphs) {
      const m = DONE_IN.exec(para.value);
      const done = m ? readDate(m[1]) : null;
      if (m && done?.latest && due && done.latest > due) {
        F.add(
          'COMPLETED_AFTER_TARGET',
          `recommendation ${n}: the update marked ${quote(p.target?.value ?? '')} says ${quote(m[0])}, after the step's target ${quote(action!.target!.value)}; the slip is not stated as such (no revision recorded: the date column gives no new date)`,
          slice(para, m.index, m.index + m[0].length),
          { recommendation: n },
        );
      }
    }
  }

  const planned = new Set(rec.actions.flatMap((a) => a.owners.map((o) => o.role ?? o.title)));
  const changed = new Map<string, ParsedProgress>();
  for (const p of rec.progress) {
    const who = p.owner ? (p.owner.role ?? p.owner.title) : null;
    if (who && planned.size > 0 && !planned.has(who) && !changed.has(who)) changed.set(who, p);
  }
  for (const [, p] of changed) {
    const plan = [...new Set(rec.actions.flatMap((a) => a.owners.map((o) => o.title)))];
    F.add(
      'OWNER_CHANGED',
      `recommendation ${n}: progress in ${p.round} is owned by ${quote(p.owner!.title)}, not by the plan's ${plan.map((t) => quote(t, 60)).join(' / ')}; the document does not say why`,
      { start: p.owner!.text[0].start, end: p.owner!.text.at(-1)!.end },
      { recommendation: n },
    );
  }

  const prose = [...(rec.text ? [rec.text] : []), ...(rec.response?.narrative ?? []), ...rec.progress.flatMap((p) => p.paragraphs)];
  for (const v of prose.flatMap(yearlessDatesIn)) {
    F.add('DATE_WITHOUT_YEAR', `recommendation ${n}: ${quote(v.value)} names no year; left as written, no date derived`, v, {
      recommendation: n,
    });
  }
}
