import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { Country } from './country.entity';

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

/** Parses codes and checks that every one is a known country (one statement for the whole list). */
export async function requireCountries(em: EntityManager, raws: readonly string[], argument: string): Promise<string[]> {
  const codes = [...new Set(raws.map((raw) => parseCountryCode(raw, argument)))];
  if (codes.length === 0) return codes;
  const found = await em.find(Country, { id: { $in: codes } }, { fields: ['id'] });
  const known = new Set(found.map((c) => c.id));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new AppError(ErrorCode.UNKNOWN_COUNTRY, `${argument}: no country with code ${unknown.map((c) => `"${c}"`).join(', ')}.`, {
      argument,
      value: unknown,
    });
  }
  return codes;
}

/** Parses one code and checks that it is a known country. */
export async function requireCountry(em: EntityManager, raw: string, argument: string): Promise<string> {
  const [code] = await requireCountries(em, [raw], argument);
  return code;
}
