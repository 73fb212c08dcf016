/**
 * RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line
 * break. Numbers are written as JavaScript prints them (a dot for decimals, no thousands separators, no
 * locale), so Excel, Power BI and Tableau read the same value everywhere.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (with its CRLF). */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
