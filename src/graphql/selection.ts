import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The fields a selection set asks for, fragments (named and inline) merged in, each with its nodes. */
function collect(info: GraphQLResolveInfo, sets: ReadonlyArray<SelectionSetNode | undefined>, into: Map<string, FieldNode[]>): void {
  for (const set of sets) {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) into.set(selection.name.value, [...(into.get(selection.name.value) ?? []), selection]);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(info, [selection.selectionSet], into);
      else collect(info, [info.fragments[selection.name.value]?.selectionSet], into);
    }
  }
}

/**
 * The names of the fields the current field's result is asked for, `path` fields down (e.g. `['concentration']`
 * for the fields of each item's `concentration`): every alias and fragment merged, and fields under `@skip` or
 * `@include` counted as asked (what a resolver skips computing on this answer must never be needed).
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    const fields = new Map<string, FieldNode[]>();
    collect(
      info,
      nodes.map((node) => node.selectionSet),
      fields,
    );
    nodes = fields.get(name) ?? [];
  }
  const fields = new Map<string, FieldNode[]>();
  collect(
    info,
    nodes.map((node) => node.selectionSet),
    fields,
  );
  return new Set(fields.keys());
}
