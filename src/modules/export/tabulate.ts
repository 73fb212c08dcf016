import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { AppError, ErrorCode } from '../../errors/app-error';

/** A GraphQL result laid out as a table: a header and one row per list item. */
export interface Table {
  /** Name of the root field, e.g. "tradeFlows" (used as the file name). */
  name: string;
  columns: string[];
  rows: unknown[][];
}

interface Column {
  name: string;
  path: string[];
  /** True when the field is a list of scalars (joined with "; " in one cell). */
  list: boolean;
}

const invalid = (message: string) => new AppError(ErrorCode.INVALID_ARGUMENT, message, { argument: 'query' });

function operation(document: DocumentNode, operationName?: string): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!op) throw invalid(operationName ? `no operation named "${operationName}" in the query` : 'the query must hold exactly one operation (or name one with operationName)');
  return op;
}

/** Columns of the selection on `type`, depth-first in query order; nested objects become "a.b" columns. */
function columnsOf(selection: SelectionSetNode, type: GraphQLObjectType, fragments: Map<string, FragmentDefinitionNode>, prefix: string[], into: Column[]): void {
  for (const node of selection.selections) {
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(node.name.value);
      if (fragment) columnsOf(fragment.selectionSet, type, fragments, prefix, into);
      continue;
    }
    if (node.kind === Kind.INLINE_FRAGMENT) {
      columnsOf(node.selectionSet, type, fragments, prefix, into);
      continue;
    }
    if (node.name.value === '__typename') continue;
    const key = node.alias?.value ?? node.name.value;
    const field = type.getFields()[node.name.value];
    if (!field) continue; // validation has already rejected unknown fields
    const nullable = getNullableType(field.type);
    const named = getNamedType(field.type);
    if (isListType(nullable) && isObjectType(named)) {
      throw invalid(`"${[...prefix, key].join('.')}" is a list of objects; a CSV row has one value per column. Query that list as the root instead.`);
    }
    if (isObjectType(named) && node.selectionSet) columnsOf(node.selectionSet, named, fragments, [...prefix, key], into);
    else into.push({ name: [...prefix, key].join('.'), path: [...prefix, key], list: isListType(nullable) });
  }
}

function valueAt(item: unknown, column: Column): unknown {
  let value: unknown = item;
  for (const key of column.path) value = value == null ? null : (value as Record<string, unknown>)[key];
  return column.list && Array.isArray(value) ? value.join('; ') : value;
}

/**
 * Lays out the result of a query with one root field as a table. The rows are the root list itself, or
 * a connection's `nodes` (or `edges { node }`), or an object's `rows`; the columns are the fields
 * selected on a row, in query order, so an empty result still has its header.
 */
export function tabulate(schema: GraphQLSchema, document: DocumentNode, data: Record<string, unknown>, operationName?: string): Table {
  const op = operation(document, operationName);
  if (op.operation !== 'query') throw invalid('only queries can be exported');
  const roots = op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD);
  if (roots.length !== 1 || roots[0].kind !== Kind.FIELD) throw invalid('a CSV export needs exactly one root field (one table)');
  const root = roots[0];
  const rootKey = root.alias?.value ?? root.name.value;
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );

  const rootField = schema.getQueryType()!.getFields()[root.name.value];
  let rowType = getNamedType(rootField.type);
  let rowSelection = root.selectionSet;
  let items: unknown = data[rootKey];
  const rowsAreList = isListType(getNullableType(rootField.type));
  if (!rowsAreList && isObjectType(rowType) && rowSelection) {
    // A connection (nodes / edges.node) or an object with a `rows` list.
    const pick = rowSelection.selections.find(
      (s) => s.kind === Kind.FIELD && ['nodes', 'edges', 'rows'].includes(s.name.value),
    );
    if (!pick || pick.kind !== Kind.FIELD || !pick.selectionSet) throw invalid(`select the rows of ${root.name.value}: its nodes, edges { node } or rows`);
    const pickKey = pick.alias?.value ?? pick.name.value;
    const container = items as Record<string, unknown> | null;
    if (pick.name.value === 'edges') {
      const nodeSel = pick.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === 'node');
      if (!nodeSel || nodeSel.kind !== Kind.FIELD) throw invalid('select edges { node { … } }');
      rowType = getNamedType((getNamedType(rowType.getFields()[pick.name.value].type) as GraphQLObjectType).getFields().node.type);
      rowSelection = nodeSel.selectionSet;
      const nodeKey = nodeSel.alias?.value ?? 'node';
      items = ((container?.[pickKey] as unknown[]) ?? []).map((e) => (e as Record<string, unknown>)[nodeKey]);
    } else {
      rowType = getNamedType(rowType.getFields()[pick.name.value].type);
      rowSelection = pick.selectionSet;
      items = container?.[pickKey] ?? [];
    }
  }
  if (!isObjectType(rowType) || !rowSelection) throw invalid(`${root.name.value} is not a list of rows`);
  const columns: Column[] = [];
  columnsOf(rowSelection, rowType, fragments, [], columns);
  const list = Array.isArray(items) ? items : items == null ? [] : [items];
  return { name: rootKey, columns: columns.map((c) => c.name), rows: list.map((item) => columns.map((c) => valueAt(item, c))) };
}
