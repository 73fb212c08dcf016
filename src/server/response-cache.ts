import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener, type GraphQLResponse } from '@apollo/server';
import {
  Kind,
  print,
  printSchema,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { AnswerWarning } from '../errors/warning-code';
import type { GraphQLContext } from '../graphql/context';
import type { SharedCache } from './shared-cache';

/**
 * Root fields whose answers depend on more than the data version and the role: who the key is (`viewer`)
 * and the API keys, which `npm run keys` and the key mutations change without a data version.
 */
const UNCACHEABLE_ROOT_FIELDS = new Set(['viewer', 'apiKeys']);

export interface ResponseCacheOptions {
  schema: GraphQLSchema;
  /** Where answers are kept; absent (RESPONSE_CACHE_BYTES=0): nothing is kept, the headers are still set. */
  store?: SharedCache;
  /** max-age of the Cache-Control header of a GET answer that could be cached. */
  httpMaxAgeSeconds: number;
  /** schemaHashOf(schema), when the caller has it already. */
  schemaHash?: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** JSON with object keys sorted, so that `{"a":1,"b":2}` and `{"b":2,"a":1}` are one key. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The document printed again (whitespace, comments and commas are not part of its meaning), hashed. Apollo
 * keeps one parsed document per query text (its documentStore), so each is printed once per process.
 */
const normalisedDocuments = new WeakMap<DocumentNode, string>();

function normalisedHash(document: DocumentNode): string {
  let hash = normalisedDocuments.get(document);
  if (hash === undefined) {
    hash = sha256(print(document));
    normalisedDocuments.set(document, hash);
  }
  return hash;
}

/** Root field names an operation selects, through its fragments and inline fragments. */
function rootFields(selections: SelectionSetNode, document: DocumentNode, seen: Set<string>, into: Set<string>): Set<string> {
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) into.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(selection.selectionSet, document, seen, into);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootFields(fragment.selectionSet, document, seen, into);
    }
  }
  return into;
}

const cacheableOperations = new WeakMap<OperationDefinitionNode, boolean>();

/** Only queries, and only those whose every root field depends on nothing but the data and the role. */
export function isCacheableOperation(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  let cacheable = cacheableOperations.get(operation);
  if (cacheable === undefined) {
    cacheable =
      operation.operation === 'query' &&
      ![...rootFields(operation.selectionSet, document, new Set(), new Set())].some((name) => UNCACHEABLE_ROOT_FIELDS.has(name));
    cacheableOperations.set(operation, cacheable);
  }
  return cacheable;
}

/** One cached answer: its weak ETag, its `data` as JSON and, when it has any, its `extensions.warnings` as JSON. */
interface CachedAnswer {
  etag: string;
  json: string;
  /** The warnings' JSON array; absent when the answer has none. */
  warnings?: string;
}

/** `etag\n[warnings]\n{data}`, or `etag\n{data}` without warnings (JSON.stringify writes no line break in either). */
function encode(answer: CachedAnswer): string {
  return answer.warnings === undefined ? `${answer.etag}\n${answer.json}` : `${answer.etag}\n${answer.warnings}\n${answer.json}`;
}

export function decodeAnswer(value: string): CachedAnswer | null {
  const newline = value.indexOf('\n');
  if (newline < 0) return null;
  const etag = value.slice(0, newline);
  // Data is an object (`{`); a line starting with `[` is the warnings.
  if (value[newline + 1] !== '[') return { etag, json: value.slice(newline + 1) };
  const second = value.indexOf('\n', newline + 1);
  return second < 0 ? null : { etag, warnings: value.slice(newline + 1, second), json: value.slice(second + 1) };
}

/** A cached answer's warnings, for the answer that replays it. */
export function warningsOfAnswer(answer: CachedAnswer): AnswerWarning[] {
  return answer.warnings === undefined ? [] : (JSON.parse(answer.warnings) as AnswerWarning[]);
}

function etagOf(json: string): string {
  return `W/"${sha256(json).slice(0, 27)}"`;
}

/**
 * The ETag of an answer from the body Apollo serialised for it: `{"data":…,"extensions":…}` and a newline
 * (runHttpQuery's prettyJSONStringify of errors, data and extensions, in that order), whose data part is
 * exactly JSON.stringify(result.data), the text willSendResponse would otherwise hash. Any other shape is
 * hashed from the data itself.
 */
export function etagOfBody(body: string, result: { data?: unknown; extensions?: unknown }): string {
  const prefix = '{"data":';
  const suffix = result.extensions === undefined ? '}\n' : `,"extensions":${JSON.stringify(result.extensions)}}\n`;
  if (body.length > prefix.length + suffix.length && body.startsWith(prefix) && body.endsWith(suffix))
    return etagOf(body.slice(prefix.length, body.length - suffix.length));
  return etagOf(JSON.stringify(result.data));
}

/** The hash of a schema that goes into every answer key: a deployment with another schema never serves answers shaped by the old one from a shared Redis. */
export function schemaHashOf(schema: GraphQLSchema): string {
  return sha256(printSchema(schema)).slice(0, 16);
}

/** What an answer depends on, besides the schema. */
export interface AnswerKeyParts {
  version: string;
  role: string;
  accept: string;
  documentHash: string;
  operationName: string;
  canonicalVariables: string;
}

/** The key of an answer in the store: the same for Apollo's plugin and for the front (cache-front.ts). */
export function answerKey(schemaHash: string, parts: AnswerKeyParts): string {
  return sha256(
    [schemaHash, parts.version, parts.role, parts.accept, parts.documentHash, parts.operationName, parts.canonicalVariables].join('\n'),
  );
}

/** Cache-Control of an answer that could be cached: on GET for max-age (private to an API key), never kept on POST. */
export function cacheControlOf(method: string, withKey: boolean, maxAgeSeconds: number): string {
  // An answer to an API key is that key's business: a shared cache must not hand it to another client.
  return method === 'GET' ? `${withKey ? 'private' : 'public'}, max-age=${maxAgeSeconds}` : 'no-store';
}

/**
 * The response cache (issue #9): answers of read operations kept by (schema, data version, role, Accept
 * header, normalised document, operation name, variables), in a SharedCache (this process's LRU, and Redis
 * when REDIS_URL is set). An import or a write changes the catalog's data version (in this process at once,
 * in the others through LISTEN/NOTIFY), and with it every key: nothing is deleted, old answers are simply
 * never asked for again and age out (LRU, Redis TTL).
 *
 * Runs after the edge plugin, whose didResolveOperation has authenticated, priced and charged the request
 * already: a hit is charged the same static cost as a miss (the cost depends on nothing but the document
 * and the variables of the key) and is refused by the rate limit alike. Only answers without errors are
 * stored, with their warnings (`extensions.warnings`), which a hit replays. Every answer that could be cached carries a weak ETag of its data (the cost report in
 * `extensions` differs between requests) and, on GET, `Cache-Control: public|private, max-age`; Express
 * answers 304 when If-None-Match matches. Everything else says `Cache-Control: no-store`.
 */
export function responseCachePlugin(options: ResponseCacheOptions): ApolloServerPlugin<GraphQLContext> {
  const schemaHash = options.schemaHash ?? schemaHashOf(options.schema);
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
      let cacheable = false;
      let key: string | undefined;
      let etag: string | undefined;
      let documentHash: string | undefined;
      return {
        async responseForOperation(ctx): Promise<GraphQLResponse | null> {
          // An export's pages are neither kept nor served: their resolvers must run to record the datasets used (the
          // file's provenance), and one that leaves its rows to a COPY stream (csvStream) answers without them.
          cacheable =
            ctx.operation !== null &&
            !ctx.contextValue.datasetsUsed &&
            !ctx.contextValue.csvStream &&
            isCacheableOperation(ctx.operation, ctx.document);
          const store = options.store;
          if (!cacheable || !store) return null;
          // The operation's own catalog snapshot, which its resolvers read too: the answer is computed from the data
          // of this version (an import that commits meanwhile is seen by the next operation, under the next version).
          let version: string;
          try {
            version = (await ctx.contextValue.catalog.snapshot()).version;
          } catch {
            // Without a version nothing can be said about a cached answer: run the operation, which reports the
            // database's state in its own words.
            cacheable = false;
            return null;
          }
          documentHash = normalisedHash(ctx.document);
          key = answerKey(schemaHash, {
            version,
            role: ctx.contextValue.viewer.role ?? '',
            accept: ctx.request.http?.headers.get('accept') ?? '',
            documentHash,
            operationName: ctx.operationName ?? '',
            canonicalVariables: canonicalJson(ctx.request.variables ?? {}),
          });
          const state = ctx.contextValue.request;
          const found = await store.get(key);
          const answer = found === undefined ? null : decodeAnswer(found);
          if (!answer) {
            if (state) state.cache = 'miss';
            return null;
          }
          if (state) state.cache = 'hit';
          etag = answer.etag;
          // No resolver runs on a hit: the answer's warnings come from the cache (the warnings plugin writes them).
          for (const warning of warningsOfAnswer(answer)) ctx.contextValue.warnings.add(warning);
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: JSON.parse(answer.json) } },
          };
        },
        async willSendResponse(ctx) {
          const http = ctx.response.http;
          const body = ctx.response.body;
          const state = ctx.contextValue?.request;
          const result = body.kind === 'single' ? body.singleResult : undefined;
          const succeeded =
            cacheable &&
            result !== undefined &&
            !result.errors?.length &&
            result.data !== null &&
            result.data !== undefined &&
            (http.status ?? 200) === 200 &&
            !state?.abortReason;
          if (state?.cache) http.headers.set('x-cache', state.cache === 'hit' ? 'HIT' : 'MISS');
          if (!succeeded) {
            http.headers.set('cache-control', 'no-store');
            return;
          }
          if (etag === undefined && !options.store && state?.bodyTag) {
            // Nothing to keep: the endpoint tags the JSON Apollo writes (etagOfBody), the same ETag without a second
            // serialisation of the data (for 5,298 markets, a tenth of the request's CPU, issue #9).
            state.bodyTag.result = result;
          } else {
            if (etag === undefined) {
              const json = JSON.stringify(result.data);
              etag = etagOf(json);
              const warnings = ctx.contextValue.warnings.list();
              const answer = { etag, json, ...(warnings.length > 0 && { warnings: JSON.stringify(warnings) }) };
              if (key !== undefined) await options.store?.set(key, encode(answer));
            }
            http.headers.set('etag', etag);
          }
          const request = ctx.request.http;
          http.headers.set(
            'cache-control',
            cacheControlOf(request?.method ?? 'POST', Boolean(request?.headers.get('authorization')), options.httpMaxAgeSeconds),
          );
          // Stored (or found): what the cache's front needs to answer this request text itself next time.
          if (state && documentHash !== undefined && key !== undefined) {
            state.cachedDocument = { documentHash, operationName: ctx.operationName ?? '' };
          }
        },
      };
    },
  };
}
