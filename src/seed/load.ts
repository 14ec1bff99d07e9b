/**
 * Loads the curated record into the database. Idempotent: the digest of the rows is recorded, and a
 * database that already holds the same digest is left alone. When the seed files change, the curated
 * record is replaced in one transaction; ids are deterministic, so global ids survive the reload. Once
 * anything has been written through the API the record is never replaced: that would erase writes.
 */
import type { Database } from '../database/client.js';
import { readSeeds } from './read.js';
import { buildRows, sha256 } from './rows.js';

// Serialises concurrent loaders (two processes starting against one empty database).
const SEED_LOCK = 7_204_211;

export interface SeedResult {
  digest: string;
  loaded: boolean;
  rows: number;
  /** Writes made through the API, which kept a changed record from being replaced. */
  keptForWrites?: number;
}

export async function loadSeeds(db: Database, seedsDir: string): Promise<SeedResult> {
  const rows = buildRows(readSeeds(seedsDir));
  const digest = sha256(JSON.stringify(rows));
  const count = Object.values(rows).reduce((n, list) => n + list.length, 0);
  if (await db.seedLoad.findUnique({ where: { digest } })) return { digest, loaded: false, rows: count };

  let keptForWrites = 0;
  const loaded = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      if (await tx.seedLoad.findUnique({ where: { digest } })) return false;
      // Replacing the record would erase what was written through the API since: never.
      keptForWrites = await tx.auditEvent.count();
      if (keptForWrites > 0) return false;
      // Children first; each deleteMany is one statement, so the agency self-reference is checked at its end.
      await tx.citation.deleteMany();
      await tx.progressUpdateAction.deleteMany();
      await tx.actionOwner.deleteMany();
      await tx.dateRevision.deleteMany();
      await tx.progressUpdate.deleteMany();
      await tx.action.deleteMany();
      await tx.recommendationAddressee.deleteMany();
      await tx.recommendationDependency.deleteMany();
      await tx.dependencyLink.deleteMany();
      await tx.actionDependency.deleteMany();
      await tx.recordNote.deleteMany();
      await tx.recommendation.deleteMany();
      await tx.dependencyUpdate.deleteMany();
      await tx.reportingRound.deleteMany();
      await tx.summaryFigure.deleteMany();
      await tx.keyFact.deleteMany();
      await tx.responseTerm.deleteMany();
      await tx.planRespondent.deleteMany();
      await tx.inspectionInspectorate.deleteMany();
      await tx.inspection.deleteMany();
      await tx.dependency.deleteMany();
      await tx.role.deleteMany();
      await tx.documentIssuer.deleteMany();
      await tx.agency.deleteMany();
      await tx.sourceDocument.deleteMany();
      await tx.seedLoad.deleteMany();

      await tx.sourceDocument.createMany({ data: rows.documents });
      await tx.agency.createMany({ data: rows.agencies });
      await tx.documentIssuer.createMany({ data: rows.documentIssuers });
      await tx.role.createMany({ data: rows.roles });
      await tx.dependency.createMany({ data: rows.dependencies });
      await tx.inspection.createMany({ data: rows.inspections });
      await tx.inspectionInspectorate.createMany({ data: rows.inspectorates });
      await tx.planRespondent.createMany({ data: rows.respondents });
      await tx.responseTerm.createMany({ data: rows.responseTerms });
      await tx.keyFact.createMany({ data: rows.keyFacts });
      await tx.summaryFigure.createMany({ data: rows.summaryFigures });
      await tx.reportingRound.createMany({ data: rows.rounds });
      await tx.dependencyUpdate.createMany({ data: rows.dependencyUpdates });
      await tx.dependencyLink.createMany({ data: rows.dependencyLinks });
      await tx.recommendation.createMany({ data: rows.recommendations });
      await tx.recommendationAddressee.createMany({ data: rows.addressees });
      await tx.recommendationDependency.createMany({ data: rows.recommendationDependencies });
      await tx.action.createMany({ data: rows.actions });
      await tx.actionOwner.createMany({ data: rows.actionOwners });
      await tx.actionDependency.createMany({ data: rows.actionDependencies });
      await tx.progressUpdate.createMany({ data: rows.progressUpdates });
      await tx.progressUpdateAction.createMany({ data: rows.progressUpdateActions });
      await tx.dateRevision.createMany({ data: rows.dateRevisions });
      await tx.recordNote.createMany({ data: rows.notes });
      await tx.citation.createMany({ data: rows.citations });
      await tx.seedLoad.create({ data: { digest } });
      return true;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { digest, loaded, rows: count, ...(keptForWrites ? { keptForWrites } : {}) };
}
