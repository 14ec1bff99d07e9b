/**
 * The slippage chart: one row per recommendation on a shared time axis, showing where its target
 * started, each revision, where it stands now, and when it was reported complete. Pure: data in,
 * SVG text out. Stated dates are intervals, so a target is drawn as a band from its earliest to its
 * latest day with the marker on the latest (the day it is overdue after).
 */
export interface ChartDate {
  text: string;
  earliest: string | null; // yyyy-mm-dd
  latest: string | null;
}

export interface ChartRevision {
  actionKey: string | null;
  previous: ChartDate;
  revised: ChartDate | null;
  round: string;
  reason: string | null;
}

export interface ChartRow {
  number: number;
  text: string | null;
  state: string;
  explanation: string;
  original: ChartDate | null;
  current: ChartDate | null;
  withdrawn: boolean;
  revisions: ChartRevision[];
  /** The day of the round that reported it complete, when it is COMPLETED. */
  completedOn: { date: string; round: string } | null;
}

export interface ChartData {
  title: string;
  asOf: string;
  rounds: { label: string; date: string }[];
  rows: ChartRow[];
}

const WIDTH = 1280;
const LEFT = 360;
const RIGHT = 130;
const TOP = 135;
const ROW = 30;
const BOTTOM = 110;
const DAY = 86_400_000;

export const STATE_COLOURS: Record<string, string> = {
  NOT_STARTED: '#6b7280',
  IN_PROGRESS: '#b45309',
  OVERDUE: '#b91c1c',
  COMPLETED: '#15803d',
  SUPERSEDED: '#6d28d9',
  DECLINED: '#374151',
  NOT_RECORDED: '#9ca3af',
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
/** Splits text into at most two lines at a space near `width` characters. */
function wrap(text: string, width: number): [string, string | null] {
  if (text.length <= width) return [text, null];
  const cut = text.lastIndexOf(' ', width);
  return cut > 0 ? [text.slice(0, cut), text.slice(cut + 1)] : [text.slice(0, width), text.slice(width)];
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The days the chart must show: every date drawn, padded to whole quarters. */
function span(data: ChartData): [number, number] {
  const days: number[] = [time(data.asOf), ...data.rounds.map((r) => time(r.date))];
  for (const row of data.rows) {
    for (const d of [row.original, row.current, ...row.revisions.flatMap((r) => [r.previous, r.revised])])
      for (const iso of [d?.earliest, d?.latest]) if (iso) days.push(time(iso));
    if (row.completedOn) days.push(time(row.completedOn.date));
  }
  const lo = new Date(Math.min(...days));
  const hi = new Date(Math.max(...days));
  const start = Date.UTC(lo.getUTCFullYear(), Math.floor(lo.getUTCMonth() / 3) * 3, 1);
  const end = Date.UTC(hi.getUTCFullYear(), Math.floor(hi.getUTCMonth() / 3) * 3 + 3, 1);
  return [start, end];
}

export function renderSlippageChart(data: ChartData): string {
  const [t0, t1] = span(data);
  const plot = WIDTH - LEFT - RIGHT;
  const x = (iso: string) => LEFT + ((time(iso) - t0) / (t1 - t0)) * plot;
  const height = TOP + data.rows.length * ROW + BOTTOM;
  const out: string[] = [];
  const push = (s: string) => out.push(s);

  push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui, sans-serif" font-size="12">`,
  );
  push(`<title id="chart-title">${escape(`Target dates of each recommendation: ${data.title}`)}</title>`);
  push(
    `<desc id="chart-desc">${escape(`For each recommendation: the original target (hollow circle), each revision (diamond), the target in force as of ${data.asOf} (filled circle, coloured by status) and, where reported complete, the round that said so (tick).`)}</desc>`,
  );
  push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  const [line1, line2] = wrap(data.title, 120);
  push(`<text x="20" y="26" font-size="15" font-weight="600">${escape(line1)}</text>`);
  if (line2) push(`<text x="20" y="45" font-size="15" font-weight="600">${escape(clip(line2, 120))}</text>`);
  push(`<text x="20" y="66" fill="#374151">Target dates, as first stated and as revised, with status as of ${escape(data.asOf)}</text>`);
  // Row shading first, so gridlines and marks draw over it.
  data.rows.forEach((_, i) => {
    if (i % 2 === 0) push(`<rect x="0" y="${TOP + i * ROW}" width="${WIDTH}" height="${ROW}" fill="#f9fafb"/>`);
  });

  // Quarter gridlines and the time axis.
  const axisY = TOP + data.rows.length * ROW + 8;
  for (let t = t0; t <= t1;) {
    const d = new Date(t);
    const iso = d.toISOString().slice(0, 10);
    const month = d.getUTCMonth();
    push(`<line x1="${x(iso)}" y1="${TOP - 8}" x2="${x(iso)}" y2="${axisY}" stroke="${month === 0 ? '#d1d5db' : '#f3f4f6'}"/>`);
    const label = month === 0 ? `${d.getUTCFullYear()}` : MONTHS[month];
    push(
      `<text x="${x(iso)}" y="${axisY + 16}" text-anchor="middle" fill="#4b5563"${month === 0 ? ' font-weight="600"' : ''}>${label}</text>`,
    );
    t = Date.UTC(d.getUTCFullYear(), month + 3, 1);
  }

  // Reporting rounds, labels staggered so neighbours do not collide.
  data.rounds.forEach((r, i) => {
    const rx = x(r.date);
    push(`<g class="round"><title>${escape(`${r.label} (${r.date})`)}</title>`);
    push(`<line x1="${rx}" y1="${TOP - 30 + (i % 2) * 14}" x2="${rx}" y2="${axisY}" stroke="#9ca3af" stroke-dasharray="4 3"/>`);
    push(`<text x="${rx + 3}" y="${TOP - 34 + (i % 2) * 14}" fill="#4b5563" font-size="11">${escape(clip(r.label, 28))}</text></g>`);
  });
  const asOfX = x(data.asOf);
  push(`<line x1="${asOfX}" y1="${TOP - 8}" x2="${asOfX}" y2="${axisY}" stroke="#1d4ed8" stroke-width="1.5"/>`);
  push(`<text x="${asOfX + 3}" y="${axisY + 32}" fill="#1d4ed8" font-size="11">as of ${escape(data.asOf)}</text>`);

  data.rows.forEach((row, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const colour = STATE_COLOURS[row.state] ?? '#111827';
    const label = `R${row.number}`;
    push(`<g class="recommendation" data-number="${row.number}" data-state="${row.state}">`);
    push(`<title>${escape(`${label}: ${row.text ?? 'not in the plan'}\n${row.explanation}`)}</title>`);
    push(`<text x="20" y="${y + 4}" font-weight="600">${label}</text>`);
    push(`<text x="60" y="${y + 4}" fill="#374151">${escape(clip(row.text ?? '(not in the plan)', 46))}</text>`);
    push(
      `<text x="${WIDTH - RIGHT + 12}" y="${y + 4}" fill="${colour}" font-weight="600" font-size="11">${row.state.replace(/_/g, ' ')}</text>`,
    );

    const band = (d: ChartDate, fill: string) => {
      if (d.earliest && d.latest && d.earliest !== d.latest)
        push(
          `<rect x="${x(d.earliest)}" y="${y - 3}" width="${Math.max(1, x(d.latest) - x(d.earliest))}" height="6" rx="3" fill="${fill}" opacity="0.35"/>`,
        );
    };
    if (!row.original?.latest) {
      if (row.state === 'NOT_RECORDED')
        push(`<text x="${LEFT + 8}" y="${y + 4}" fill="#6b7280" font-style="italic">no target on record</text>`);
    } else {
      const from = x(row.original.latest);
      if (row.current?.latest) {
        const to = x(row.current.latest);
        push(`<line x1="${from}" y1="${y}" x2="${to}" y2="${y}" stroke="${to > from ? '#ef4444' : '#9ca3af'}" stroke-width="2"/>`);
      }
      band(row.original, '#6b7280');
      push(
        `<circle cx="${from}" cy="${y}" r="5" fill="#ffffff" stroke="#374151" stroke-width="1.5"><title>${escape(`Original target: ${row.original.text}`)}</title></circle>`,
      );
    }
    for (const r of row.revisions) {
      if (!r.revised?.latest) {
        if (r.previous.latest)
          push(
            `<text x="${x(r.previous.latest)}" y="${y + 4}" text-anchor="middle" fill="#b91c1c" font-weight="700">×<title>${escape(`${r.actionKey ?? ''} ${r.previous.text}: withdrawn with no new date (${r.round})`)}</title></text>`,
          );
        continue;
      }
      const rx = x(r.revised.latest);
      push(
        `<path d="M${rx} ${y - 5} L${rx + 5} ${y} L${rx} ${y + 5} L${rx - 5} ${y} Z" fill="#9ca3af"><title>${escape(`${r.actionKey ? `${r.actionKey}: ` : ''}${r.previous.text} → ${r.revised.text} (${r.round})${r.reason ? `. Reason: ${r.reason}` : '. No reason given.'}`)}</title></path>`,
      );
    }
    if (row.current?.latest && !row.withdrawn) {
      band(row.current, colour);
      push(
        `<circle cx="${x(row.current.latest)}" cy="${y}" r="5.5" fill="${colour}"><title>${escape(`Target in force: ${row.current.text}`)}</title></circle>`,
      );
    }
    const lastKnown = row.revisions.findLast((r) => !r.revised)?.previous.latest;
    if (row.withdrawn && lastKnown) push(`<text x="${x(lastKnown) + 9}" y="${y + 4}" fill="#b91c1c" font-size="11">date withdrawn</text>`);
    if (row.completedOn)
      push(
        `<text x="${x(row.completedOn.date)}" y="${y + 5}" text-anchor="middle" fill="#15803d" font-size="15" font-weight="700">✓<title>${escape(`Reported complete: ${row.completedOn.round}`)}</title></text>`,
      );
    push(`</g>`);
  });

  // Legend.
  const ly = height - 38;
  const legend: [string, string][] = [
    [`<circle cx="0" cy="0" r="5" fill="#fff" stroke="#374151" stroke-width="1.5"/>`, 'original target'],
    [`<path d="M0 -5 L5 0 L0 5 L-5 0 Z" fill="#9ca3af"/>`, 'revised'],
    [`<circle cx="0" cy="0" r="5.5" fill="#b91c1c"/>`, 'target in force (colour: status)'],
    [`<text x="0" y="5" text-anchor="middle" fill="#15803d" font-size="15" font-weight="700">✓</text>`, 'reported complete'],
    [`<text x="0" y="4" text-anchor="middle" fill="#b91c1c" font-weight="700">×</text>`, 'date withdrawn'],
    [`<rect x="-8" y="-3" width="16" height="6" rx="3" fill="#6b7280" opacity="0.35"/>`, 'span of a fuzzy date'],
  ];
  let lx = 30;
  for (const [mark, text] of legend) {
    push(`<g transform="translate(${lx} ${ly})">${mark}<text x="12" y="4" fill="#374151">${text}</text></g>`);
    lx += 30 + text.length * 6.6;
  }
  push(`</svg>`);
  return out.join('\n');
}
