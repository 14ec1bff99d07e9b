-- Imports record what a document does not say: a body known only by name, and a post whose agency is
-- not stated. An import from the command line is made by an operator acting for no agency.
-- (No semicolons in comments or dollar quotes: the migration runner splits statements on them.)

-- AlterEnum
ALTER TYPE "AgencyKind" ADD VALUE 'UNCLASSIFIED';

-- AlterTable
ALTER TABLE "Role" ALTER COLUMN "agencyId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "AuditEvent" ALTER COLUMN "actorAgencyId" DROP NOT NULL;
