import { registerEnumType } from 'type-graphql';
import type { Role } from './role';

/**
 * The roles as a GraphQL enum (READER, ANALYST, ADMIN); its values are the stored role names, so a
 * resolver receives and returns plain {@link Role} strings.
 */
export const RoleEnum = { READER: 'reader', ANALYST: 'analyst', ADMIN: 'admin' } as const satisfies Record<string, Role>;

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What an API key may do. Each role includes the ones before it: READER < ANALYST < ADMIN.',
  valuesConfig: {
    READER: { description: 'Read every query (the role of anonymous clients on the embedded demo).' },
    ANALYST: { description: "A reader who may also write analysts' own data (watchlists, alerts)." },
    ADMIN: { description: 'An analyst who may also manage API keys.' },
  },
});
