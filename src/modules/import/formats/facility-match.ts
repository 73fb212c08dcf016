/**
 * The facility match rule (see `facilityMatchKey`): how one factory is recognised across brands, disclosure
 * dates and Open Supply Hub, and one manufacturer (supplier group, parent company) across sources.
 */

const PHRASES = [
  'JOINT STOCK',
  'LIMITED LIABILITY',
  'SOCIEDAD ANONIMA',
  'SOCIEDADE ANONIMA',
  'ANONIM SIRKETI',
  'S DE RL DE CV',
  'SA DE CV',
  'S DE RL',
];
const LEGAL_FORMS = new Set(
  'AB AG AS BHD BV CO COMPANY CORP CORPORATION CV DOO GMBH INC INCORPORATED JSC KFT KG LIMITED LLC LLP LTD LTDA NV OOO OY PLC PRIVATE PT PTE PTY PVT SA SARL SAS SDN SL SLU SPA SRL SRO STI TBK'.split(
    ' ',
  ),
);
const PHRASE_PATTERN = new RegExp(`(?<= |^)(?:${PHRASES.join('|')})(?= |$)`, 'g');

/** Steps 1–5 of the rule: the text as comparable words. */
function words(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/\b[A-Z](?:\.[A-Z])+\b\.?/g, (initials) => initials.replace(/\./g, ''))
    .replace(/['’ʼ`]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** normalise(text) of the rule (see `facilityMatchKey`). */
export function normaliseName(text: string): string {
  const plain = words(text);
  const stripped = plain
    .replace(PHRASE_PATTERN, ' ')
    .split(' ')
    .filter((w) => w !== '' && !LEGAL_FORMS.has(w))
    .join(' ');
  return stripped === '' ? plain : stripped;
}

/** What identifies a facility for the match rule. */
export interface FacilityIdentity {
  name: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
  address: string | null;
}

/**
 * The facility match key. Rule: two facilities are the same when their keys are equal:
 *   key = normalise(name) + "|" + country + "|" + normalise(address)
 * where country is the ISO alpha-3 code (upper case) and an absent address counts as "". A manufacturer's
 * key is normalise(name) alone. normalise(text) is, in this order:
 *   1. Unicode NFKD, diacritics removed ("Bình Dương" → "Binh Duong"), upper case;
 *   2. "&" → " AND ";
 *   3. dotted initials closed up ("S.A." → "SA", "P.T." → "PT", "S.R.L." → "SRL");
 *   4. apostrophes removed ("BROTHER'S" → "BROTHERS");
 *   5. every run of other non-alphanumeric characters → one space;
 *   6. legal forms removed as whole words: the phrases JOINT STOCK, LIMITED LIABILITY, SOCIEDAD ANONIMA,
 *      SOCIEDADE ANONIMA, ANONIM SIRKETI, SA DE CV, S DE RL (DE CV), then the words
 *      AB AG AS BHD BV CO COMPANY CORP CORPORATION CV DOO GMBH INC INCORPORATED JSC KFT KG LIMITED LLC LLP
 *      LTD LTDA NV OOO OY PLC PRIVATE PT PTE PTY PVT SA SARL SAS SDN SL SLU SPA SRL SRO STI TBK;
 *   7. spaces collapsed and trimmed. When step 6 leaves nothing, the text after step 5 is kept.
 * Addresses go through the same steps as names. Nothing else is equated: "Street" ≠ "St", "No 32" ≠ "32",
 * "Der Will" ≠ "Derwill", word order matters.
 */
export function facilityMatchKey({ name, country, address }: FacilityIdentity): string {
  return `${normaliseName(name)}|${country.trim().toUpperCase()}|${address === null ? '' : normaliseName(address)}`;
}

/** The manufacturer key: normalise(name), as in the rule of `facilityMatchKey`; "" for a name without letters or digits. */
export function manufacturerKey(name: string): string {
  return normaliseName(name);
}
