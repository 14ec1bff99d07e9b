/**
 * The recommendations export: one row per recommendation with the columns an analyst expects, read
 * through the GraphQL schema itself so the export answers exactly what the `recommendations` field
 * would, with the same filters and the same errors.
 */
import type { Cell } from './csv.js';

/** The selection each row is built from. */
export const ROW_FRAGMENT = /* GraphQL */ `
  fragment ExportRow on Recommendation {
    id
    number
    text
    inspection {
      slug
      title
    }
    addressees {
      name
    }
    response {
      value
      reasons
    }
    status {
      state
      asOf
      basis
      explanation
      action {
        key
      }
    }
    actions {
      owners {
        title
        agency {
          name
        }
      }
    }
    slippage {
      original {
        text
      }
      current {
        text
      }
      days
      minDays
      maxDays
      precision
      revisionCount
      withdrawn
    }
    lastReportedIn {
      label
      submittedOn {
        text
      }
    }
    latestStatuses
    dependencies {
      name
    }
    notes {
      kind
    }
  }
`;

/** Column headings and how each is read from a row. */
const COLUMNS: [string, (r: ExportRow) => Cell][] = [
  ['Inspection', (r) => r.inspection.title],
  ['Number', (r) => r.number],
  ['Recommendation', (r) => r.text],
  ['Addressed to', (r) => r.addressees.map((a) => a.name).join('; ')],
  ['Response', (r) => r.response?.value],
  ['Reasons not fully agreed', (r) => r.response?.reasons.join('; ')],
  ['Status', (r) => r.status.state],
  ['Status as of', (r) => r.status.asOf],
  ['Status decided by', (r) => r.status.basis],
  ['Deciding action', (r) => r.status.action?.key],
  ['Why', (r) => r.status.explanation],
  ['Owners', (r) => unique(r.actions.flatMap((a) => a.owners.map((o) => o.title)))],
  ['Owning agencies', (r) => unique(r.actions.flatMap((a) => a.owners.map((o) => o.agency.name)))],
  ['Original target', (r) => r.slippage.original?.text],
  ['Current target', (r) => (r.slippage.withdrawn ? 'withdrawn' : r.slippage.current?.text)],
  ['Slip (days)', (r) => r.slippage.days],
  ['Slip at least (days)', (r) => r.slippage.minDays],
  ['Slip at most (days)', (r) => r.slippage.maxDays],
  ['Slip precision', (r) => r.slippage.precision],
  ['Target revisions', (r) => r.slippage.revisionCount],
  ['Last reported in', (r) => (r.lastReportedIn ? `${r.lastReportedIn.label} (${r.lastReportedIn.submittedOn.text})` : null)],
  ['Statuses last reported', (r) => r.latestStatuses.join('; ')],
  ['Dependencies', (r) => r.dependencies.map((d) => d.name).join('; ')],
  ['Notes on the record', (r) => r.notes.length],
  ['Inspection slug', (r) => r.inspection.slug],
  ['Id', (r) => r.id],
];

const unique = (values: string[]) => [...new Set(values)].join('; ');

export const HEADINGS = COLUMNS.map(([heading]) => heading);
export const cellsOf = (row: ExportRow): Cell[] => COLUMNS.map(([, read]) => read(row));

/** A row as ROW_FRAGMENT selects it. */
export interface ExportRow {
  id: string;
  number: number;
  text: string | null;
  inspection: { slug: string; title: string };
  addressees: { name: string }[];
  response: { value: string; reasons: string[] } | null;
  status: { state: string; asOf: string; basis: string; explanation: string; action: { key: string } | null };
  actions: { owners: { title: string; agency: { name: string } }[] }[];
  slippage: {
    original: { text: string } | null;
    current: { text: string } | null;
    days: number | null;
    minDays: number | null;
    maxDays: number | null;
    precision: string | null;
    revisionCount: number;
    withdrawn: boolean;
  };
  lastReportedIn: { label: string; submittedOn: { text: string } } | null;
  latestStatuses: string[];
  dependencies: { name: string }[];
  notes: { kind: string }[];
}
