import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { columnTypeOf } from './column-types';
import type { ExportColumn } from './formats/table-format';

/**
 * The table a query's result is laid out as, known from the document alone: its columns (with their
 * types), where its rows are in a result, and the connection (if any) whose pages hold them.
 */
export interface TableShape {
  /** Name of the root field, e.g. "tradeFlows" (used as the file name). */
  name: string;
  columns: ExportColumn[];
  /** Each column's field names from the row down (the column's name uses aliases). */
  fields: string[][];
  /**
   * The field whose pages hold the rows (`first`/`after` arguments and a `pageInfo`): the root connection,
   * a page of aggregate rows, or a connection reached through single objects; null for a plain list.
   */
  paged: { node: FieldNode; type: GraphQLObjectType; path: string[] } | null;
  /** The rows of one result, each row's values in column order. */
  rowsOf(data: Record<string, unknown>): unknown[][];
}

/** A GraphQL result laid out as a table: a header and one row per list item. */
export interface Table {
  name: string;
  columns: string[];
  fields: string[][];
  rows: unknown[][];
}

interface Column {
  name: string;
  path: string[];
  fields: string[];
  /** True when the field is a list of scalars (joined with "; " in one cell). */
  list: boolean;
  field: GraphQLField<unknown, unknown>;
}

const invalid = (message: string) => new AppError(ErrorCode.INVALID_ARGUMENT, message, { argument: 'query' });

function operation(document: DocumentNode, operationName?: string): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!op)
    throw invalid(
      operationName
        ? `no operation named "${operationName}" in the query`
        : 'the query must hold exactly one operation (or name one with operationName)',
    );
  return op;
}

/** Field selections of a selection set, fragments spread in. */
function fieldsOf(selection: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): FieldNode[] {
  return selection.selections.flatMap((node) => {
    if (node.kind === Kind.FIELD) return [node];
    if (node.kind === Kind.INLINE_FRAGMENT) return fieldsOf(node.selectionSet, fragments);
    const fragment = fragments.get(node.name.value);
    return fragment ? fieldsOf(fragment.selectionSet, fragments) : [];
  });
}

/** Columns of the selection on `type`, depth-first in query order; nested objects become "a.b" columns. */
function columnsOf(
  selection: SelectionSetNode,
  type: GraphQLObjectType,
  fragments: Map<string, FragmentDefinitionNode>,
  prefix: string[],
  into: Column[],
  fieldPrefix: string[] = [],
): void {
  for (const node of fieldsOf(selection, fragments)) {
    if (node.name.value === '__typename') continue;
    const key = node.alias?.value ?? node.name.value;
    const field = type.getFields()[node.name.value];
    if (!field) continue; // validation has already rejected unknown fields
    const nullable = getNullableType(field.type);
    const named = getNamedType(field.type);
    if (isListType(nullable) && isObjectType(named)) {
      throw invalid(
        `"${[...prefix, key].join('.')}" is a list of objects; a CSV row has one value per column. Select that list as the rows instead.`,
      );
    }
    const fields = [...fieldPrefix, node.name.value];
    if (isObjectType(named) && node.selectionSet) columnsOf(node.selectionSet, named, fragments, [...prefix, key], into, fields);
    else into.push({ name: [...prefix, key].join('.'), path: [...prefix, key], fields, list: isListType(nullable), field });
  }
}

function valueAt(item: unknown, column: Column): unknown {
  let value: unknown = item;
  for (const key of column.path) value = value == null ? null : (value as Record<string, unknown>)[key];
  return column.list && Array.isArray(value) ? value.join('; ') : value;
}

/** A list of objects the query selects: where it is in the result, its row type and the row selection. */
interface RowsPath {
  path: string[];
  type: GraphQLObjectType;
  selection: SelectionSetNode;
  /** The fields from the root to the list, with the object types they return. */
  chain: Array<{ node: FieldNode; field: GraphQLField<unknown, unknown>; type: GraphQLObjectType; path: string[] }>;
}

/** Every list of objects reachable from `selection` through single objects (not through other lists). */
function listsUnder(
  selection: SelectionSetNode,
  type: GraphQLObjectType,
  fragments: Map<string, FragmentDefinitionNode>,
  path: string[],
  chain: RowsPath['chain'] = [],
): RowsPath[] {
  return fieldsOf(selection, fragments).flatMap((node) => {
    const field = type.getFields()[node.name.value];
    const named = field ? getNamedType(field.type) : undefined;
    if (!field || !isObjectType(named) || !node.selectionSet) return [];
    const at = [...path, node.alias?.value ?? node.name.value];
    const through = [...chain, { node, field, type: named, path: at }];
    if (!isListType(getNullableType(field.type))) return listsUnder(node.selectionSet, named, fragments, at, through);
    if (node.name.value !== 'edges') return [{ path: at, type: named, selection: node.selectionSet, chain }];
    // A connection's edges: the rows are their nodes.
    const nodeSelection = fieldsOf(node.selectionSet, fragments).find((s) => s.name.value === 'node');
    if (!nodeSelection?.selectionSet) throw invalid('select edges { node { … } }');
    const nodeType = getNamedType(named.getFields().node.type) as GraphQLObjectType;
    return [{ path: [...at, '*', nodeSelection.alias?.value ?? 'node'], type: nodeType, selection: nodeSelection.selectionSet, chain }];
  });
}

/** The items at `path` in a result ('*' maps over a list), or [] where a step is null. */
function itemsAt(value: unknown, path: string[]): unknown[] {
  if (path.length === 0) return Array.isArray(value) ? value : value == null ? [] : [value];
  const [step, ...rest] = path;
  if (step === '*') return (Array.isArray(value) ? value : []).flatMap((item) => itemsAt(item, rest));
  return value == null ? [] : itemsAt((value as Record<string, unknown>)[step], rest);
}

/** Whether a field returns pages: it takes `first` and `after`, and its object has a `pageInfo`. */
function isPaged(field: GraphQLField<unknown, unknown>, type: GraphQLObjectType): boolean {
  const args = new Set(field.args.map((a) => a.name));
  return args.has('first') && args.has('after') && 'pageInfo' in type.getFields();
}

/**
 * The table of a query with one root field. The rows are the one list of objects the query selects: the
 * root list itself, a connection's `nodes` (or `edges { node }`), a page's `rows`, or any list reached
 * through single objects (e.g. `disruptionScenario { importMarkets { nodes } }`); figures selected beside
 * it (totalCount…) are not part of the table. The columns are the fields selected on a row, in query
 * order, so an empty result still has its header.
 */
export function tableShape(schema: GraphQLSchema, document: DocumentNode, operationName?: string): TableShape {
  const op = operation(document, operationName);
  if (op.operation !== 'query') throw invalid('only queries can be exported');
  const roots = op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD);
  if (roots.length !== 1 || roots[0].kind !== Kind.FIELD) throw invalid('a CSV export needs exactly one root field (one table)');
  const root = roots[0];
  const rootKey = root.alias?.value ?? root.name.value;
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );

  const rootType = schema.getQueryType()!;
  const candidates = listsUnder(op.selectionSet, rootType, fragments, []);
  if (candidates.length !== 1) {
    const found = candidates.map((c) => c.path.filter((p) => p !== '*').join('.')).join(', ');
    throw invalid(
      candidates.length === 0
        ? `${root.name.value} selects no list of rows: select its nodes, edges { node }, rows or another list of objects`
        : `a CSV export is one table, but this query selects several lists of rows (${found}): keep one`,
    );
  }
  const [rows] = candidates;
  const columns: Column[] = [];
  columnsOf(rows.selection, rows.type, fragments, [], columns);
  const paged = [...rows.chain].reverse().find((step) => isPaged(step.field, step.type));
  return {
    name: rootKey,
    columns: columns.map((c) => ({ name: c.name, type: columnTypeOf(c.field) })),
    fields: columns.map((c) => c.fields),
    paged: paged ? { node: paged.node, type: paged.type, path: paged.path } : null,
    rowsOf: (data) => itemsAt(data, rows.path).map((item) => columns.map((c) => valueAt(item, c))),
  };
}

/** Lays out the result of a query with one root field as a table (see {@link tableShape}). */
export function tabulate(schema: GraphQLSchema, document: DocumentNode, data: Record<string, unknown>, operationName?: string): Table {
  const shape = tableShape(schema, document, operationName);
  return { name: shape.name, columns: shape.columns.map((c) => c.name), fields: shape.fields, rows: shape.rowsOf(data) };
}
