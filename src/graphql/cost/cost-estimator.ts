import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ComplexityEstimator, ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { CostOptions, FieldCost, Size } from './cost-model';
import { COST_TABLE } from './cost-table';

/** What the estimator priced one field node at: its total, the fixed part, and how many items of which cost. */
interface Priced {
  total: number;
  base: number;
  items: number;
  perItem: number;
}

/** State of one cost computation, shared by the estimator calls of one document. */
export interface CostRun {
  options: CostOptions;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  priced: WeakMap<FieldNode, Priced>;
}

/** Introspection is answered from the schema in memory: it costs nothing. */
const isIntrospection = (typeName: string, fieldName: string) => typeName.startsWith('__') || fieldName.startsWith('__');

/** The fields a selection set selects, through inline fragments and fragment spreads (each fragment once). */
function selectedFields(set: SelectionSetNode | undefined, run: CostRun, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...selectedFields(selection.selectionSet, run, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      fields.push(...selectedFields(run.fragments.get(selection.name.value)?.selectionSet, run, seen));
    }
  }
  return fields;
}

/** A tree of item paths ("nodes.remaining.top") with the size each level sets. */
interface PathTree {
  size?: Size;
  children: Map<string, PathTree>;
}

function pathTree(items: Readonly<Record<string, Size>>): PathTree {
  const root: PathTree = { children: new Map() };
  for (const [path, size] of Object.entries(items)) {
    let node = root;
    for (const segment of path.split('.')) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { children: new Map() }));
      node = child;
    }
    node.size = size;
  }
  return root;
}

/**
 * How much the item paths under `node` change its children's cost: each field on a path is re-priced with
 * the size the sizing field's arguments give it (never more than its own), recursively down the path.
 */
function pathDelta(node: FieldNode, tree: PathTree, args: Record<string, unknown>, run: CostRun): number {
  let delta = 0;
  for (const child of selectedFields(node.selectionSet, run)) {
    const sub = tree.children.get(child.name.value);
    const priced = sub && run.priced.get(child);
    if (!sub || !priced) continue;
    const items = sub.size ? Math.min(priced.items, sub.size.of(args, run.options, priced.items)) : priced.items;
    const repriced = priced.base + items * (priced.perItem + pathDelta(child, sub, args, run));
    delta += repriced - priced.total;
  }
  return delta;
}

/** Items of a list field: its own `list` size, its `itemOf` maximum, or one (an object). */
function itemsOf(cost: FieldCost | undefined, isList: boolean, args: Record<string, unknown>, options: CostOptions): number {
  if (!isList) return 1;
  if (cost?.list) return cost.list.of(args, options, Number.POSITIVE_INFINITY);
  if (cost?.itemOf) return cost.itemOf.max(options);
  // Every object list is in the table (a unit test checks it); an unknown one is priced as the largest page.
  return options.maxPageSize;
}

/**
 * The estimator of the cost model: scalars 0, objects 1 + their selection, lists items × (1 + the
 * selection of one item), plus each field's `base` and, when `totalCount` is selected, its `count`.
 * A field with `items` re-prices the lists inside its result by its own arguments (see COST_TABLE).
 */
export function costEstimator(run: CostRun): ComplexityEstimator {
  return ({ type, field, node, args, childComplexity }: ComplexityEstimatorArgs): number => {
    if (isIntrospection(type.name, field.name)) return 0;
    const cost = COST_TABLE[`${type.name}.${field.name}`];
    let base = cost?.base?.points(args) ?? 0;
    if (!isCompositeType(getNamedType(field.type))) return base;

    let selection = childComplexity;
    if (cost?.items) selection += pathDelta(node, pathTree(cost.items), args, run);
    if (cost?.count && selectedFields(node.selectionSet, run).some((f) => f.name.value === 'totalCount')) base += cost.count.points(args);

    const items = itemsOf(cost, isListType(getNullableType(field.type)), args, run.options);
    const perItem = 1 + selection;
    const total = base + items * perItem;
    run.priced.set(node, { total, base, items, perItem });
    return total;
  };
}
