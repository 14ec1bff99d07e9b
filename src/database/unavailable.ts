/**
 * Whether an error means the database cannot be reached right now (down, restarting, refusing
 * connections, or the connection dropped) rather than that a statement was wrong. Such requests are
 * answered at once with DATABASE_UNAVAILABLE; the pool reconnects by itself once the server is back.
 */
import { Prisma } from '@prisma/client';

// P1001 can't reach, P1002 timed out reaching, P1008 operation timed out, P1017 server closed the connection.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseDoesNotExist']);
// SQLSTATE: 08 connection exceptions, 57P01-57P03 shutdown and startup, 53300 too many connections.
const UNAVAILABLE_STATE = /^(08...|57P0[1-3]|53300)$/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

interface AdapterCause {
  kind?: string;
  code?: string;
  originalCode?: string;
}

type Chained = { cause?: unknown; originalError?: unknown };

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Chained | undefined, depth = 0; e && depth < 8; depth++) {
    if (e instanceof Prisma.PrismaClientKnownRequestError) {
      if (PRISMA_CODES.has(e.code)) return true;
      const cause = (e.meta?.driverAdapterError as { cause?: AdapterCause } | undefined)?.cause;
      if (cause && (ADAPTER_KINDS.has(cause.kind ?? '') || UNAVAILABLE_STATE.test(cause.originalCode ?? cause.code ?? ''))) return true;
    }
    if (e instanceof Prisma.PrismaClientInitializationError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || UNAVAILABLE_STATE.test(code))) return true;
    if (e instanceof Error && /timeout exceeded when trying to connect|Connection terminated/i.test(e.message)) return true;
    e = ((e as Chained).originalError ?? (e as Chained).cause) as Chained | undefined;
  }
  return false;
}
