import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The field nodes of a selection set, inline fragments and fragment spreads flattened (each fragment once). */
function fieldsOf(selection: SelectionSetNode | undefined, info: GraphQLResolveInfo, seen: Set<string>): FieldNode[] {
  if (!selection) return [];
  return selection.selections.flatMap((node) => {
    if (node.kind === Kind.FIELD) return [node];
    if (node.kind === Kind.INLINE_FRAGMENT) return fieldsOf(node.selectionSet, info, seen);
    if (seen.has(node.name.value)) return [];
    seen.add(node.name.value);
    return fieldsOf(info.fragments[node.name.value]?.selectionSet, info, seen);
  });
}

/**
 * Names of the fields the query selects under the resolved field at `path` (e.g. `['rows']` for the
 * fields of each row), over every alias of each step and through fragments. A field skipped by
 * `@skip`/`@include` still counts: computing a column nobody reads costs time, never a wrong answer.
 */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  let nodes: FieldNode[] = [...info.fieldNodes];
  for (const step of path) {
    nodes = nodes.flatMap((n) => fieldsOf(n.selectionSet, info, new Set())).filter((n) => n.name.value === step);
  }
  return new Set(nodes.flatMap((n) => fieldsOf(n.selectionSet, info, new Set())).map((n) => n.name.value));
}
