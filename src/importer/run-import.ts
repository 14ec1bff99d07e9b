/**
 * An import from start to end, as the command line and the `importActionPlan` mutation run it: read
 * the text, match names against the agencies and roles on record, parse, then store in one
 * transaction with its audit event (or, for a dry run, store and roll back, so the report of a dry
 * run is exactly what a real one would write).
 */
import type { AuditEvent } from '@prisma/client';
import type { Context } from '../context/context.js';
import type { Database } from '../database/client.js';
import { commitWrite } from '../writes/commit.js';
import { parseActionPlan } from './parse.js';
import { storePlan, type ImportSummary, type ImportTarget } from './store.js';
import type { Directory, Finding, ParsedPlan } from './types.js';

export interface ImportOutcome {
  summary: ImportSummary;
  /** The parse's findings, then those against the record. */
  findings: Finding[];
  plan: ParsedPlan;
  dryRun: boolean;
  /** The audit event of a real import that wrote something. */
  event: AuditEvent | null;
}

/** The agencies and roles on record, for matching the names a plan uses. */
export async function directoryOf(db: Database): Promise<Directory> {
  const [agencies, roles] = await Promise.all([
    db.agency.findMany({ select: { slug: true, name: true, abbreviation: true, aliases: true } }),
    db.role.findMany({ select: { slug: true, title: true, agencyId: true } }),
  ]);
  return { agencies, roles: roles.map((r) => ({ slug: r.slug, title: r.title, agency: r.agencyId })) };
}

class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

export async function runImport(ctx: Context, text: string, target: ImportTarget & { dryRun: boolean }): Promise<ImportOutcome> {
  const plan = parseActionPlan(text, await directoryOf(ctx.db));
  // The parse's findings, then those that comparing it with the record gave.
  const outcome = (summary: ImportSummary, dryRun: boolean, event: ImportOutcome['event']): ImportOutcome => ({
    summary,
    findings: [...plan.findings, ...summary.recordFindings],
    plan,
    dryRun,
    event,
  });
  if (target.dryRun) {
    try {
      await ctx.db.$transaction(
        async (tx) => {
          throw new DryRun(await storePlan(tx, text, plan, target));
        },
        { timeout: 60_000 },
      );
    } catch (error) {
      if (error instanceof DryRun) return outcome(error.summary, true, null);
      throw error;
    }
  }
  // An identical document writes nothing, so it records no audit event either.
  const same = await ctx.db.sourceDocument.findFirst({ where: { sha256: plan.document.sha256 }, select: { slug: true } });
  if (same) {
    const summary = await ctx.db.$transaction((tx) => storePlan(tx, text, plan, target));
    return outcome(summary, false, null);
  }
  const placeholder = { type: 'Inspection' as const, id: '', inspectionId: null, recommendationId: null, agencyIds: [] };
  const { result, event } = await commitWrite(
    ctx,
    { operation: 'importActionPlan', subject: placeholder, expectedVersion: null, timeoutMs: 120_000 },
    async (tx) => {
      const summary = await storePlan(tx, text, plan, target);
      const inspection = summary.inspection.slug;
      return {
        result: summary,
        before: null,
        after: summaryJson(summary),
        subject: { ...placeholder, id: inspection, inspectionId: inspection },
      };
    },
  );
  return outcome(result, false, event);
}

/** What the audit event keeps of an import: what it created and kept. */
const summaryJson = (s: ImportSummary) => JSON.parse(JSON.stringify(s)) as Record<string, never>;
