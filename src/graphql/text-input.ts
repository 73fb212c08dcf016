import { visit, type DocumentNode } from 'graphql';

/** Characters PostgreSQL's text cannot hold. */
const NUL = '\u0000';

/**
 * Where a NUL character appears in the operation's string literals or in its variables (JSON path), or
 * null when nowhere. PostgreSQL text cannot hold U+0000, so such input is refused as bad input before it
 * reaches SQL instead of failing there.
 */
export function findNulCharacter(document: DocumentNode, variables: unknown): string | null {
  let found: string | null = null;
  visit(document, {
    StringValue(node) {
      if (found === null && node.value.includes(NUL)) found = 'a string literal of the query';
    },
  });
  if (found) return found;
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
