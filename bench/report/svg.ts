/**
 * A hand-written SVG bar chart: requests per second of each peer for each query (log scale, since the
 * floor and the N+1 baseline are orders of magnitude apart), at the lowest connection count.
 */
import { PEER_TITLES, type PeerName } from '../peers/peers.js';
import type { RunResults } from './results.js';

const COLOURS: Record<PeerName, string> = { server: '#2563eb', unbatched: '#dc2626', postgraphile: '#16a34a', floor: '#6b7280' };
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function svgChart(r: RunResults): string {
  const connections = Math.min(...r.settings.connections);
  const width = 760;
  const height = 360;
  const left = 60;
  const top = 40;
  const plotHeight = 230;
  const groupWidth = (width - left - 20) / r.queries.length;
  const barWidth = Math.min(36, (groupWidth - 20) / r.peers.length);
  const values = r.loadCells.filter((c) => c.connections === connections).map((c) => c.median.requestsPerSecond);
  const max = Math.max(10, ...values.filter(Number.isFinite));
  const decades = Math.ceil(Math.log10(max)) + 1; // from 0.1 req/s
  const y = (v: number) => top + plotHeight - (Math.max(0, Math.log10(Math.max(v, 0.1)) + 1) / decades) * plotHeight;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="22" font-size="14" font-weight="bold">${escape(`Requests per second at ${connections} connections (log scale), scale ${r.settings.compareScale}`)}</text>`,
  ];
  for (let d = 0; d <= decades; d++) {
    const v = 10 ** (d - 1);
    parts.push(
      `<line x1="${left}" x2="${width - 20}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e7eb"/>`,
      `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v >= 1 ? v : v.toFixed(1)}</text>`,
    );
  }
  r.queries.forEach((q, qi) => {
    const x0 = left + qi * groupWidth + (groupWidth - barWidth * r.peers.length) / 2;
    r.peers.forEach((p, pi) => {
      const cell = r.loadCells.find((c) => c.peer === p && c.query === q.key && c.connections === connections);
      const v = cell?.median.requestsPerSecond ?? Number.NaN;
      if (!Number.isFinite(v) || v <= 0) return;
      const x = x0 + pi * barWidth;
      parts.push(
        `<rect x="${x}" y="${y(v)}" width="${barWidth - 3}" height="${top + plotHeight - y(v)}" fill="${COLOURS[p]}"><title>${escape(`${PEER_TITLES[p]}: ${v.toFixed(1)} req/s`)}</title></rect>`,
        `<text x="${x + (barWidth - 3) / 2}" y="${y(v) - 3}" text-anchor="middle" font-size="9">${v >= 100 ? v.toFixed(0) : v.toFixed(1)}</text>`,
      );
    });
    parts.push(
      `<text x="${left + qi * groupWidth + groupWidth / 2}" y="${top + plotHeight + 18}" text-anchor="middle">${escape(q.key)}</text>`,
    );
  });
  r.peers.forEach((p, i) => {
    const x = left + i * 170;
    parts.push(
      `<rect x="${x}" y="${height - 36}" width="12" height="12" fill="${COLOURS[p]}"/>`,
      `<text x="${x + 18}" y="${height - 26}">${escape(PEER_TITLES[p])}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
