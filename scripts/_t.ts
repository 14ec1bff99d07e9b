import { graphql } from 'graphql';
import pino from 'pino';
import { startEmbeddedPostgres } from '../src/database/embedded.js';
import { createDatabase } from '../src/database/client.js';
import { migrate } from '../src/database/migrate.js';
import { loadSeeds } from '../src/seed/load.js';
import { schema } from '../src/schema/index.js';
import { createContext } from '../src/context/context.js';
const e = await startEmbeddedPostgres();
const qs: string[] = [];
const db = createDatabase({ url: e.url, onQuery: (q) => qs.push(q.query) });
await migrate(db, e.url); await loadSeeds(db, 'seeds');
const q = `query($n: Int!) { recommendations(first: $n) { totalCount edges { cursor node { id number text addressees { slug name } response { value reasons }
  actions { text target { text latest } currentTarget { text } slipDays owners { title agency { name parent { name } } } dateRevisions { previous { text } revised { text } reason direction round { label } } }
  progressUpdates { status paragraphs round { label submittedOn { text } } owner { title } target { text } citations { excerpt document { slug } } }
  dependencies { name status expected { text } } notes { kind summary } citations(field: "text") { excerpt start end } } } } }`;
for (const n of [5, 20]) {
  qs.length = 0;
  const r = await graphql({ schema, source: q, variableValues: { n }, contextValue: createContext({ db, requestId: 'x', log: pino({ level: 'silent' }) }) });
  if (r.errors) console.log(r.errors);
  console.log(n, 'statements', qs.length, 'edges', (r.data as any)?.recommendations.edges.length);
  if (n === 5) console.log(JSON.stringify((r.data as any).recommendations.edges[0].node, null, 1).slice(0, 2500));
}
console.log(qs.map(s => s.slice(0, 200)).join('\n'));
await db.$disconnect(); await e.stop();
