/**
 * Filters, ordering and paging of the recommendations and actions connections, and the typed errors
 * for input that would otherwise give an empty answer that looks valid.
 */
import { describe, expect, it } from 'vitest';
import { data, run } from './support/graphql.js';
import { testDatabase } from './support/database.js';

const { db } = testDatabase();
const numbers = async (args: string, vars?: Record<string, unknown>) =>
  (
    await data(db, `query($after: String) { recommendations(first: 100, after: $after, ${args}) { nodes { number } } }`, vars)
  ).recommendations.nodes.map((n: any) => n.number);
const errorOf = async (query: string, variables?: Record<string, unknown>) => (await run(db, query, variables)).errors?.[0];

describe('combining filters', () => {
  it('narrows with every condition given', async () => {
    expect(await numbers('filter: { addressedTo: "prison-service", response: PARTLY_AGREED }')).toEqual([16]);
    expect(await numbers('filter: { status: NOT_RECORDED }')).toEqual([13]);
    expect(await numbers('filter: { hasDateRevisions: false, addressedTo: "ct-policing" }')).toEqual([20, 21]);
    expect(await numbers('filter: { ownerRole: "sro-mapps" }')).toEqual([3]);
    // An agency and a role may also be named by global id.
    const { agency } = await data(db, '{ agency(slug: "ct-policing") { id } }');
    expect(await numbers(`filter: { addressedTo: "${agency.id}" }`)).toEqual([19, 20, 21]);
  });

  it('includes units under an agency, and dependencies relying on a dependency', async () => {
    const hmpps = await numbers('filter: { ownedBy: "hmpps" }');
    const jexu = await numbers('filter: { ownedBy: "jexu" }');
    expect(hmpps).toEqual(expect.arrayContaining(jexu));
    expect(hmpps.length).toBeGreaterThan(jexu.length);
    // The CIM replacement tool relies on Pathfinder Reform, so what relies on the tool relies on Pathfinder too.
    const tool = await numbers('filter: { dependsOn: "cim-replacement-tool" }');
    expect(await numbers('filter: { dependsOn: "pathfinder-reform" }')).toEqual(expect.arrayContaining(tool));
  });

  it('searches the record’s own words, stemmed, with web-search syntax', async () => {
    expect(await numbers('filter: { search: "MAPPS" }')).toEqual(expect.arrayContaining([3, 21]));
    expect(await numbers('filter: { search: "\\"workload management tool\\"" }')).toEqual([14]);
    // "delayed" in a progress update is found by "delay".
    expect(await numbers('filter: { search: "delay" }')).toEqual(expect.arrayContaining([6, 11, 16]));
  });
});

describe('ordering and paging derived lists', () => {
  it('orders by target in force, unknown last, and pages through with cursors', async () => {
    const all = (
      await data(
        db,
        '{ asOf(round: "letter-2025-03") { recommendations(first: 100, orderBy: { field: TARGET_DATE }) { nodes { number slippage { current { latest } } } } } }',
      )
    ).asOf.recommendations.nodes;
    const dates = all.map((r: any) => r.slippage.current?.latest ?? null);
    const known = dates.filter((d: string | null) => d !== null);
    expect(known).toEqual([...known].sort());
    expect(dates.slice(known.length).every((d: string | null) => d === null)).toBe(true);
    expect(all.at(-1).number).not.toBe(3);

    const page = async (after?: string) =>
      (
        await data(
          db,
          `query($after: String) { asOf(round: "letter-2025-03") { recommendations(first: 8, after: $after, orderBy: { field: TARGET_DATE }) {
            pageInfo { hasNextPage endCursor } nodes { number } } } }`,
          { after },
        )
      ).asOf.recommendations;
    const pages = [await page()];
    while (pages.at(-1)!.pageInfo.hasNextPage) pages.push(await page(pages.at(-1)!.pageInfo.endCursor));
    expect(pages.flatMap((p) => p.nodes.map((n: any) => n.number))).toEqual(all.map((r: any) => r.number));
  });

  it('answers "the last n" of a filtered list, with its total', async () => {
    const { recommendations } = await data(
      db,
      '{ recommendations(last: 2, filter: { response: AGREED }) { totalCount nodes { number } } }',
    );
    expect(recommendations).toEqual({ totalCount: 19, nodes: [{ number: 20 }, { number: 21 }] });
  });

  it('orders actions by slippage, largest first', async () => {
    const { actions } = await data(
      db,
      '{ actions(first: 5, orderBy: { field: SLIPPAGE, direction: DESC }) { nodes { key slipDays recommendation { number } } } }',
    );
    expect(actions.nodes[0]).toMatchObject({ recommendation: { number: 3 }, slipDays: 852 });
    const days = actions.nodes.map((a: any) => a.slipDays);
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });
});

describe('input that would look like an empty answer is refused', () => {
  it('names unknown agencies, dependencies, roles and inspections', async () => {
    expect(await errorOf('{ recommendations(filter: { addressedTo: ["jexu", "jexuu"] }) { totalCount } }')).toMatchObject({
      message: 'Unknown agency "jexuu" in "filter.addressedTo": name agencies by slug (e.g. "jexu") or global id.',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter.addressedTo', unknown: ['jexuu'] },
    });
    expect(await errorOf('{ actions(filter: { dependsOn: "mapp" }) { totalCount } }')).toMatchObject({
      message: expect.stringContaining('Unknown dependency "mapp"'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await errorOf('{ recommendations(filter: { ownerRole: "dd-nobody" }) { totalCount } }'))?.message).toMatch(/Unknown role/);
    expect((await errorOf('{ recommendations(filter: { inspection: "ct-2099" }) { totalCount } }'))?.message).toMatch(/Unknown inspection/);
    // A global id of another type is not an agency.
    const { dependency } = await data(db, '{ dependency(slug: "mapps") { id } }');
    expect((await errorOf(`{ recommendations(filter: { ownedBy: "${dependency.id}" }) { totalCount } }`))?.message).toMatch(
      /Unknown agency/,
    );
  });

  it('refuses empty lists, contradictions, unsearchable and over-long search text', async () => {
    expect(await errorOf('{ recommendations(filter: { numbers: [] }) { totalCount } }')).toMatchObject({
      message: '"filter.numbers" must not be empty: leave it out to match everything.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(
      await errorOf('{ recommendations(filter: { status: [COMPLETED, DECLINED], overdueOn: "2025-01-01" }) { totalCount } }'),
    ).toMatchObject({
      message: '"filter.overdueOn" contradicts "filter.status": COMPLETED, DECLINED work is never overdue.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await errorOf('{ recommendations(filter: { search: "the of and" }) { totalCount } }'))?.message).toMatch(
      /no words to search for/,
    );
    expect(
      (await errorOf('query($s: String) { recommendations(filter: { search: $s }) { totalCount } }', { s: 'x'.repeat(201) }))?.message,
    ).toBe('"filter.search" may be at most 200 characters.');
  });

  it('refuses malformed dates and cursors from other lists', async () => {
    expect((await errorOf('{ recommendations(filter: { overdueOn: "2025-13-01" }) { totalCount } }'))?.message).toMatch(/Date/);
    const { dependencies } = await data(db, '{ dependencies(first: 1) { pageInfo { endCursor } } }');
    expect(await errorOf(`{ recommendations(after: "${dependencies.pageInfo.endCursor}") { totalCount } }`)).toMatchObject({
      message: 'Invalid cursor: "after" must be a cursor this API returned.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
