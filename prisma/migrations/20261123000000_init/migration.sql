-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('DEPARTMENT', 'AGENCY', 'POLICE', 'UNIT', 'INSPECTORATE');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('ACTION_PLAN', 'PROGRESS_LETTER', 'NEWS_ARTICLE', 'INSPECTION_REPORT');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'SEASON', 'YEAR');

-- CreateEnum
CREATE TYPE "DateBound" AS ENUM ('WITHIN', 'BY');

-- CreateEnum
CREATE TYPE "ResponseValue" AS ENUM ('AGREED', 'PARTLY_AGREED', 'NOT_AGREED');

-- CreateEnum
CREATE TYPE "ReasonCategory" AS ENUM ('COMMISSIONING', 'POLICY', 'OPERATIONAL', 'AFFORDABILITY');

-- CreateEnum
CREATE TYPE "SummaryLine" AS ENUM ('AGREED', 'PARTLY_AGREED', 'NOT_AGREED', 'TOTAL');

-- CreateEnum
CREATE TYPE "RoundKind" AS ENUM ('PLAN_SUBMITTED', 'PLAN_UPDATED', 'PROGRESS_UPDATE', 'LETTER');

-- CreateEnum
CREATE TYPE "Status" AS ENUM ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'AT_RISK', 'AWAITING_DECISION', 'NOT_STATED');

-- CreateEnum
CREATE TYPE "DependencyKind" AS ENUM ('PROGRAMME', 'PROJECT', 'SYSTEM', 'TOOL', 'PRODUCT', 'POLICY', 'BUSINESS_CASE');

-- CreateEnum
CREATE TYPE "NoteKind" AS ENUM ('GAP', 'INCONSISTENCY', 'AMBIGUITY', 'ERRATUM');

-- CreateEnum
CREATE TYPE "LinkBasis" AS ENUM ('STATED', 'INFERRED');

-- CreateEnum
CREATE TYPE "InspectorateRole" AS ENUM ('LEAD', 'JOINT');

-- CreateTable
CREATE TABLE "SourceDocument" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "datedText" TEXT,
    "datedEarliest" DATE,
    "datedLatest" DATE,
    "datedPrecision" "DatePrecision",
    "datedBound" "DateBound",
    "datedCompleted" BOOLEAN NOT NULL DEFAULT false,
    "datedOngoing" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "SourceDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentIssuer" (
    "documentId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,

    CONSTRAINT "DocumentIssuer_pkey" PRIMARY KEY ("documentId","agencyId")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "abbreviation" TEXT,
    "kind" "AgencyKind" NOT NULL,
    "aliases" TEXT[],
    "parentId" TEXT,
    "parentBasis" "LinkBasis",

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Role" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "actionPlanTitle" TEXT NOT NULL,
    "publishedText" TEXT NOT NULL,
    "publishedEarliest" DATE,
    "publishedLatest" DATE,
    "publishedPrecision" "DatePrecision",
    "publishedBound" "DateBound",
    "publishedCompleted" BOOLEAN NOT NULL DEFAULT false,
    "publishedOngoing" BOOLEAN NOT NULL DEFAULT false,
    "reasonCategories" "ReasonCategory"[],

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionInspectorate" (
    "inspectionId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "role" "InspectorateRole" NOT NULL,

    CONSTRAINT "InspectionInspectorate_pkey" PRIMARY KEY ("inspectionId","agencyId")
);

-- CreateTable
CREATE TABLE "PlanRespondent" (
    "inspectionId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,

    CONSTRAINT "PlanRespondent_pkey" PRIMARY KEY ("inspectionId","agencyId")
);

-- CreateTable
CREATE TABLE "ResponseTerm" (
    "id" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "value" "ResponseValue" NOT NULL,
    "term" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "guidance" TEXT NOT NULL,

    CONSTRAINT "ResponseTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyFact" (
    "id" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "unit" TEXT,
    "period" TEXT,

    CONSTRAINT "KeyFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SummaryFigure" (
    "id" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "line" "SummaryLine" NOT NULL,
    "reportedCount" INTEGER NOT NULL,

    CONSTRAINT "SummaryFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingRound" (
    "id" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" "RoundKind" NOT NULL,
    "label" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "submittedText" TEXT NOT NULL,
    "submittedEarliest" DATE,
    "submittedLatest" DATE,
    "submittedPrecision" "DatePrecision",
    "submittedBound" "DateBound",
    "submittedCompleted" BOOLEAN NOT NULL DEFAULT false,
    "submittedOngoing" BOOLEAN NOT NULL DEFAULT false,
    "asAtText" TEXT,
    "asAtEarliest" DATE,
    "asAtLatest" DATE,
    "asAtPrecision" "DatePrecision",
    "asAtBound" "DateBound",
    "asAtCompleted" BOOLEAN NOT NULL DEFAULT false,
    "asAtOngoing" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ReportingRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT,
    "addresseeHeading" TEXT,
    "response" "ResponseValue",
    "responseNarrative" TEXT[],
    "reasonCategories" "ReasonCategory"[],

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationAddressee" (
    "recommendationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,

    CONSTRAINT "RecommendationAddressee_pkey" PRIMARY KEY ("recommendationId","agencyId")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "targetText" TEXT,
    "targetEarliest" DATE,
    "targetLatest" DATE,
    "targetPrecision" "DatePrecision",
    "targetBound" "DateBound",
    "targetCompleted" BOOLEAN NOT NULL DEFAULT false,
    "targetOngoing" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionOwner" (
    "actionId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,

    CONSTRAINT "ActionOwner_pkey" PRIMARY KEY ("actionId","roleId")
);

-- CreateTable
CREATE TABLE "ProgressUpdate" (
    "id" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "paragraphs" TEXT[],
    "status" "Status" NOT NULL,
    "ownerId" TEXT,
    "targetText" TEXT,
    "targetEarliest" DATE,
    "targetLatest" DATE,
    "targetPrecision" "DatePrecision",
    "targetBound" "DateBound",
    "targetCompleted" BOOLEAN NOT NULL DEFAULT false,
    "targetOngoing" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ProgressUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressUpdateAction" (
    "progressUpdateId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,

    CONSTRAINT "ProgressUpdateAction_pkey" PRIMARY KEY ("progressUpdateId","actionId")
);

-- CreateTable
CREATE TABLE "DateRevision" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "actionId" TEXT,
    "dependencyId" TEXT,
    "previousText" TEXT NOT NULL,
    "previousEarliest" DATE,
    "previousLatest" DATE,
    "previousPrecision" "DatePrecision",
    "previousBound" "DateBound",
    "previousCompleted" BOOLEAN NOT NULL DEFAULT false,
    "previousOngoing" BOOLEAN NOT NULL DEFAULT false,
    "revisedText" TEXT,
    "revisedEarliest" DATE,
    "revisedLatest" DATE,
    "revisedPrecision" "DatePrecision",
    "revisedBound" "DateBound",
    "revisedCompleted" BOOLEAN NOT NULL DEFAULT false,
    "revisedOngoing" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT,

    CONSTRAINT "DateRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dependency" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "kind" "DependencyKind" NOT NULL,
    "leadAgencyId" TEXT,

    CONSTRAINT "Dependency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DependencyUpdate" (
    "id" TEXT NOT NULL,
    "dependencyId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "status" "Status" NOT NULL,
    "statement" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "expectedText" TEXT,
    "expectedEarliest" DATE,
    "expectedLatest" DATE,
    "expectedPrecision" "DatePrecision",
    "expectedBound" "DateBound",
    "expectedCompleted" BOOLEAN NOT NULL DEFAULT false,
    "expectedOngoing" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DependencyUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationDependency" (
    "recommendationId" TEXT NOT NULL,
    "dependencyId" TEXT NOT NULL,

    CONSTRAINT "RecommendationDependency_pkey" PRIMARY KEY ("recommendationId","dependencyId")
);

-- CreateTable
CREATE TABLE "RecordNote" (
    "id" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" "NoteKind" NOT NULL,
    "summary" TEXT NOT NULL,
    "recommendationId" TEXT,
    "dependencyId" TEXT,

    CONSTRAINT "RecordNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "agencyId" TEXT,
    "roleId" TEXT,
    "sourceDocumentId" TEXT,
    "inspectionId" TEXT,
    "responseTermId" TEXT,
    "keyFactId" TEXT,
    "summaryFigureId" TEXT,
    "roundId" TEXT,
    "recommendationId" TEXT,
    "actionId" TEXT,
    "progressUpdateId" TEXT,
    "dateRevisionId" TEXT,
    "dependencyId" TEXT,
    "dependencyUpdateId" TEXT,
    "noteId" TEXT,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeedLoad" (
    "digest" TEXT NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedLoad_pkey" PRIMARY KEY ("digest")
);

-- CreateIndex
CREATE UNIQUE INDEX "SourceDocument_slug_key" ON "SourceDocument"("slug");

-- CreateIndex
CREATE INDEX "DocumentIssuer_agencyId_idx" ON "DocumentIssuer"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_slug_key" ON "Agency"("slug");

-- CreateIndex
CREATE INDEX "Agency_parentId_idx" ON "Agency"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Role_slug_key" ON "Role"("slug");

-- CreateIndex
CREATE INDEX "Role_agencyId_idx" ON "Role"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_slug_key" ON "Inspection"("slug");

-- CreateIndex
CREATE INDEX "InspectionInspectorate_agencyId_idx" ON "InspectionInspectorate"("agencyId");

-- CreateIndex
CREATE INDEX "PlanRespondent_agencyId_idx" ON "PlanRespondent"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "ResponseTerm_inspectionId_value_key" ON "ResponseTerm"("inspectionId", "value");

-- CreateIndex
CREATE UNIQUE INDEX "KeyFact_inspectionId_key_key" ON "KeyFact"("inspectionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "SummaryFigure_inspectionId_line_key" ON "SummaryFigure"("inspectionId", "line");

-- CreateIndex
CREATE INDEX "ReportingRound_documentId_idx" ON "ReportingRound"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingRound_inspectionId_slug_key" ON "ReportingRound"("inspectionId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_inspectionId_number_key" ON "Recommendation"("inspectionId", "number");

-- CreateIndex
CREATE INDEX "RecommendationAddressee_agencyId_idx" ON "RecommendationAddressee"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Action_recommendationId_key_key" ON "Action"("recommendationId", "key");

-- CreateIndex
CREATE INDEX "ActionOwner_roleId_idx" ON "ActionOwner"("roleId");

-- CreateIndex
CREATE INDEX "ProgressUpdate_roundId_idx" ON "ProgressUpdate"("roundId");

-- CreateIndex
CREATE INDEX "ProgressUpdate_ownerId_idx" ON "ProgressUpdate"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressUpdate_recommendationId_key_key" ON "ProgressUpdate"("recommendationId", "key");

-- CreateIndex
CREATE INDEX "ProgressUpdateAction_actionId_idx" ON "ProgressUpdateAction"("actionId");

-- CreateIndex
CREATE INDEX "DateRevision_actionId_idx" ON "DateRevision"("actionId");

-- CreateIndex
CREATE INDEX "DateRevision_dependencyId_idx" ON "DateRevision"("dependencyId");

-- CreateIndex
CREATE INDEX "DateRevision_roundId_idx" ON "DateRevision"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "Dependency_slug_key" ON "Dependency"("slug");

-- CreateIndex
CREATE INDEX "Dependency_leadAgencyId_idx" ON "Dependency"("leadAgencyId");

-- CreateIndex
CREATE INDEX "DependencyUpdate_dependencyId_idx" ON "DependencyUpdate"("dependencyId");

-- CreateIndex
CREATE INDEX "DependencyUpdate_roundId_idx" ON "DependencyUpdate"("roundId");

-- CreateIndex
CREATE INDEX "RecommendationDependency_dependencyId_idx" ON "RecommendationDependency"("dependencyId");

-- CreateIndex
CREATE INDEX "RecordNote_inspectionId_idx" ON "RecordNote"("inspectionId");

-- CreateIndex
CREATE INDEX "RecordNote_recommendationId_idx" ON "RecordNote"("recommendationId");

-- CreateIndex
CREATE INDEX "RecordNote_dependencyId_idx" ON "RecordNote"("dependencyId");

-- CreateIndex
CREATE INDEX "Citation_documentId_idx" ON "Citation"("documentId");

-- CreateIndex
CREATE INDEX "Citation_agencyId_idx" ON "Citation"("agencyId");

-- CreateIndex
CREATE INDEX "Citation_roleId_idx" ON "Citation"("roleId");

-- CreateIndex
CREATE INDEX "Citation_sourceDocumentId_idx" ON "Citation"("sourceDocumentId");

-- CreateIndex
CREATE INDEX "Citation_inspectionId_idx" ON "Citation"("inspectionId");

-- CreateIndex
CREATE INDEX "Citation_responseTermId_idx" ON "Citation"("responseTermId");

-- CreateIndex
CREATE INDEX "Citation_keyFactId_idx" ON "Citation"("keyFactId");

-- CreateIndex
CREATE INDEX "Citation_summaryFigureId_idx" ON "Citation"("summaryFigureId");

-- CreateIndex
CREATE INDEX "Citation_roundId_idx" ON "Citation"("roundId");

-- CreateIndex
CREATE INDEX "Citation_recommendationId_idx" ON "Citation"("recommendationId");

-- CreateIndex
CREATE INDEX "Citation_actionId_idx" ON "Citation"("actionId");

-- CreateIndex
CREATE INDEX "Citation_progressUpdateId_idx" ON "Citation"("progressUpdateId");

-- CreateIndex
CREATE INDEX "Citation_dateRevisionId_idx" ON "Citation"("dateRevisionId");

-- CreateIndex
CREATE INDEX "Citation_dependencyId_idx" ON "Citation"("dependencyId");

-- CreateIndex
CREATE INDEX "Citation_dependencyUpdateId_idx" ON "Citation"("dependencyUpdateId");

-- CreateIndex
CREATE INDEX "Citation_noteId_idx" ON "Citation"("noteId");

-- AddForeignKey
ALTER TABLE "DocumentIssuer" ADD CONSTRAINT "DocumentIssuer_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SourceDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentIssuer" ADD CONSTRAINT "DocumentIssuer_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionInspectorate" ADD CONSTRAINT "InspectionInspectorate_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionInspectorate" ADD CONSTRAINT "InspectionInspectorate_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRespondent" ADD CONSTRAINT "PlanRespondent_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRespondent" ADD CONSTRAINT "PlanRespondent_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseTerm" ADD CONSTRAINT "ResponseTerm_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyFact" ADD CONSTRAINT "KeyFact_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummaryFigure" ADD CONSTRAINT "SummaryFigure_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingRound" ADD CONSTRAINT "ReportingRound_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingRound" ADD CONSTRAINT "ReportingRound_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SourceDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationAddressee" ADD CONSTRAINT "RecommendationAddressee_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationAddressee" ADD CONSTRAINT "RecommendationAddressee_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionOwner" ADD CONSTRAINT "ActionOwner_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionOwner" ADD CONSTRAINT "ActionOwner_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReportingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Role"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdateAction" ADD CONSTRAINT "ProgressUpdateAction_progressUpdateId_fkey" FOREIGN KEY ("progressUpdateId") REFERENCES "ProgressUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdateAction" ADD CONSTRAINT "ProgressUpdateAction_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DateRevision" ADD CONSTRAINT "DateRevision_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReportingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DateRevision" ADD CONSTRAINT "DateRevision_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DateRevision" ADD CONSTRAINT "DateRevision_dependencyId_fkey" FOREIGN KEY ("dependencyId") REFERENCES "Dependency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dependency" ADD CONSTRAINT "Dependency_leadAgencyId_fkey" FOREIGN KEY ("leadAgencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DependencyUpdate" ADD CONSTRAINT "DependencyUpdate_dependencyId_fkey" FOREIGN KEY ("dependencyId") REFERENCES "Dependency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DependencyUpdate" ADD CONSTRAINT "DependencyUpdate_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReportingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationDependency" ADD CONSTRAINT "RecommendationDependency_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationDependency" ADD CONSTRAINT "RecommendationDependency_dependencyId_fkey" FOREIGN KEY ("dependencyId") REFERENCES "Dependency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordNote" ADD CONSTRAINT "RecordNote_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordNote" ADD CONSTRAINT "RecordNote_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordNote" ADD CONSTRAINT "RecordNote_dependencyId_fkey" FOREIGN KEY ("dependencyId") REFERENCES "Dependency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SourceDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sourceDocumentId_fkey" FOREIGN KEY ("sourceDocumentId") REFERENCES "SourceDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_responseTermId_fkey" FOREIGN KEY ("responseTermId") REFERENCES "ResponseTerm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_keyFactId_fkey" FOREIGN KEY ("keyFactId") REFERENCES "KeyFact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_summaryFigureId_fkey" FOREIGN KEY ("summaryFigureId") REFERENCES "SummaryFigure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReportingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_progressUpdateId_fkey" FOREIGN KEY ("progressUpdateId") REFERENCES "ProgressUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_dateRevisionId_fkey" FOREIGN KEY ("dateRevisionId") REFERENCES "DateRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_dependencyId_fkey" FOREIGN KEY ("dependencyId") REFERENCES "Dependency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_dependencyUpdateId_fkey" FOREIGN KEY ("dependencyUpdateId") REFERENCES "DependencyUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "RecordNote"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A citation evidences exactly one record.
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_one_subject" CHECK (num_nonnulls(
  "agencyId", "roleId", "sourceDocumentId", "inspectionId", "responseTermId", "keyFactId", "summaryFigureId",
  "roundId", "recommendationId", "actionId", "progressUpdateId", "dateRevisionId", "dependencyId",
  "dependencyUpdateId", "noteId") = 1);
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_offsets" CHECK ("start" >= 0 AND "end" > "start");

-- A date revision belongs to an action or to a dependency, never both.
ALTER TABLE "DateRevision" ADD CONSTRAINT "DateRevision_one_subject" CHECK (num_nonnulls("actionId", "dependencyId") = 1);
