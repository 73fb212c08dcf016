/**
 * Where the columns of a UN Comtrade file are. The API writes camelCase (`refYear`, `reporterISO`,
 * `primaryValue`), comtradr writes snake_case (`ref_year`, `reporter_iso`, `primary_value`, but
 * `partner2code`); both are the same names once lower-cased without separators, so one lookup reads both,
 * in any column order.
 */

/** A column: its position and its name as the file writes it (for the reasons). */
export interface Column {
  index: number;
  name: string;
}

/** The columns a Comtrade format reads; optional ones are absent from the short layouts. */
export interface ComtradeColumns {
  layout: 'camelCase' | 'snake_case';
  /** Number of header fields: every record must have as many. */
  count: number;
  year: Column;
  reporter: { alpha?: Column; numeric?: Column };
  partner: { alpha?: Column; numeric?: Column };
  /** M, X, RM… (full layouts). */
  flowCode?: Column;
  /** Import, Export, Re-import… (the short layout has only this). */
  flowDesc?: Column;
  commodity: Column;
  value: Column;
  netWeight?: Column;
  /** Breakdown columns: when present, only their total rows are flows. */
  partner2?: Column;
  transport?: Column;
  customs?: Column;
  frequency?: Column;
}

/** "reporter_ISO", "reporterIso", "Reporter ISO" → "reporteriso". */
const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Finds the columns from the header record, or lists the required ones that are missing (as the API
 * spells them; snake_case is accepted too).
 */
export function comtradeColumns(header: string[]): ComtradeColumns | { missing: string[] } {
  const names = header.map((name) => name.replace(/^\uFEFF/, '').trim());
  const positions = new Map<string, number>();
  names.forEach((name, index) => {
    const key = normalise(name);
    if (!positions.has(key)) positions.set(key, index);
  });
  const column = (key: string): Column | undefined => {
    const index = positions.get(key);
    return index === undefined ? undefined : { index, name: names[index] };
  };

  const year = column('refyear');
  const reporter = { alpha: column('reporteriso'), numeric: column('reportercode') };
  const partner = { alpha: column('partneriso'), numeric: column('partnercode') };
  const flowCode = column('flowcode');
  const flowDesc = column('flowdesc');
  const commodity = column('cmdcode');
  const value = column('primaryvalue');

  const missing: string[] = [];
  if (!year) missing.push('refYear');
  if (!reporter.alpha && !reporter.numeric) missing.push('reporterISO or reporterCode');
  if (!partner.alpha && !partner.numeric) missing.push('partnerISO or partnerCode');
  if (!flowCode && !flowDesc) missing.push('flowCode or flowDesc');
  if (!commodity) missing.push('cmdCode');
  if (!value) missing.push('primaryValue');
  if (!year || !commodity || !value || missing.length > 0) return { missing };

  return {
    layout: names.some((name) => name.includes('_')) ? 'snake_case' : 'camelCase',
    count: header.length,
    year,
    reporter,
    partner,
    flowCode,
    flowDesc,
    commodity,
    value,
    netWeight: column('netwgt'),
    partner2: column('partner2code') ?? column('partner2iso'),
    transport: column('motcode'),
    customs: column('customscode'),
    frequency: column('freqcode'),
  };
}
