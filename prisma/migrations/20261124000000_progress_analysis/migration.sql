-- Derived views of progress: a status for work absorbed into other work, full-text search over the
-- record's own words, links between dependencies, and links narrowed to the actions they concern.
-- (No semicolons in comments: the migration runner splits statements on them.)

-- AlterEnum
ALTER TYPE "Status" ADD VALUE 'SUPERSEDED' BEFORE 'NOT_STATED';

-- array_to_string is only STABLE, which a generated column refuses, but joining text with a fixed
-- separator cannot change between calls, so this wrapper is honestly IMMUTABLE.
CREATE FUNCTION "immutable_join"(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT array_to_string($1, ' ') $$;

-- Full-text search vectors, kept by PostgreSQL itself so no write path can forget them. English
-- stemming: "train" finds "training", "delay" finds "delayed".
ALTER TABLE "Recommendation" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce("text", '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, "immutable_join"("responseNarrative")), 'B')
) STORED;
ALTER TABLE "Action" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  to_tsvector('english'::regconfig, "text")
) STORED;
ALTER TABLE "ProgressUpdate" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  to_tsvector('english'::regconfig, "immutable_join"("paragraphs"))
) STORED;
CREATE INDEX "Recommendation_search_idx" ON "Recommendation" USING GIN ("search");
CREATE INDEX "Action_search_idx" ON "Action" USING GIN ("search");
CREATE INDEX "ProgressUpdate_search_idx" ON "ProgressUpdate" USING GIN ("search");

-- CreateTable
CREATE TABLE "DependencyLink" (
    "dependentId" TEXT NOT NULL,
    "prerequisiteId" TEXT NOT NULL,

    CONSTRAINT "DependencyLink_pkey" PRIMARY KEY ("dependentId","prerequisiteId")
);

-- CreateIndex
CREATE INDEX "DependencyLink_prerequisiteId_idx" ON "DependencyLink"("prerequisiteId");

-- AddForeignKey
ALTER TABLE "DependencyLink" ADD CONSTRAINT "DependencyLink_dependentId_fkey" FOREIGN KEY ("dependentId") REFERENCES "Dependency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DependencyLink" ADD CONSTRAINT "DependencyLink_prerequisiteId_fkey" FOREIGN KEY ("prerequisiteId") REFERENCES "Dependency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "ActionDependency" (
    "actionId" TEXT NOT NULL,
    "dependencyId" TEXT NOT NULL,

    CONSTRAINT "ActionDependency_pkey" PRIMARY KEY ("actionId","dependencyId")
);

-- CreateIndex
CREATE INDEX "ActionDependency_dependencyId_idx" ON "ActionDependency"("dependencyId");

-- AddForeignKey
ALTER TABLE "ActionDependency" ADD CONSTRAINT "ActionDependency_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionDependency" ADD CONSTRAINT "ActionDependency_dependencyId_fkey" FOREIGN KEY ("dependencyId") REFERENCES "Dependency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A dependency cannot rely on itself.
ALTER TABLE "DependencyLink" ADD CONSTRAINT "DependencyLink_not_self" CHECK ("dependentId" <> "prerequisiteId");

-- Filters read these columns on every analyst query.
CREATE INDEX "Recommendation_response_idx" ON "Recommendation"("response");
CREATE INDEX "ProgressUpdate_recommendationId_roundId_idx" ON "ProgressUpdate"("recommendationId", "roundId");
