const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 0-based month of a full or abbreviated English month name ("February", "AUG", "JUNE", "Sept"), else −1. */
function monthIndex(word: string): number {
  const w = word.toLowerCase();
  return w.length < 3 ? -1 : MONTHS.findIndex((m) => m.startsWith(w));
}

/** What Nike's export banner says, when a record is one. */
export interface NikeBanner {
  /** The date as written, e.g. "February 2021". */
  asOf: string;
  /** First day of that month, YYYY-MM-DD; null when the month cannot be read. */
  disclosedAt: string | null;
}

/**
 * Reads the banner line of a Nike manufacturing-map export ("Nike Global Manufacturing Data Export -
 * Filters applied: (NIKE) Data As Of February 2021", "... Data As Of AUG 2023", "... JUNE 2025"): the month
 * may be written in full or abbreviated, in any case. Null when the record is not a banner; `disclosedAt`
 * null when it is one but its date is not a month and year.
 */
export function readNikeBanner(fields: readonly string[]): NikeBanner | null {
  const banner = fields.join(' ').match(/data\s+as\s+of\s+(.*)$/i);
  if (!banner) return null;
  const asOf = banner[1].replace(/\s+/g, ' ').trim();
  const date = asOf.match(/^([a-z]+)\.?\s+(\d{4})\b/i);
  const month = date ? monthIndex(date[1]) : -1;
  const disclosedAt = date && month >= 0 ? `${date[2]}-${String(month + 1).padStart(2, '0')}-01` : null;
  return { asOf, disclosedAt };
}
