import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import fresh from 'fresh';
import type { GraphQLContext } from '../graphql/context';
import type { CacheFront } from './cache-front';
import type { RequestState } from './request-state';
import { explorerHtml, wantsExplorer } from './explorer';
import { allowMethods } from './http-errors';
import { jsonBody } from './json-body';
import { chain, type NodeErrorHandler, type NodeHandler, type NodeResponse } from './node-handler';
import { requestStateOf } from './observability/request-context';
import { etagOfBody } from './response-cache';

/** Whether a request is for the GraphQL endpoint itself (`/graphql` or `/graphql/`, any query string). */
export function isGraphqlPath(url: string | undefined): boolean {
  if (!url?.startsWith('/graphql')) return false;
  const rest = url.length === 8 ? '' : url[8];
  return rest === '' || rest === '?' || (rest === '/' && (url.length === 9 || url[9] === '?'));
}

export interface GraphqlEndpointOptions {
  apollo: ApolloServer<GraphQLContext>;
  /** What every request passes first (request state, log, metrics, security headers, CORS, the shutdown gate). */
  edge: ReadonlyArray<NodeHandler>;
  /** The context of one operation: who asks, for which request. Throws a GraphQLError to refuse. */
  context: (req: IncomingMessage, state: RequestState | undefined) => Promise<GraphQLContext>;
  /** Largest request body accepted, in bytes (a query document and its variables, not data uploads). */
  bodyLimitBytes: number;
  onError: NodeErrorHandler;
  /** The response cache's front door, which answers repeated requests without Apollo (absent: the cache is off). */
  front?: CacheFront;
}

/** Writes Apollo's answer: a GET whose ETag the client holds gets 304 without a body, as Express's `send` did. */
function writeAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  answer: Awaited<ReturnType<ApolloServer<GraphQLContext>['executeHTTPGraphQLRequest']>>,
  state: RequestState | undefined,
): Promise<void> | void {
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    // An answer the response cache left untagged (nothing to store) is tagged from its body here.
    const tagged = state?.bodyTag?.result;
    const etag = tagged ? etagOfBody(answer.body.string, tagged) : answer.headers.get('etag');
    if (tagged) res.setHeader('etag', etag!);
    if (etag && res.statusCode === 200 && req.method === 'GET' && fresh(req.headers, { etag })) {
      res.statusCode = 304;
      res.removeHeader('content-type');
      res.end();
      return;
    }
    res.setHeader('content-length', Buffer.byteLength(answer.body.string));
    res.end(answer.body.string);
    return;
  }
  const chunks = answer.body.asyncIterator;
  return (async () => {
    for await (const chunk of chunks) res.write(chunk);
    res.end();
  })();
}

/**
 * GET and POST /graphql, served on Node's own request and response: the edge handlers, the method check, the
 * explorer page for a browser, the JSON body (Express's parser, with its limit and its error types), then
 * Apollo. Express's router and request/response prototypes cost more per request than Apollo's whole
 * pipeline for a small question (measured, issue #9: a bare Apollo answers `{ __typename }` in about a third
 * of the CPU the same Apollo behind Express needs); every other path is still Express's.
 */
export function graphqlEndpoint(options: GraphqlEndpointOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { apollo } = options;
  const json = jsonBody(options.bodyLimitBytes);
  const explorer = explorerHtml('/graphql');
  const respond: NodeHandler = (req, res) => {
    if (wantsExplorer(req)) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-length', Buffer.byteLength(explorer));
      res.end(explorer);
      return;
    }
    json(req, res, (error) => {
      if (error) return options.onError(error, req, res, () => undefined);
      void answer(req, res).catch((thrown: unknown) => options.onError(thrown, req, res, () => undefined));
    });
  };
  const answer = async (req: IncomingMessage & { body?: unknown }, res: NodeResponse) => {
    const state = requestStateOf(res);
    const signature = options.front && state ? options.front.signatureOf(req) : null;
    if (signature && state && (await options.front!.answer(req, res, signature, state))) return;
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    if (state) state.bodyTag = {};
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: query < 0 ? '' : url.slice(query),
        body: req.body,
      },
      context: () => options.context(req, state),
    });
    if (signature && state && (result.status ?? 200) === 200) options.front!.learn(signature, state, result.headers.get('content-type'));
    await writeAnswer(req, res, result, state);
  };
  return chain([...options.edge, allowMethods('GET', 'POST'), respond], options.onError);
}
