/**
 * Synthetic action plans on the real data model, deterministic from (scale, seed). At scale 1: about
 * 200 inspections, 4,000 recommendations, 20,000 actions, 60,000 progress updates and 300 dependencies,
 * with agencies in a hierarchy (departments -> agencies -> units), fuzzy dates and date revisions.
 *
 * Everything a query walks grows with the scale, agencies included, so an agency is addressed about the
 * same number of recommendations (~45) at every scale: a request for N agencies does the same work on a
 * small and a large database, and only the size of the tables around it changes.
 *
 * Ids are zero-padded so that ordering by id is ordering by position (inspection, number, sequence):
 * peers that can only order a list by its own columns (PostGraphile orders join tables by their primary
 * key) then return lists in the same order as this server.
 */
import { createHash } from 'node:crypto';
import { seeded, type Random } from '../lib/prng.js';
import { dateColumns, dayDate, reportedDate, statedDate, type Month } from './plan-dates.js';
import { SYNTHETIC_PREFIX, TABLES, type Dataset, type Row } from './tables.js';

export interface GenerateOptions {
  scale: number;
  seed: number;
}

const P = SYNTHETIC_PREFIX;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const AREAS = [
  'Justice',
  'Policing',
  'Probation',
  'Prisons',
  'Border',
  'Courts',
  'Security',
  'Digital',
  'Estates',
  'Health',
  'Youth',
  'Data',
];
const UNIT_WORDS = [
  'Intelligence',
  'Operations',
  'Assurance',
  'Training',
  'Casework',
  'Analysis',
  'Standards',
  'Technology',
  'Partnerships',
];
const SYSTEMS = [
  'MAPPS',
  'ViSOR',
  'Case Hub',
  'Risk Portal',
  'Secure Link',
  'Evidence Store',
  'Digital Training',
  'Workforce Plan',
  'Data Exchange',
];
const VERBS = ['review', 'strengthen', 'develop', 'publish', 'implement', 'evaluate', 'agree', 'train staff on', 'update', 'embed'];
const OBJECTS = [
  'the information-sharing agreement',
  'guidance for practitioners',
  'the joint risk assessment process',
  'quality assurance of casework',
  'the training package',
  'the governance arrangements',
  'the case management system',
  'arrangements for high-risk cases',
  'performance reporting',
];
const STATUSES = ['PLANNED', 'IN_PROGRESS', 'IN_PROGRESS', 'COMPLETED', 'COMPLETED', 'AT_RISK', 'AWAITING_DECISION', 'NOT_STATED'] as const;
const REASONS = ['COMMISSIONING', 'POLICY', 'OPERATIONAL', 'AFFORDABILITY'] as const;
const DEPENDENCY_KINDS = ['PROGRAMME', 'PROJECT', 'SYSTEM', 'TOOL', 'PRODUCT', 'POLICY', 'BUSINESS_CASE'] as const;
const SLIP_REASONS = [
  'Delays in procurement.',
  'Dependent on the new case management system.',
  'Resources were redirected to operational priorities.',
  'Awaiting ministerial decision.',
  'Legal advice is still awaited.',
];

const sentence = (random: Random) => `${random.pick(VERBS)[0].toUpperCase()}${random.pick(VERBS).slice(1)} ${random.pick(OBJECTS)}.`;
const paragraph = (random: Random, sentences: number) => Array.from({ length: sentences }, () => sentence(random)).join(' ');
/** A Postgres-compatible sha256, as the curated loader records for document texts. */
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function counts(scale: number) {
  const at = (n: number) => Math.max(1, Math.round(n * scale));
  return { departments: at(10), inspections: at(200), dependencies: at(300) };
}

export function generate({ scale, seed }: GenerateOptions): Dataset {
  const random = seeded(seed);
  const data = Object.fromEntries(Object.keys(TABLES).map((t) => [t, [] as Row[]])) as Dataset;
  const n = counts(scale);

  // Agencies: departments -> 3 agencies each -> 4 units each. Roles: two per agency of any kind.
  const units: Row[] = [];
  const agencies: Row[] = [];
  const rolesOf = new Map<string, string[]>();
  const addAgency = (row: Row) => {
    data.Agency.push(row);
    const id = row.id as string;
    const roles = [1, 2].map((r) => {
      const roleId = `${id}-role${r}`;
      data.Role.push({
        id: roleId,
        slug: roleId,
        title: `${r === 1 ? 'Director' : 'Deputy Director'} ${row.name as string}`,
        agencyId: id,
      });
      return roleId;
    });
    rolesOf.set(id, roles);
  };
  for (let d = 1; d <= n.departments; d++) {
    const dept = { id: `${P}d${pad(d, 3)}`, name: `Department for ${random.pick(AREAS)} ${pad(d, 3)}` };
    addAgency({ ...dept, slug: dept.id, abbreviation: `D${d}`, kind: 'DEPARTMENT', aliases: [], parentId: null, parentBasis: null });
    for (let a = 1; a <= 3; a++) {
      const agency = { id: `${dept.id}-a${a}`, name: `${random.pick(AREAS)} Agency ${pad(d, 3)}.${a}` };
      const agencyRow = { ...agency, slug: agency.id, abbreviation: null, kind: random.chance(0.2) ? 'POLICE' : 'AGENCY' };
      addAgency({ ...agencyRow, aliases: [`${agency.name} (HQ)`], parentId: dept.id, parentBasis: 'STATED' });
      agencies.push(agencyRow);
      for (let u = 1; u <= 4; u++) {
        const id = `${agency.id}-u${u}`;
        const unit = {
          id,
          slug: id,
          name: `${random.pick(UNIT_WORDS)} Unit ${pad(d, 3)}.${a}.${u}`,
          abbreviation: `U${d}${a}${u}`,
          kind: 'UNIT',
        };
        addAgency({ ...unit, aliases: [], parentId: agency.id, parentBasis: random.chance(0.7) ? 'STATED' : 'INFERRED' });
        units.push({ ...unit, parentId: agency.id });
      }
    }
  }

  // Dependencies: programmes and systems, each led by an agency; their updates and revisions come later,
  // once rounds exist.
  const dependencyIds: string[] = [];
  for (let i = 1; i <= n.dependencies; i++) {
    const id = `${P}dep${pad(i, 4)}`;
    dependencyIds.push(id);
    data.Dependency.push({
      id,
      slug: id,
      name: `${random.pick(SYSTEMS)} ${pad(i, 4)}`,
      aliases: random.chance(0.3) ? [`${random.pick(SYSTEMS)} programme`] : [],
      kind: random.pick(DEPENDENCY_KINDS),
      leadAgencyId: random.chance(0.9) ? (random.pick(agencies).id as string) : null,
    });
  }

  const allRounds: { id: string; documentId: string; month: Month; sequence: number }[] = [];
  for (let i = 1; i <= n.inspections; i++) {
    const inspectionId = `${P}i${pad(i, 4)}`;
    const published: Month = random.int(0, 11);
    data.Inspection.push({
      id: inspectionId,
      slug: inspectionId,
      title: `Joint inspection of ${random.pick(OBJECTS)} ${pad(i, 4)}`,
      actionPlanTitle: `Action plan in response to inspection ${pad(i, 4)}`,
      ...dateColumns('published', dayDate(published, random.int(1, 28))),
      reasonCategories: [...REASONS],
    });

    // 4-5 rounds: the plan, sometimes an updated plan, progress updates, and a closing letter.
    const roundCount = random.int(4, 5);
    const rounds: { id: string; documentId: string; month: Month; sequence: number }[] = [];
    for (let r = 1; r <= roundCount; r++) {
      const month = published + 1 + (r - 1) * random.int(3, 6);
      const kind =
        r === 1 ? 'PLAN_SUBMITTED' : r === roundCount ? 'LETTER' : r === 2 && roundCount === 5 ? 'PLAN_UPDATED' : 'PROGRESS_UPDATE';
      const id = `${inspectionId}/round${r}`;
      const documentId = `${inspectionId}-doc${r}`;
      const submitted = dayDate(month, random.int(1, 28));
      const text = `${kind.replace('_', ' ').toLowerCase()} for inspection ${pad(i, 4)}, submitted ${submitted}. ${paragraph(random, 3)}`;
      data.SourceDocument.push({
        id: documentId,
        slug: documentId,
        title: `Inspection ${pad(i, 4)}: round ${r}`,
        kind: r === 1 ? 'ACTION_PLAN' : 'PROGRESS_LETTER',
        fileName: `${documentId}.txt`,
        text,
        sha256: sha256(text),
        ...dateColumns('dated', submitted),
      });
      data.ReportingRound.push({
        id,
        inspectionId,
        slug: `round${r}`,
        sequence: r,
        kind,
        label: r === 1 ? 'Plan submitted' : kind === 'LETTER' ? 'Closing letter' : `Progress update ${r - 1}`,
        documentId,
        ...dateColumns('submitted', submitted),
        ...dateColumns('asAt', random.chance(0.3) ? statedDate(random, month - 1) : null),
      });
      rounds.push({ id, documentId, month, sequence: r });
    }
    allRounds.push(...rounds);

    // 20 recommendations per inspection, each addressed to one or two units and sometimes to the
    // agency above the first.
    for (let number = 1; number <= 20; number++) {
      const recommendationId = `${inspectionId}/r${pad(number, 3)}`;
      const roll = random.next();
      const response = roll < 0.7 ? 'AGREED' : roll < 0.9 ? 'PARTLY_AGREED' : 'NOT_AGREED';
      const addressees = new Set<string>([random.pick(units).id as string]);
      if (random.chance(0.3)) addressees.add(random.pick(units).id as string);
      const first = units.find((u) => u.id === [...addressees][0])!;
      if (random.chance(0.2)) addressees.add(first.parentId as string);
      data.Recommendation.push({
        id: recommendationId,
        inspectionId,
        number,
        text: `${first.name as string} should ${random.pick(VERBS)} ${random.pick(OBJECTS)} within twelve months.`,
        addresseeHeading: `${first.name as string} should:`,
        response,
        responseNarrative: Array.from({ length: random.int(1, 2) }, () => paragraph(random, 2)),
        reasonCategories: response === 'AGREED' ? [] : [random.pick(REASONS)],
      });
      // Sorted so the join table's primary-key order matches the order this server gives (agency id).
      for (const agencyId of [...addressees].sort()) data.RecommendationAddressee.push({ recommendationId, agencyId });
      const dependencies = new Set<string>();
      for (let k = random.int(0, 2); k > 0; k--) dependencies.add(random.pick(dependencyIds));
      for (const dependencyId of [...dependencies].sort()) data.RecommendationDependency.push({ recommendationId, dependencyId });

      // 3-7 actions, each owned by one or two roles of the addressees, with a target and its revisions.
      const actions: { id: string; target: Month; targetText: string | null }[] = [];
      const ownerRoles = [...addressees].flatMap((a) => rolesOf.get(a)!);
      const actionCount = random.int(3, 7);
      for (let a = 1; a <= actionCount; a++) {
        const actionId = `${recommendationId}/a${a}`;
        const target: Month = published + random.int(3, 24);
        const targetText = random.chance(0.92) ? statedDate(random, target) : null;
        data.Action.push({
          id: actionId,
          recommendationId,
          sequence: a,
          key: `a${a}`,
          text: `${sentence(random)} ${sentence(random)}`,
          ...dateColumns('target', targetText),
        });
        const owners = new Set<string>([random.pick(ownerRoles)]);
        if (random.chance(0.25)) owners.add(random.pick(ownerRoles));
        [...owners].forEach((roleId, s) => data.ActionOwner.push({ actionId, roleId, sequence: s + 1 }));
        actions.push({ id: actionId, target, targetText });

        // About 60% of targets slip once or twice, in later rounds of the same inspection.
        if (targetText !== null && random.chance(0.6)) {
          let previous = targetText;
          let month = target;
          const revisions = random.chance(0.3) ? 2 : 1;
          for (let s = 1; s <= revisions; s++) {
            const round = rounds[Math.min(rounds.length - 1, s + random.int(0, 1))];
            month += random.int(1, 9);
            const withdrawn = random.chance(0.05);
            const revised = withdrawn ? null : statedDate(random, month);
            data.DateRevision.push({
              id: `${actionId}/rev${s}`,
              roundId: round.id,
              sequence: s,
              actionId,
              dependencyId: null,
              ...dateColumns('previous', previous),
              ...dateColumns('revised', revised),
              reason: random.chance(0.5) ? random.pick(SLIP_REASONS) : null,
            });
            if (revised === null) break;
            previous = revised;
          }
        }
      }

      // Progress: every round after the plan reports 3-6 strands, each on one action (sometimes two).
      let sequence = 0;
      for (const round of rounds.slice(1)) {
        for (let strand = 1, strands = random.int(3, 6); strand <= strands; strand++) {
          const progressUpdateId = `${recommendationId}/p${round.sequence}-${strand}`;
          const action = random.pick(actions);
          data.ProgressUpdate.push({
            id: progressUpdateId,
            recommendationId,
            roundId: round.id,
            sequence: ++sequence,
            key: `p${round.sequence}-${strand}`,
            paragraphs: Array.from({ length: random.int(1, 2) }, () => paragraph(random, 2)),
            status: random.pick(STATUSES),
            ownerId: random.chance(0.7) ? random.pick(ownerRoles) : null,
            ...dateColumns('target', random.chance(0.8) ? reportedDate(random, action.target) : null),
          });
          const linked = new Set([action.id]);
          if (random.chance(0.2)) linked.add(random.pick(actions).id);
          for (const actionId of [...linked].sort()) data.ProgressUpdateAction.push({ progressUpdateId, actionId });
        }
      }
    }
  }

  // Dependencies: 2-3 updates each in rounds of some inspection, and about one revision of the date.
  for (const dependencyId of dependencyIds) {
    const base = random.int(0, allRounds.length - 1);
    let expected: Month = allRounds[base].month + random.int(3, 18);
    const updates = random.int(2, 3);
    for (let u = 1; u <= updates; u++) {
      const round = allRounds[Math.min(allRounds.length - 1, base + u - 1)];
      data.DependencyUpdate.push({
        id: `${dependencyId}/u${u}`,
        dependencyId,
        roundId: round.id,
        sequence: u,
        status: random.pick(STATUSES),
        statement: paragraph(random, 2),
        documentId: round.documentId,
        ...dateColumns('expected', random.chance(0.8) ? statedDate(random, expected) : null),
      });
    }
    if (random.chance(0.8)) {
      const previous = statedDate(random, expected);
      expected += random.int(2, 12);
      data.DateRevision.push({
        id: `${dependencyId}/rev1`,
        roundId: allRounds[Math.min(allRounds.length - 1, base + 1)].id,
        sequence: 1,
        actionId: null,
        dependencyId,
        ...dateColumns('previous', previous),
        ...dateColumns('revised', statedDate(random, expected)),
        reason: random.chance(0.5) ? random.pick(SLIP_REASONS) : null,
      });
    }
  }
  return data;
}
