/** Escapes LIKE wildcards (`%`, `_`, `\`) in user text, for `%text%` searches. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/** A case-insensitive "contains" pattern for user text. */
export function containsPattern(text: string): string {
  return `%${likeEscape(text.trim())}%`;
}
