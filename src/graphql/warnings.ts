import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { AnswerWarning, WarningCode } from '../errors/warning-code';

/** Warnings an answer carries at most: a list query's resolvers warn once per field, not per row. */
const MAX_WARNINGS = 50;

/**
 * The warnings of one operation: resolvers add them (`warn`), the warnings plugin (./warnings-plugin) puts them
 * into the answer's `extensions.warnings`, and the response cache keeps them with the answer it stores.
 * The same code at the same path is kept once.
 */
export class AnswerWarnings {
  private readonly byKey = new Map<string, AnswerWarning>();

  add(warning: AnswerWarning): void {
    const key = `${warning.code} ${warning.path.join('.')}`;
    if (this.byKey.size < MAX_WARNINGS && !this.byKey.has(key)) this.byKey.set(key, warning);
  }

  /** The warnings in the order they were added. */
  list(): AnswerWarning[] {
    return [...this.byKey.values()];
  }
}

/** Adds a warning about the field being resolved (`info`: its response path). */
export function warn(warnings: AnswerWarnings, info: GraphQLResolveInfo, code: WarningCode, message: string): void {
  warnings.add({ code, message, path: responsePathAsArray(info.path) });
}

/**
 * The warnings as an HTTP header value (GET /csv's X-Tradegraph-Warnings): their JSON with every character
 * outside printable ASCII escaped (\uXXXX), which any JSON reader reads back as written; undefined when none.
 */
export function warningsHeader(warnings: readonly AnswerWarning[]): string | undefined {
  if (warnings.length === 0) return undefined;
  return JSON.stringify(warnings).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
