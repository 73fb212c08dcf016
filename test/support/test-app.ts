import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { start, type Running } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/config';
import { seedReference } from '../../seeds/reference';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

/** A running tradegraph on its own database, spoken to over real HTTP. */
export interface TestApp {
  baseUrl: string;
  running: Running;
  database: TestDatabase;
  /** SQL statements sent since the last `resetQueryCount()`. */
  queryCount(): number;
  resetQueryCount(): void;
  /** POSTs a typed operation to /graphql. */
  gql<TData, TVars>(document: TypedDocumentNode<TData, TVars>, variables?: TVars): Promise<GraphQLResponse<TData>>;
  /** POSTs a raw query string (for invalid input the typed documents cannot express), with extra headers if given (e.g. Authorization). */
  raw(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<Record<string, unknown>>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Seed countries, groups, HS sections/chapters and product types (default true). */
  reference?: boolean;
  env?: Record<string, string>;
}

/** Starts the real server (migrated, optionally with reference data) on a random port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  let statements = 0;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    // Tests speak as the embedded demo's anonymous reader on both engines unless they say otherwise.
    ANONYMOUS_ROLE: 'reader',
    MIGRATE_ON_START: 'true',
    SEED_DEMO_WHEN_EMPTY: 'false',
    ...database.env,
    ...options.env,
  });
  let running: Running;
  try {
    running = await start(config, {
      log: () => undefined,
      onQuery: (message) => {
        if (message.includes('[query]')) statements++;
      },
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  if (options.reference !== false) await seedReference(running.db.orm.em.fork());
  const baseUrl = `http://127.0.0.1:${running.port}`;

  const post = async (query: string, variables?: unknown, headers: Record<string, string> = {}) => {
    const request = () =>
      fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
    // When a test blocks this process for seconds (an import through the in-process PGlite), the server's
    // keep-alive timer and the client's fire together afterwards and a reused socket may be reset: retry
    // once on a fresh connection. A real client and server do not share one event loop.
    const response = await request().catch((error: { cause?: { code?: string } }) => {
      if (error.cause?.code === 'ECONNRESET') return request();
      throw error;
    });
    const body = (await response.json()) as Omit<GraphQLResponse<unknown>, 'status'>;
    return { status: response.status, ...body };
  };

  return {
    baseUrl,
    running,
    database,
    queryCount: () => statements,
    resetQueryCount: () => {
      statements = 0;
    },
    gql: <TData, TVars>(document: TypedDocumentNode<TData, TVars>, variables?: TVars) =>
      post(print(document), variables) as Promise<GraphQLResponse<TData>>,
    raw: (query, variables, headers) => post(query, variables, headers) as Promise<GraphQLResponse<Record<string, unknown>>>,
    async close() {
      await running.stop();
      await database.drop();
    },
  };
}
