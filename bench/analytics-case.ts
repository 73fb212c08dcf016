/* eslint-disable @typescript-eslint/no-explicit-any -- a check walks the API's JSON answer by path */
/** One question of bench/analytics.ts: asked through GraphQL, and answered by hand-written SQL on the base tables. */
export interface Case {
  name: string;
  api: { query: string; variables: Record<string, unknown> };
  /** The hand-written statements giving the same answer (run one after the other). */
  sql: Array<{ text: string; values: unknown[] }>;
  /** Throws unless both answers agree. */
  check(api: any, sql: any[][]): void;
}

export function assertClose(label: string, api: number | null | undefined, sql: number | null | undefined): void {
  if (api == null || sql == null || Math.abs(api - sql) > 1e-9 * Math.max(1, Math.abs(sql))) {
    throw new Error(`${label}: the API says ${api}, the hand-written SQL ${sql}`);
  }
}
