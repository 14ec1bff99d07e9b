/**
 * Counts the SQL statements the database executed for one peer's requests. Preferred source:
 * pg_stat_statements (exact; installed in its own schema, so PostGraphile does not expose it). Without
 * it (a server not preloading the library), the fallback is pg_stat_database's committed transactions,
 * which equals statements for peers that send single statements outside transactions; the report says
 * which source was used.
 */
import pg from 'pg';

export type StatementSource = 'pg_stat_statements' | 'pg_stat_database (transactions)';

export interface StatementCounter {
  source: StatementSource;
  reset(): Promise<void>;
  /** Statements executed in the benchmark database since the last reset, the counter's own excluded. */
  read(): Promise<number>;
  /** The statements themselves with their call counts (pg_stat_statements only), for profiling. */
  top(limit: number): Promise<{ calls: number; meanMs: number; query: string }[]>;
  /**
   * Waits (at most `timeoutMs`) until no other session runs a statement in the benchmark database: a
   * load run leaves requests in flight when it ends, and their work must not spill into the next run.
   */
  quiet(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

const STATS_SCHEMA = 'bench_stats';
/** Marks the counter's own statements, so they are left out of the count. */
const MARK = '/* bench-counter */';

export async function statementCounter(url: string): Promise<StatementCounter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const quiet = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    let calm = 0;
    // Three idle samples in a row: an N+1 request is idle for an instant between its statements.
    while (Date.now() < deadline) {
      const { rows } = await client.query(
        `${MARK} SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      calm = rows[0].n === 0 ? calm + 1 : 0;
      if (calm >= 3) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${STATS_SCHEMA}`);
    await client.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA ${STATS_SCHEMA}`);
    await client.query(`SELECT count(*) FROM ${STATS_SCHEMA}.pg_stat_statements`);
    const own = `dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%bench-counter%'`;
    return {
      source: 'pg_stat_statements',
      reset: async () => void (await client.query(`SELECT ${STATS_SCHEMA}.pg_stat_statements_reset()`)),
      read: async () =>
        Number((await client.query(`SELECT coalesce(sum(calls), 0) AS n FROM ${STATS_SCHEMA}.pg_stat_statements WHERE ${own}`)).rows[0].n),
      top: async (limit) =>
        (
          await client.query(
            `SELECT calls::int, round(mean_exec_time::numeric, 3)::float AS "meanMs", query FROM ${STATS_SCHEMA}.pg_stat_statements
             WHERE ${own} ORDER BY calls DESC, total_exec_time DESC LIMIT $1`,
            [limit],
          )
        ).rows,
      quiet,
      close: () => client.end(),
    };
  } catch {
    // Not preloaded, or no right to create the extension: count transactions instead.
  }
  let base = 0;
  // Cumulative statistics are flushed about once a second; wait for them before each reading.
  const settle = () => new Promise((r) => setTimeout(r, 1_100));
  const transactions = async () => {
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()');
    return Number(rows[0].n);
  };
  return {
    source: 'pg_stat_database (transactions)',
    reset: async () => {
      await settle();
      base = await transactions();
    },
    // Each reading itself is two transactions of the counter's own (clear snapshot, select).
    read: async () => {
      await settle();
      return (await transactions()) - base - 2;
    },
    top: async () => [],
    quiet,
    close: () => client.end(),
  };
}
