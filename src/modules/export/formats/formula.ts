/** First characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell with a single quote in front when a spreadsheet would run it as a formula, as OWASP's "CSV
 * injection" guidance recommends: the quote makes it text, shown as written. Numbers are never text
 * cells here (they stay numbers, negative ones too); only strings are looked at.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
