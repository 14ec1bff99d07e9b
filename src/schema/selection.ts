/** What the client selected below the field being resolved, so work nobody asked for is skipped. */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The fields selected directly in `sets` (through fragments too). */
export function fieldsIn(info: Pick<GraphQLResolveInfo, 'fragments'>, sets: readonly (SelectionSetNode | undefined)[]): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) fields.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else visit(info.fragments[s.name.value]?.selectionSet);
    }
  };
  for (const set of sets) visit(set);
  return fields;
}

/** The fields selected at `path` below the current field (the field itself for an empty path). */
export function selectedFieldNodes(info: GraphQLResolveInfo, path: readonly string[] = []): FieldNode[] {
  let level = fieldsIn(
    info,
    info.fieldNodes.map((n) => n.selectionSet),
  );
  for (const step of path)
    level = fieldsIn(
      info,
      level.filter((f) => f.name.value === step).map((f) => f.selectionSet),
    );
  return level;
}

/** The names of the fields selected directly on the current field's value (through fragments too). */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  return new Set(selectedFieldNodes(info).map((f) => f.name.value));
}
