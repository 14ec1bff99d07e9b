/**
 * Bridges node:http to Apollo Server: reads the body (bounded), hands Apollo the request with a fresh
 * per-request context, answers REQUEST_TIMEOUT when it runs too long, and writes the response with
 * the request id in every error, so a caller can quote it and the server log finds the details.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { Context } from '../context/context.js';
import { requestTimeoutMessage } from './errors.js';

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJsonError(
  res: ServerResponse,
  status: number,
  message: string,
  code: string,
  requestId: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, requestId } }] }));
}

/** The response body with `requestId` added to each error's extensions (parsed only when it has errors). */
function withRequestId(body: string, requestId: string): string {
  if (!body.includes('"errors":[')) return body;
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: Record<string, unknown> }[] };
    if (!Array.isArray(parsed.errors)) return body;
    for (const error of parsed.errors) error.extensions = { ...error.extensions, requestId };
    return JSON.stringify(parsed);
  } catch {
    return body;
  }
}

export interface GraphQLRequestOptions {
  bodyBytes: number;
  timeoutMs: number;
  requestId: string;
  context: () => Promise<Context>;
}

export async function handleGraphQL(
  apollo: ApolloServer<Context>,
  req: IncomingMessage,
  res: ServerResponse,
  { bodyBytes, timeoutMs, requestId, context }: GraphQLRequestOptions,
): Promise<void> {
  let raw: string;
  try {
    raw = req.method === 'POST' ? await readBody(req, bodyBytes) : '';
  } catch (error) {
    // The rest of the body is left unread, so the connection cannot carry another request.
    if (error instanceof BodyTooLarge)
      return sendJsonError(res, 413, `The request body exceeds ${bodyBytes} bytes, the limit.`, 'PAYLOAD_TOO_LARGE', requestId, {
        connection: 'close',
      });
    throw error;
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown = raw;
  if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
    try {
      body = JSON.parse(raw);
    } catch {
      return sendJsonError(res, 400, 'The request body is not valid JSON.', 'BAD_REQUEST', requestId);
    }
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<null>((done) => (timer = setTimeout(() => done(null), timeoutMs)));
  const response: HTTPGraphQLResponse | null = await Promise.race([
    apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body }, context }),
    timedOut,
  ]).finally(() => clearTimeout(timer));
  if (!response) {
    req.log.warn({ timeoutMs }, 'request timed out');
    return sendJsonError(res, 503, requestTimeoutMessage(timeoutMs), 'REQUEST_TIMEOUT', requestId, { 'retry-after': '1' });
  }
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(withRequestId(response.body.string, requestId));
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
