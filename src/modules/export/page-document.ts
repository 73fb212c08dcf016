import {
  Kind,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type ValueNode,
} from 'graphql';

/** The variable that carries each page's cursor, and the alias of the page info the export reads. */
export const AFTER_VARIABLE = 'tgExportAfter';
export const PAGE_INFO_ALIAS = 'tgExportPageInfo';
/** The alias of the list's `totalCount`, asked on the first page when the format holds a limited number of rows. */
export const TOTAL_ALIAS = 'tgExportTotal';

const TOTAL: SelectionNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: TOTAL_ALIAS },
  name: { kind: Kind.NAME, value: 'totalCount' },
};

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

const argument = (argName: string, value: ValueNode): ArgumentNode => ({ kind: Kind.ARGUMENT, name: name(argName), value });

const PAGE_INFO: SelectionNode = {
  kind: Kind.FIELD,
  alias: name(PAGE_INFO_ALIAS),
  name: name('pageInfo'),
  selectionSet: {
    kind: Kind.SELECTION_SET,
    selections: [
      { kind: Kind.FIELD, name: name('hasNextPage') },
      { kind: Kind.FIELD, name: name('endCursor') },
    ],
  },
};

/** The value a cursor argument was given (a literal, or a variable's value), or null when none. */
function givenCursor(node: FieldNode, variables: Record<string, unknown> | undefined): string | null {
  const value = node.arguments?.find((a) => a.name.value === 'after')?.value;
  if (!value) return null;
  if (value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.VARIABLE) {
    const given = variables?.[value.name.value];
    return typeof given === 'string' ? given : null;
  }
  return null;
}

/**
 * The document of an export's pages: the paged field (`target`) takes its cursor from `$tgExportAfter`
 * and its page size from the query's own `first` when it has one (checked by the API like any `first`),
 * else `pageSize` (the API's largest page); and it selects its `pageInfo` under an alias of its own, so
 * that the export knows where the next page starts. Everything else — validation, cost, limits, errors —
 * stays the API's, page by page. Returns the cursor the query itself started from (its `after`). With
 * `withTotal`, the field also selects its `totalCount` under an alias (for a first page only: counting is a
 * statement of its own).
 */
export function pagedDocument(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  target: FieldNode,
  pageSize: number,
  variables: Record<string, unknown> | undefined,
  withTotal = false,
): { document: DocumentNode; startCursor: string | null } {
  const startCursor = givenCursor(target, variables);
  const rewritten = visit(document, {
    OperationDefinition(node) {
      if (node !== operation) return undefined;
      return {
        ...node,
        variableDefinitions: [
          ...(node.variableDefinitions ?? []),
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: name(AFTER_VARIABLE) },
            type: { kind: Kind.NAMED_TYPE, name: name('String') },
          },
        ],
      };
    },
    Field(node) {
      if (node !== target) return undefined;
      const kept = (node.arguments ?? []).filter((a) => a.name.value !== 'after');
      const first = kept.some((a) => a.name.value === 'first') ? [] : [argument('first', { kind: Kind.INT, value: String(pageSize) })];
      return {
        ...node,
        arguments: [...kept, ...first, argument('after', { kind: Kind.VARIABLE, name: name(AFTER_VARIABLE) })],
        selectionSet: node.selectionSet && {
          ...node.selectionSet,
          selections: [...node.selectionSet.selections, PAGE_INFO, ...(withTotal ? [TOTAL] : [])],
        },
      };
    },
  });
  return { document: rewritten, startCursor };
}
