/**
 * A reader's summary of a parse: what would be imported, recommendation by recommendation, and the
 * findings report.
 */
import type { Finding, ParsedPlan } from './types.js';

const LABEL = { AGREED: 'Agreed', PARTLY_AGREED: 'Partly Agreed', NOT_AGREED: 'Not Agreed' } as const;

/** "1-12, 14-21" */
export function ranges(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j;
  }
  return out.join(', ');
}

export function counts(plan: ParsedPlan) {
  const recs = plan.recommendations;
  const actions = recs.flatMap((r) => r.actions);
  const progress = recs.flatMap((r) => r.progress);
  const owners = [...actions.flatMap((a) => a.owners), ...progress.flatMap((p) => (p.owner ? [p.owner] : []))];
  return {
    recommendations: recs.length,
    responses: Object.fromEntries(Object.keys(LABEL).map((k) => [k, recs.filter((r) => r.response?.value === k).length])),
    actions: actions.length,
    actionsWithTarget: actions.filter((a) => a.target).length,
    progress: progress.length,
    linkedProgress: progress.filter((p) => p.actions.length > 0).length,
    dateRevisions: recs.reduce((n, r) => n + r.dateRevisions.length, 0),
    owners: owners.length,
    ownersMatched: owners.filter((o) => o.role).length,
    findings: plan.findings.length,
  };
}

const line = (f: Finding) =>
  `  [${f.severity === 'WARNING' ? 'warning' : 'info'}] ${f.kind}${f.recommendation ? ` (r${f.recommendation})` : ''}: ${f.message}${f.suggestion ? `\n      suggestion: ${f.suggestion.summary}` : ''}`;

export function formatFindings(findings: Finding[]): string {
  if (findings.length === 0) return 'Findings: none';
  const warnings = findings.filter((f) => f.severity === 'WARNING');
  const infos = findings.filter((f) => f.severity === 'INFO');
  return [
    `Findings: ${findings.length} (${warnings.length} warnings, ${infos.length} notes)`,
    ...warnings.map(line),
    ...infos.map(line),
  ].join('\n');
}

export function formatSummary(plan: ParsedPlan, inspection: { slug: string | null; existing: number | null }): string {
  const c = counts(plan);
  const I = plan.inspection;
  const out: string[] = [];
  out.push(`Action plan: ${I.actionPlanTitle?.value ?? '(no title line)'}`);
  if (I.title) out.push(`Responds to: ${I.title.value}${I.published ? ` (report published ${I.published.value})` : ''}`);
  out.push(
    inspection.slug
      ? `Inspection: ${inspection.slug}${inspection.existing === null ? ' (new)' : ` (exists, ${inspection.existing} recommendations on record)`}`
      : 'Inspection: not given (--inspection <slug>)',
  );
  out.push('Rounds:');
  for (const r of I.rounds) {
    out.push(
      `  ${r.slug}  ${r.label}${r.submittedOn ? `, submitted ${r.submittedOn.value}` : ''}${r.asAt ? `, as at ${r.asAt.value}` : ''}${r.slug === I.planRound ? '  (plan rows recorded here)' : ''}`,
    );
  }
  out.push(
    `Recommendations: ${c.recommendations} (${ranges(plan.recommendations.map((r) => r.number))}): ${Object.entries(c.responses)
      .map(([k, n]) => `${n} ${LABEL[k as keyof typeof LABEL]}`)
      .join(', ')}`,
  );
  out.push(`Actions: ${c.actions} (${c.actionsWithTarget} with a target date)`);
  out.push(`Progress updates: ${c.progress} (${c.linkedProgress} linked to actions)`);
  out.push(`Date revisions: ${c.dateRevisions}`);
  out.push(`Owners named: ${c.owners} (${c.ownersMatched} matched to known roles)`);
  if (I.reportedSummary.length)
    out.push(`Tally as printed: ${I.reportedSummary.map((s) => `${s.cite.value.replace(/\t/g, ' ')}`).join(', ')}`);
  out.push('');
  for (const r of plan.recommendations) {
    const value = r.response ? LABEL[r.response.value] : 'response unreadable';
    const to = r.addressees
      ? `${r.addressees.heading.value} -> ${[...r.addressees.agencies.map((a) => a.agency), ...r.addressees.unknown.map((u) => `?${u.name.value}`)].join(', ') || '?'}`
      : 'no addressee';
    out.push(`r${r.number}  ${value}  [${to}]`);
    for (const a of r.actions) {
      out.push(
        `  ${a.key}  ${a.target?.value ?? '(no date)'}  ${a.owners.map((o) => o.role ?? `?${o.title}`).join(' + ') || '(no owner)'}  <${a.basis}>`,
      );
    }
    for (const p of r.progress) {
      out.push(
        `  ${p.key}  ${p.round}  ${p.status}${p.statusBasis === 'TEXT' ? ' (from text)' : ''}  ${p.target?.value ?? '(no date)'}  ${p.owner ? (p.owner.role ?? `?${p.owner.title}`) : '(no owner)'}  -> ${p.actions.join(', ') || '(not linked)'}`,
      );
    }
    for (const d of r.dateRevisions)
      out.push(
        `  revision ${d.action}: ${d.previous.value} -> ${d.revised.value} in ${d.round}${d.reason ? `, because: ${d.reason.value}` : ''}`,
      );
  }
  out.push('');
  out.push(formatFindings(plan.findings));
  return out.join('\n');
}

/** What an import wrote (or, for a dry run, would write). */
export function formatStored(s: import('./store.js').ImportSummary, dryRun: boolean): string {
  if (s.alreadyImportedAs) return `This document is already on record as "${s.alreadyImportedAs}": nothing was written.`;
  const verb = dryRun ? 'would create' : 'created';
  const out = [
    `${dryRun ? 'Dry run: nothing was written. The import' : 'The import'} ${verb}:`,
    `  document ${s.document.slug}; inspection ${s.inspection.slug}${s.inspection.created ? ' (new)' : ' (on record: only what it lacks is added)'}`,
    `  rounds: ${s.rounds.created.join(', ') || 'none'}${s.rounds.kept.length ? ` (already on record: ${s.rounds.kept.join(', ')})` : ''}`,
    `  recommendations: ${ranges(s.recommendations.created) || 'none'}${s.recommendations.kept.length ? ` (already on record: ${ranges(s.recommendations.kept)})` : ''}`,
    `  ${s.actions} actions, ${s.progressUpdates} progress updates, ${s.dateRevisions} date revisions, ${s.notes} notes, ${s.citations} citations`,
  ];
  if (s.agenciesCreated.length)
    out.push(`  agencies not on record, created: ${s.agenciesCreated.map((a) => `${a.slug} ("${a.name}")`).join(', ')}`);
  if (s.rolesCreated.length)
    out.push(
      `  roles not on record, created: ${s.rolesCreated.map((r) => `${r.slug} ("${r.title}"${r.agency ? `, in ${r.agency}` : ', agency not stated'})`).join(', ')}`,
    );
  // The parse's findings are listed with the plan; these come from comparing it with the record.
  if (s.recordFindings.length) out.push('', formatFindings(s.recordFindings).replace(/^Findings:/, 'Findings against the record:'));
  return out.join('\n');
}
