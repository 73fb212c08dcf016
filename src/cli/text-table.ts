/**
 * Rows as aligned columns for a terminal: each column as wide as its widest cell, two spaces between,
 * the columns numbered in `rightAligned` (counts, ids) padded on the left; no trailing spaces.
 */
export function textTable(rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
