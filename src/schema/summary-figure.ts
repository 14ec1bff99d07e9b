/**
 * SummaryFigure: a line of the plan's own summary table ("Agreed 20 ... Total 21") beside the count of
 * the rows the record actually holds. Where they disagree the API says so instead of choosing one.
 */
import { builder } from './builder.js';
import { citationsDescription, citationsQuery } from './citation.js';
import { SummaryLineEnum } from './enums.js';

export interface RecordedRow {
  response: string | null;
  text: string | null;
}

/** The rows a summary line counts: those with its response, or for TOTAL, those the plan shows at all. */
export const recordedCount = (line: string, rows: RecordedRow[]) =>
  rows.filter((r) => (line === 'TOTAL' ? r.text !== null : r.response === line)).length;

export const SummaryFigure = builder.prismaObject('SummaryFigure', {
  description: 'A figure from the plan’s summary table, with the count of the rows actually recorded.',
  select: { inspection: { select: { recommendations: { select: { response: true, text: true } } } } },
  fields: (t) => {
    const recorded = (f: { line: string; inspection: { recommendations: RecordedRow[] } }) =>
      recordedCount(f.line, f.inspection.recommendations);
    return {
      line: t.expose('line', { type: SummaryLineEnum }),
      reportedCount: t.exposeInt('reportedCount', { description: 'As the document’s summary table states it.' }),
      recordedCount: t.int({
        description: 'Recommendations the record holds with this response (TOTAL: with their text).',
        select: { line: true },
        resolve: recorded,
      }),
      consistent: t.boolean({
        description: 'Whether the reported figure matches the recorded rows.',
        select: { line: true, reportedCount: true },
        resolve: (f) => recorded(f) === f.reportedCount,
      }),
      citations: t.relation('citations', { args: { field: t.arg.string() }, query: citationsQuery, description: citationsDescription }),
    };
  },
});
