/** One benchmark query, as each peer asks it, and how to bring each answer to one shape for comparison. */
export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface BenchQuery {
  /** Short key used in file names and tables: "q3-tree". */
  key: string;
  title: string;
  /** The page size used when none is asked for. */
  defaultPage: number;
  /** The size of the paginated list, or null for a query with none (the trivial query). */
  server(page: number): GraphQLRequest;
  postgraphile(page: number): GraphQLRequest;
  /** One hand-written statement returning the whole response body, in this server's shape, as text. */
  floor: { sql: string; params(page: number): unknown[] };
  /** PostGraphile's `data` brought to this server's shape. */
  fromPostgraphile(data: any): unknown;
}

/** `{ nodes: [...] }` -> `[...]`: PostGraphile gives every list as a connection. */
export const nodes = <T>(connection: { nodes: T[] }) => connection.nodes;

/** A stated date as this server shows it when only its text is asked for. */
export const textDate = (text: string | null) => (text === null ? null : { text });

/** The SQL for the same: null, or {"text": ...}. */
export const sqlTextDate = (column: string) => `CASE WHEN ${column} IS NULL THEN NULL ELSE json_build_object('text', ${column}) END`;
