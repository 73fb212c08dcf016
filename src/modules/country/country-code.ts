import type { CatalogSnapshot } from '../../catalog/catalog';
import { AppError, ErrorCode } from '../../errors/app-error';

/** Upper-cases and checks an ISO 3166-1 alpha-3 code; `argument` names the argument in the error. */
export function parseCountryCode(raw: string, argument: string): string {
  const code = raw.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) {
    throw new AppError(
      ErrorCode.MALFORMED_COUNTRY_CODE,
      `${argument}: "${raw}" is not an ISO 3166-1 alpha-3 country code (three letters, e.g. "VNM").`,
      {
        argument,
        value: raw,
      },
    );
  }
  return code;
}

/** Parses codes and checks that every one is a known country (against the catalog: no statement). */
export function requireCountries(catalog: CatalogSnapshot, raws: readonly string[], argument: string): string[] {
  const codes = [...new Set(raws.map((raw) => parseCountryCode(raw, argument)))];
  const unknown = codes.filter((c) => !catalog.country(c));
  if (unknown.length > 0) {
    throw new AppError(ErrorCode.UNKNOWN_COUNTRY, `${argument}: no country with code ${unknown.map((c) => `"${c}"`).join(', ')}.`, {
      argument,
      value: unknown,
    });
  }
  return codes;
}

/** Parses one code and checks that it is a known country. */
export function requireCountry(catalog: CatalogSnapshot, raw: string, argument: string): string {
  const [code] = requireCountries(catalog, [raw], argument);
  return code;
}
