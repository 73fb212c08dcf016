import { getOperationAST, parse } from 'graphql';
import { canonicalJson, isCacheableOperation } from '../../../src/server/response-cache';

describe('the response cache key', () => {
  it('writes variables with their keys sorted, at every depth, and leaves undefined out', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: null }], c: 'x' }, z: undefined })).toBe(
      '{"a":{"c":"x","d":[2,{"e":null,"f":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
  });
});

describe('what the response cache may keep', () => {
  const cacheable = (query: string, operationName?: string) => {
    const document = parse(query);
    return isCacheableOperation(getOperationAST(document, operationName)!, document);
  };

  it('keeps queries, not mutations', () => {
    expect(cacheable('{ countries { nodes { id } } }')).toBe(true);
    expect(cacheable('query A { countries { nodes { id } } } mutation B { revokeApiKey(id: "1") { id } }', 'A')).toBe(true);
    expect(cacheable('query A { countries { nodes { id } } } mutation B { revokeApiKey(id: "1") { id } }', 'B')).toBe(false);
  });

  it('never keeps an answer about who is asking or the API keys, however they are selected', () => {
    expect(cacheable('{ viewer { role } }')).toBe(false);
    expect(cacheable('{ countries { nodes { id } } apiKeys { id } }')).toBe(false);
    expect(cacheable('{ ...F } fragment F on Query { ... on Query { viewer { name } } }')).toBe(false);
    expect(cacheable('{ ...F } fragment F on Query { countries { nodes { id } } }')).toBe(true);
  });
});
