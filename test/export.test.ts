/** GET /export/recommendations.csv: the recommendations field as a spreadsheet, with the same filters and errors. */
import { describe, expect, it } from 'vitest';
import { csvRecord } from '../src/export/csv.js';
import { serveApp } from './support/app.js';
import { parseCsv } from './support/csv.js';

const { app } = serveApp();
const get = (query: string) => fetch(`${app().url}/export/recommendations.csv${query}`);
const graphql = async (query: string) =>
  (
    await (
      await fetch(`${app().url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      })
    ).json()
  ).data;

describe('CSV quoting', () => {
  it('round-trips commas, quotes, line breaks and curly quotes, and keeps formulas inert', () => {
    const cells = ['plain', 'a, b', 'say "yes"', 'line one\nline two', '“curly”', '=HYPERLINK("x")', -3, null];
    const [row] = parseCsv(csvRecord(cells));
    expect(row).toEqual(['plain', 'a, b', 'say "yes"', 'line one\nline two', '“curly”', `'=HYPERLINK("x")`, '-3', '']);
  });
});

describe('the recommendations export', () => {
  it('has one row per recommendation with the columns an analyst expects', async () => {
    const response = await get('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="recommendations.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    // A byte-order mark first, so spreadsheet programs read UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(header[0]).toBe('Inspection');
    expect(header).toEqual(
      expect.arrayContaining([
        'Number',
        'Recommendation',
        'Addressed to',
        'Response',
        'Status',
        'Why',
        'Owners',
        'Original target',
        'Current target',
        'Slip (days)',
        'Target revisions',
      ]),
    );
    expect(rows).toHaveLength(21);
    const col = (name: string) => header.indexOf(name);
    const r3 = rows.find((r) => r[col('Number')] === '3')!;
    expect(r3[col('Addressed to')]).toBe('Home Office; Ministry of Justice');
    expect(r3[col('Original target')]).toBe('July 2025');
    expect(r3[col('Current target')]).toBe('November 2027');
    expect(r3[col('Slip (days)')]).toBe('852');
    // Verbatim text survives quoting: recommendation 3's text has commas in it.
    const { recommendation } = await graphql('{ recommendation(inspection: "ct-joint-inspection-2023", number: 3) { text } }');
    expect(r3[col('Recommendation')]).toBe(recommendation.text);
    expect(rows.find((r) => r[col('Number')] === '14')![col('Current target')]).toBe('withdrawn');
  });

  it('takes the GraphQL field’s filters, ordering and frame as parameters, and answers the same', async () => {
    const query = '?asOfRound=letter-2025-03&status=OVERDUE&status=IN_PROGRESS&ownedBy=jexu&orderBy=SLIPPAGE&direction=DESC';
    const [header, ...rows] = parseCsv(await (await get(query)).text());
    const { asOf } = await graphql(
      '{ asOf(round: "letter-2025-03") { recommendations(first: 100, filter: { status: [OVERDUE, IN_PROGRESS], ownedBy: ["jexu"] }, orderBy: { field: SLIPPAGE, direction: DESC }) { nodes { number status { state } } } } }',
    );
    expect(rows.map((r) => Number(r[header.indexOf('Number')]))).toEqual(asOf.recommendations.nodes.map((n: any) => n.number));
    expect(rows.map((r) => r[header.indexOf('Status')])).toEqual(asOf.recommendations.nodes.map((n: any) => n.status.state));
    expect(rows.every((r) => r[header.indexOf('Status as of')] === '2025-03-10')).toBe(true);
    const listed = parseCsv(await (await get('?numbers=2,13&numbers=4')).text());
    expect(listed.slice(1).map((r) => r[header.indexOf('Number')])).toEqual(['2', '4', '13']);
  });

  it('answers bad parameters with the typed errors GraphQL gives, and nothing else', async () => {
    const errorOf = async (query: string) => {
      const response = await get(query);
      return { status: response.status, body: await response.json() };
    };
    expect(await errorOf('?colour=red')).toMatchObject({
      status: 400,
      body: { errors: [{ message: expect.stringMatching(/^Unknown parameter "colour"/), extensions: { code: 'BAD_USER_INPUT' } }] },
    });
    expect(await errorOf('?addressedTo=nobody')).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Unknown agency "nobody" in "filter.addressedTo": name agencies by slug (e.g. "jexu") or global id.',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      },
    });
    expect(await errorOf('?status=DONE')).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } });
    expect(await errorOf('?asOf=2025-02-30')).toMatchObject({ status: 400 });
    expect(await errorOf('?search=a&search=b')).toMatchObject({
      status: 400,
      body: { errors: [{ message: 'Parameter "search" may be given once.' }] },
    });
  });
});
