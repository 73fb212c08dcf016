import { visit, type DocumentNode } from 'graphql';

/** Characters PostgreSQL's text cannot hold. */
const NUL = '\u0000';

/** Whether a document's string literals hold a NUL, per parsed document: Apollo reuses one per query text. */
const documentsWithNul = new WeakMap<DocumentNode, boolean>();

function literalsWithNul(document: DocumentNode): boolean {
  let found = documentsWithNul.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      StringValue(node) {
        if (node.value.includes(NUL)) found = true;
      },
    });
    documentsWithNul.set(document, found);
  }
  return found;
}

/**
 * Where a NUL character appears in the operation's string literals or in its variables (JSON path), or
 * null when nowhere. PostgreSQL text cannot hold U+0000, so such input is refused as bad input before it
 * reaches SQL instead of failing there.
 */
export function findNulCharacter(document: DocumentNode, variables: unknown): string | null {
  if (literalsWithNul(document)) return 'a string literal of the query';
  const stack: Array<{ value: unknown; path: string }> = [{ value: variables, path: '$' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return `variable ${path.replace(/^\$\.?/, '')}`;
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]` }));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: `${path}.${key}` });
    }
  }
  return null;
}
