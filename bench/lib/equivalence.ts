/**
 * Before anything is timed, every peer must give the same answer: the same JSON once brought to this
 * server's shape, exactly, order included. A difference stops the run with the first path that differs.
 */
import type { Peer } from '../peers/peers.js';
import { PEER_TITLES } from '../peers/peers.js';
import type { BenchQuery } from '../queries/types.js';

/** The first path at which two JSON values differ, or null. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return `${path}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return `${path}: ${a.length} items vs ${other.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], other[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const key of [...keys].sort()) {
    const d = firstDifference(ao[key], bo[key], `${path}.${key}`);
    if (d) return d;
  }
  return null;
}

export async function send(peer: Peer, query: BenchQuery, page: number): Promise<{ body: any; bytes: number }> {
  if (!peer.alive()) throw new Error(`${PEER_TITLES[peer.name]} is no longer running`);
  const { path, body } = peer.request(query, page);
  const response = await fetch(`${peer.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${PEER_TITLES[peer.name]} answered ${query.key} with HTTP ${response.status}: ${text.slice(0, 300)}`);
  return { body: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

/** Throws unless every peer's answer equals the first peer's. Returns the size of the reference answer. */
export async function checkEquivalent(peers: Peer[], query: BenchQuery, page: number): Promise<number> {
  const [reference, ...others] = peers;
  const { body, bytes } = await send(reference, query, page);
  const expected = reference.toServerShape(query, body);
  if (JSON.stringify(expected).length < 20)
    throw new Error(`${query.key}: the reference answer is suspiciously empty: ${JSON.stringify(expected)}`);
  for (const peer of others) {
    const actual = peer.toServerShape(query, (await send(peer, query, page)).body);
    const difference = firstDifference(expected, actual);
    if (difference)
      throw new Error(
        `${query.key} (page ${page}): ${PEER_TITLES[peer.name]} differs from ${PEER_TITLES[reference.name]} at ${difference}`,
      );
  }
  return bytes;
}
