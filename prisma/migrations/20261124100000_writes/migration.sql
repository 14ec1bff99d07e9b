-- Writes: versions for optimistic concurrency, the audit trail, inspectorate comments, and rounds
-- entered through the API before any document is on record.
-- (No semicolons in comments or dollar quotes: the migration runner splits statements on them.)

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Action" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Dependency" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "ReportingRound" ALTER COLUMN "documentId" DROP NOT NULL;
ALTER TABLE "DependencyUpdate" ALTER COLUMN "documentId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "InspectorateComment" (
    "id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorAgencyId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recommendationId" TEXT,
    "actionId" TEXT,
    "dependencyId" TEXT,

    CONSTRAINT "InspectorateComment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "InspectorateComment_one_subject" CHECK (num_nonnulls("recommendationId", "actionId", "dependencyId") = 1)
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "sequence" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "operation" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorAgencyId" TEXT NOT NULL,
    "actorRoles" TEXT[],
    "requestId" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "inspectionId" TEXT,
    "agencyIds" TEXT[],
    "before" JSONB,
    "after" JSONB NOT NULL,
    "version" INTEGER,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("sequence")
);

-- CreateIndex
CREATE INDEX "InspectorateComment_recommendationId_idx" ON "InspectorateComment"("recommendationId");
CREATE INDEX "InspectorateComment_actionId_idx" ON "InspectorateComment"("actionId");
CREATE INDEX "InspectorateComment_dependencyId_idx" ON "InspectorateComment"("dependencyId");
CREATE INDEX "AuditEvent_subjectId_idx" ON "AuditEvent"("subjectId");
CREATE INDEX "AuditEvent_inspectionId_sequence_idx" ON "AuditEvent"("inspectionId", "sequence");
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");
CREATE INDEX "AuditEvent_agencyIds_idx" ON "AuditEvent" USING GIN ("agencyIds");

-- AddForeignKey
ALTER TABLE "InspectorateComment" ADD CONSTRAINT "InspectorateComment_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InspectorateComment" ADD CONSTRAINT "InspectorateComment_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InspectorateComment" ADD CONSTRAINT "InspectorateComment_dependencyId_fkey" FOREIGN KEY ("dependencyId") REFERENCES "Dependency"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InspectorateComment" ADD CONSTRAINT "InspectorateComment_authorAgencyId_fkey" FOREIGN KEY ("authorAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The trail is append-only: no committed write may be rewritten or erased through the database.
-- The body's statement separator is written \x3B so the runner does not split the statement.
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN RAISE EXCEPTION ''AuditEvent rows cannot be changed or deleted''\x3B END';
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();
