import type { IncomingMessage } from 'node:http';
import fresh from 'fresh';
import { LRUCache } from 'lru-cache';
import type { Catalog } from '../catalog/catalog';
import type { Viewer } from '../modules/access/role';
import { CSRF_SAFE_HEADERS } from '../graphql/apollo';
import type { NodeResponse } from './node-handler';
import type { BudgetCharge, CostBudgets } from './rate-limit';
import type { RequestState } from './request-state';
import { answerKey, cacheControlOf, canonicalJson, decodeAnswer } from './response-cache';
import type { SharedCache } from './shared-cache';

/** What one request text means to the response cache, learnt when Apollo first answered it (see CacheFront). */
interface KnownOperation {
  /** The normalised document's hash and the operation Apollo resolved: the answer's key, with the data version and the role. */
  documentHash: string;
  operationName: string;
  /** The static cost of the document with these variables, charged to every request like it. */
  cost: number;
  /** The media type Apollo answered with for this Accept header. */
  contentType: string;
  /** The answer key last computed for it (a hash), with the data version and role it was for. */
  lastKey?: { version: string; role: string; key: string };
}

/** Requests texts kept, and their summed length: a few thousand operations BI tools and dashboards repeat. */
const MAX_OPERATIONS = 5000;
const MAX_SIGNATURE_CHARS = 4 * 2 ** 20;
/** A request text longer than this is not indexed (it is still answered from the cache, through Apollo). */
const MAX_INDEXED_CHARS = 16 * 1024;

/** The GraphQL request of an HTTP request as the front can read it: a query text, no APQ or other extensions, no batch. */
function plainRequest(req: IncomingMessage & { body?: unknown }): { query: string; operationName: string; variables: unknown } | null {
  if (req.method === 'POST') {
    const body = req.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
    const { query, operationName, variables, extensions } = body as Record<string, unknown>;
    if (typeof query !== 'string' || extensions !== undefined) return null;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
    return { query, operationName: operationName ?? '', variables: variables ?? {} };
  }
  if (req.method !== 'GET') return null;
  // A GET without one of these headers is a request a browser may send cross-site: Apollo's CSRF prevention
  // refuses it, and so must a cached answer.
  if (!CSRF_SAFE_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
  const url = req.url ?? '';
  const search = new URLSearchParams(url.slice(url.indexOf('?') + 1));
  const query = search.get('query');
  if (query === null || search.has('extensions')) return null;
  const raw = search.get('variables');
  let variables: unknown = {};
  if (raw !== null) {
    try {
      variables = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  return { query, operationName: search.get('operationName') ?? '', variables };
}

export interface RequestSignature {
  text: string;
  /** The variables in canonical JSON, as the answer's key has them. */
  variables: string;
}

export interface CacheFrontOptions {
  /** The schema's hash in every answer key (see responseCachePlugin). */
  schemaHash: string;
  store: SharedCache;
  catalog: Catalog;
  budgets: CostBudgets;
  /** extensions.cost.limit of every answer (MAX_QUERY_COST). */
  costLimit: number;
  httpMaxAgeSeconds: number;
  /** Who the request is from (memoised per request by the caller: Apollo's context asks again on a miss). */
  identify(req: IncomingMessage, state: RequestState | undefined): Promise<Viewer>;
}

/**
 * The response cache's front door (issue #9: a hit costs ≤ 0.3 ms): a request whose exact text (query,
 * operation name, variables, Accept) Apollo has answered before, and whose answer for this role and data
 * version is in the cache, is answered here without Apollo: no document lookup, validation, cost analysis
 * or plugin pipeline, which cost a hit more than the rest of the server. What the front needs of the
 * operation — its normalised document's hash, the resolved operation name, its static cost — it learns from
 * the request Apollo answered (`learn`), so a hit is keyed, charged and shaped exactly as Apollo's hit would
 * be: the same answer key, the same cost charged to the same budget (a refusal is left to Apollo, which gives
 * the RATE_LIMITED error with the charge made here), the same body, ETag, Cache-Control and 304.
 */
export class CacheFront {
  private readonly known = new LRUCache<string, KnownOperation>({
    max: MAX_OPERATIONS,
    maxSize: MAX_SIGNATURE_CHARS,
    sizeCalculation: (_value, key) => key.length,
  });

  constructor(private readonly options: CacheFrontOptions) {}

  /**
   * The request's signature (its Accept header, operation name, variables in canonical JSON and query text)
   * when it is one the front can answer, for `answer` and `learn`.
   */
  signatureOf(req: IncomingMessage): RequestSignature | null {
    const plain = plainRequest(req);
    if (!plain || plain.query.length > MAX_INDEXED_CHARS) return null;
    const variables = canonicalJson(plain.variables);
    return { text: `${req.headers.accept ?? ''}\n${plain.operationName}\n${variables}\n${plain.query}`, variables };
  }

  /**
   * Answers the request from the cache and returns true, or returns false (nothing written) for Apollo to
   * answer: an operation not seen yet, an answer not cached for this role and version, a client that cannot
   * be identified here, or a charge refused (recorded on the state, for Apollo's answer to report).
   */
  async answer(req: IncomingMessage, res: NodeResponse, signature: RequestSignature, state: RequestState): Promise<boolean> {
    const operation = this.known.get(signature.text);
    if (!operation) return false;
    let viewer: Viewer;
    let version: string;
    try {
      viewer = await this.options.identify(req, state);
      version = (await this.options.catalog.snapshot()).version;
    } catch {
      return false;
    }
    const role = viewer.role ?? '';
    let key = operation.lastKey?.version === version && operation.lastKey.role === role ? operation.lastKey.key : undefined;
    if (key === undefined) {
      key = answerKey(this.options.schemaHash, {
        version,
        role,
        accept: req.headers.accept ?? '',
        documentHash: operation.documentHash,
        operationName: operation.operationName,
        canonicalVariables: signature.variables,
      });
      operation.lastKey = { version, role, key };
    }
    const found = await this.options.store.get(key);
    const cached = found === undefined ? null : decodeAnswer(found);
    if (!cached) return false;
    let charge: BudgetCharge | undefined;
    if (state.client) {
      charge = await this.options.budgets.charge(state.client, operation.cost);
      if (!charge.allowed) {
        state.precharged = { cost: operation.cost, charge };
        return false;
      }
    }
    state.operationName = operation.operationName || undefined;
    state.cost = operation.cost;
    state.cache = 'hit';
    state.cacheFront = true;
    const report = {
      requested: operation.cost,
      limit: this.options.costLimit,
      ...(charge && { budget: { limit: charge.limit, remaining: charge.remaining, resetSeconds: charge.resetSeconds } }),
    };
    res.setHeader('x-cache', 'HIT');
    res.setHeader('etag', cached.etag);
    res.setHeader(
      'cache-control',
      cacheControlOf(req.method ?? 'GET', req.headers.authorization !== undefined, this.options.httpMaxAgeSeconds),
    );
    if (req.method === 'GET' && fresh(req.headers, { etag: cached.etag })) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    // As Apollo writes an answer: its JSON and a newline.
    // Warnings before the cost, as Apollo's plugins write them (src/graphql/apollo.ts).
    const warnings = cached.warnings === undefined ? '' : `"warnings":${cached.warnings},`;
    const body = `{"data":${cached.json},"extensions":{${warnings}"cost":${JSON.stringify(report)}}}\n`;
    res.setHeader('content-type', operation.contentType);
    res.setHeader('content-length', Buffer.byteLength(body));
    res.statusCode = 200;
    res.end(body);
    return true;
  }

  /** After Apollo answered `signature` with a cacheable success: remembers what the front needs to answer it next time. */
  learn(signature: RequestSignature, state: RequestState, contentType: string | undefined): void {
    const cached = state.cachedDocument;
    if (!cached || state.cost === undefined || !contentType || state.errorCodes.length > 0) return;
    this.known.set(signature.text, {
      documentHash: cached.documentHash,
      operationName: cached.operationName,
      cost: state.cost,
      contentType,
    });
  }
}
