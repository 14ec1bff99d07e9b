/**
 * Which agencies own a record, for deciding who may write it and who may read its trail:
 * an action's owner roles' agencies; a recommendation's addressees and its actions' owners; a
 * dependency's lead; a reporting round's (its inspection's) responding agencies; a document's issuers.
 */
import type { Prisma } from '@prisma/client';
import type { Database } from '../database/client.js';
import { NotFoundError } from './errors.js';

type Reader = Database | Prisma.TransactionClient;

export type SubjectType = 'Action' | 'Recommendation' | 'Dependency' | 'Inspection' | 'SourceDocument';

export interface Owned {
  type: SubjectType;
  id: string;
  /** The inspection the record belongs to (null for dependencies, which span inspections). */
  inspectionId: string | null;
  /** The recommendation an action or a recommendation is, or sits under (null for other records). */
  recommendationId: string | null;
  agencyIds: string[];
}

const unique = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))].sort();

export async function ownerOf(db: Reader, type: SubjectType, id: string): Promise<Owned> {
  const missing = () => new NotFoundError(`No ${type.toLowerCase()} with id "${id}".`, id);
  if (type === 'Action') {
    const a = await db.action.findUnique({
      where: { id },
      select: {
        recommendationId: true,
        owners: { select: { role: { select: { agencyId: true } } } },
        recommendation: { select: { inspectionId: true } },
      },
    });
    if (!a) throw missing();
    const agencyIds = unique(a.owners.map((o) => o.role.agencyId));
    return { type, id, inspectionId: a.recommendation.inspectionId, recommendationId: a.recommendationId, agencyIds };
  }
  if (type === 'Recommendation') {
    const r = await db.recommendation.findUnique({
      where: { id },
      select: {
        inspectionId: true,
        addressees: { select: { agencyId: true } },
        actions: { select: { owners: { select: { role: { select: { agencyId: true } } } } } },
      },
    });
    if (!r) throw missing();
    const owners = r.actions.flatMap((a) => a.owners.map((o) => o.role.agencyId));
    const agencyIds = unique([...r.addressees.map((a) => a.agencyId), ...owners]);
    return { type, id, inspectionId: r.inspectionId, recommendationId: id, agencyIds };
  }
  if (type === 'Dependency') {
    const d = await db.dependency.findUnique({ where: { id }, select: { leadAgencyId: true } });
    if (!d) throw missing();
    return { type, id, inspectionId: null, recommendationId: null, agencyIds: d.leadAgencyId ? [d.leadAgencyId] : [] };
  }
  if (type === 'SourceDocument') {
    const d = await db.sourceDocument.findUnique({ where: { id }, select: { issuers: { select: { agencyId: true } } } });
    if (!d) throw missing();
    return { type, id, inspectionId: null, recommendationId: null, agencyIds: unique(d.issuers.map((i) => i.agencyId)) };
  }
  const i = await db.inspection.findUnique({ where: { id }, select: { respondents: { select: { agencyId: true } } } });
  if (!i) throw missing();
  return { type, id, inspectionId: id, recommendationId: null, agencyIds: unique(i.respondents.map((r) => r.agencyId)) };
}
