import { getNamedType, GraphQLBoolean, GraphQLFloat, GraphQLID, GraphQLInt, isEnumType, isListType, getNullableType } from 'graphql';
import type { GraphQLField } from 'graphql';
import type { ColumnType } from './formats/table-format';

/** Float fields that hold US$ amounts (sums of trade values): exact decimals in typed formats. */
const MONEY = /^(value|imports|exports|supplyLost)$|(Usd|Value|Exports|Imports)$/;

/** String fields that hold identifiers or codes (ISO alpha-3, HS codes, ids): text even when they look numeric. */
const CODE = /^(id|code|iso\w*|hsCode)$|(Id|Code|Codes|Ids)$/;

/** Custom scalars by name. */
const SCALARS: Record<string, ColumnType> = { DateTimeISO: 'datetime', DateTime: 'datetime', Date: 'datetime' };

/**
 * The column type of a selected field, from its GraphQL type (and, for numbers and text, its name):
 * ID and code-like strings → code, Int → integer, money Floats (valueUsd…) → decimal, other Floats
 * (shares, HHI, RCA) → float, Boolean → boolean, enums → code, date-times → datetime, the rest text. A list of
 * scalars is one text cell ("a; b").
 */
export function columnTypeOf(field: GraphQLField<unknown, unknown>): ColumnType {
  if (isListType(getNullableType(field.type))) return 'text';
  const named = getNamedType(field.type);
  if (named === GraphQLID) return 'code';
  if (named === GraphQLInt) return 'integer';
  if (named === GraphQLFloat) return MONEY.test(field.name) ? 'decimal' : 'float';
  if (named === GraphQLBoolean) return 'boolean';
  if (isEnumType(named)) return 'code';
  const scalar = SCALARS[named.name];
  if (scalar) return scalar;
  return CODE.test(field.name) ? 'code' : 'text';
}
