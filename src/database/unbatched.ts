/**
 * The N+1 baseline, for the benchmark only (BENCH_UNBATCHED=1): every nested relation a query selects
 * is loaded with its own statement per parent row, as resolvers that each fetch their own rows would.
 *
 * It works beneath the schema, on the Prisma client: a read's relation selections are removed from its
 * statement, then each parent row's relations are read one row at a time (recursively), and the rows are
 * put back together in the shape Prisma would have returned. So the schema, Pothos and the answers stay
 * exactly as they are; only how the database is asked changes. findMany and findFirst are used for the
 * per-row reads because Prisma would batch concurrent findUnique calls into one statement.
 */
import type { Database } from './client.js';
import { getDatamodel } from './generated/pothos-types.js';

type Args = Record<string, unknown>;
type Row = Record<string, unknown>;
interface Field {
  name: string;
  kind: string;
  type: string;
  isList: boolean;
  relationName?: string;
  relationFromFields?: string[];
}

const models = getDatamodel().datamodel.models as unknown as Record<string, { fields: Field[] }>;
const READS = new Set(['findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow']);
const delegateName = (model: string) => model[0].toLowerCase() + model.slice(1);

/** For a relation of `model`: the column pair joining parent and child, and whether it is a list. */
function join(model: string, field: Field): { parentColumn: string; childColumn: string } {
  if (field.relationFromFields?.length) return { parentColumn: field.relationFromFields[0], childColumn: 'id' };
  // The list side: the foreign key is on the other model, in the field of the same relation that names it.
  const opposite = models[field.type].fields.find((f) => f.relationName === field.relationName && f.relationFromFields?.length);
  if (!opposite) throw new Error(`unbatched: no foreign key for ${model}.${field.name}`);
  return { parentColumn: 'id', childColumn: opposite.relationFromFields![0] };
}

/** Splits a read's arguments into the statement without relations and the relations to load per row. */
function split(model: string, args: Args): { flat: Args; relations: [Field, true | Args][] } {
  const key = args.select ? 'select' : args.include ? 'include' : null;
  if (!key) return { flat: args, relations: [] };
  const selection = { ...(args[key] as Args) };
  const relations: [Field, true | Args][] = [];
  for (const field of models[model].fields) {
    if (field.kind !== 'object' || !selection[field.name]) continue;
    relations.push([field, selection[field.name] as true | Args]);
    delete selection[field.name];
    // The per-row reads need the joining column of the parent row.
    if (key === 'select') selection[join(model, field).parentColumn] = true;
  }
  return { flat: { ...args, [key]: selection }, relations };
}

async function read(db: Database, model: string, operation: string, args: Args): Promise<unknown> {
  const { flat, relations } = split(model, args);
  const delegate = (db as unknown as Record<string, Record<string, (a: Args) => Promise<unknown>>>)[delegateName(model)];
  const result = await delegate[operation](flat);
  if (relations.length === 0 || result == null) return result;
  const rows = (Array.isArray(result) ? result : [result]) as Row[];
  await Promise.all(
    rows.flatMap((row) =>
      relations.map(async ([field, relationArgs]) => {
        const { parentColumn, childColumn } = join(model, field);
        const value = row[parentColumn];
        const nested: Args = relationArgs === true ? {} : relationArgs;
        if (value == null) return void (row[field.name] = field.isList ? [] : null);
        const where = nested.where ? { AND: [nested.where, { [childColumn]: value }] } : { [childColumn]: value };
        row[field.name] = await read(db, field.type, field.isList ? 'findMany' : 'findFirst', { ...nested, where });
      }),
    ),
  );
  return result;
}

const rowByRow = new WeakSet<object>();

/** Whether `db` is the N+1 baseline: the loaders then read one parent's rows per statement, too. */
export const readsRowByRow = (db: Database): boolean => rowByRow.has(db);

/** `db` with every read's relations loaded row by row. Writes and raw queries are unchanged. */
export function unbatched(db: Database): Database {
  const extended = db.$extends({
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          if (!READS.has(operation)) return query(args);
          const row = operation.startsWith('findUnique') ? operation.replace('Unique', 'First') : operation;
          return read(db, model, row, args as Args) as never;
        },
      },
    },
  }) as unknown as Database;
  rowByRow.add(extended);
  return extended;
}
