/**
 * What an update of a plan on record states differently about what the record already holds: a
 * recommendation's row (its text, response and actions, under the plan's round) or a progress update
 * of a round on record. The record keeps what it has: a later edition does not rewrite a round on
 * record, and either may be the one in error. Each difference is reported with both values, for a
 * reviewer to decide, as a DIFFERS_FROM_RECORD finding.
 */
import type { Prisma } from '@prisma/client';
import { Findings } from './findings.js';
import type { Finding, OwnerMatch, ParsedPlan, Span, Verbatim } from './types.js';

// Values longer than this are shown from a little before where they differ to a little after.
const WHOLE = 160;
const CONTEXT = 40;

/** Two values that differ, as quoted in a finding: whole when short, else the stretch that differs. */
export function contrast(onRecord: string | null, inText: string | null): [string, string] {
  if (onRecord === null || inText === null || (onRecord.length <= WHOLE && inText.length <= WHOLE))
    return [onRecord === null ? 'none' : JSON.stringify(onRecord), inText === null ? 'none' : JSON.stringify(inText)];
  let same = 0;
  while (same < onRecord.length && same < inText.length && onRecord[same] === inText[same]) same++;
  let tail = 0;
  while (
    tail < onRecord.length - same &&
    tail < inText.length - same &&
    onRecord[onRecord.length - 1 - tail] === inText[inText.length - 1 - tail]
  )
    tail++;
  // Cut at spaces, so that no word is shown in part; the stretches cut are the same in both values.
  const from = same > CONTEXT ? onRecord.lastIndexOf(' ', same - CONTEXT) + 1 : 0;
  const cut = (s: string) => {
    const space = s.indexOf(' ', s.length - tail + CONTEXT);
    const to = space === -1 ? s.length : space;
    return JSON.stringify(`${from > 0 ? '…' : ''}${s.slice(from, to)}${to < s.length ? '…' : ''}`);
  };
  return [cut(onRecord), cut(inText)];
}

export async function differencesFromRecord(
  tx: Prisma.TransactionClient,
  plan: ParsedPlan,
  /** The recommendations on record before this import, by number. */
  onRecord: Map<number, string>,
  rounds: { ids: Map<string, string>; created: Set<string> },
  roleIds: Map<OwnerMatch, string>,
): Promise<Finding[]> {
  const F = new Findings();
  const ids = plan.recommendations.flatMap((R) => (onRecord.has(R.number) ? [onRecord.get(R.number)!] : []));
  const records = new Map(
    (
      await tx.recommendation.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          text: true,
          response: true,
          responseNarrative: true,
          actions: {
            select: { key: true, text: true, targetText: true, owners: { select: { roleId: true }, orderBy: { sequence: 'asc' } } },
          },
          progressUpdates: {
            select: { key: true, roundId: true, paragraphs: true, targetText: true, ownerId: true },
            orderBy: { sequence: 'asc' },
          },
        },
      })
    ).map((r) => [r.id, r]),
  );

  for (const R of plan.recommendations) {
    const record = onRecord.has(R.number) ? records.get(onRecord.get(R.number)!) : undefined;
    if (!record) continue;
    const report = (where: string, field: string, [was, now]: [string, string], span: Span) =>
      F.add(
        'DIFFERS_FROM_RECORD',
        `recommendation ${R.number}, ${where}, ${field}: ${was} on record, ${now} in the text; the record is kept`,
        span,
        { recommendation: R.number },
      );
    const differ = (where: string, field: string, was: string | null, now: string | null, span: Span) => {
      if (was !== now) report(where, field, contrast(was, now), span);
    };
    const differEach = (where: string, field: string, was: string[], now: Verbatim[], fallback: Span) => {
      for (let i = 0; i < Math.max(was.length, now.length); i++)
        differ(where, `${field} ${i + 1}`, was[i] ?? null, now[i]?.value ?? null, now[i] ?? now.at(-1) ?? fallback);
    };

    // The row, as the plan's round recorded it.
    const row = `round ${plan.inspection.planRound}`;
    differ(row, 'text', record.text, R.text?.value ?? null, R.text ?? R.numberText);
    differ(row, 'response', record.response, R.response?.value ?? null, R.response?.cite ?? R.numberText);
    differEach(row, 'response paragraph', record.responseNarrative, R.response?.narrative ?? [], R.numberText);
    const actions = new Map(record.actions.map((a) => [a.key, a]));
    for (const a of R.actions) {
      const was = actions.get(a.key);
      actions.delete(a.key);
      const text = [a.text, ...a.continuedIn].map((p) => p.value).join(' ');
      if (!was) {
        differ(row, `action ${a.key}`, null, text, a.text);
        continue;
      }
      differ(row, `action ${a.key} text`, was.text, text, a.text);
      differ(row, `action ${a.key} target`, was.targetText, a.target?.value ?? null, a.target ?? a.text);
      const owners = (ids: string[]) => (ids.length ? ids.join(' + ') : null);
      differ(
        row,
        `action ${a.key} owners`,
        owners(was.owners.map((o) => o.roleId)),
        owners([...new Set(a.owners.map((o) => roleIds.get(o)!))]),
        a.owners[0]?.text[0] ?? a.text,
      );
    }
    for (const [key, was] of actions) differ(row, `action ${key}`, was.text, null, R.numberText);

    // Progress of the rounds on record, paired in order within each round.
    const byRound = new Map<string, typeof R.progress>();
    for (const p of R.progress.filter((x) => rounds.ids.has(x.round) && !rounds.created.has(x.round)))
      byRound.set(p.round, [...(byRound.get(p.round) ?? []), p]);
    for (const [round, now] of byRound) {
      const was = record.progressUpdates.filter((u) => u.roundId === rounds.ids.get(round));
      if (was.length !== now.length) report(`round ${round}`, 'progress updates', [`${was.length}`, `${now.length}`], now[0].heading);
      for (let i = 0; i < Math.min(was.length, now.length); i++) {
        const [u, p] = [was[i], now[i]];
        const where = `round ${round}, progress update ${u.key}`;
        differEach(where, 'paragraph', u.paragraphs, p.paragraphs, p.heading);
        differ(where, 'target', u.targetText, p.target?.value ?? null, p.target ?? p.heading);
        differ(where, 'owner', u.ownerId, p.owner ? roleIds.get(p.owner)! : null, p.owner?.text[0] ?? p.heading);
      }
    }
  }
  return F.list;
}
