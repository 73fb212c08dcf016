/**
 * Roles of API keys, from least to most trusted. A role includes every role before it: an analyst may do
 * whatever a reader may, an admin whatever an analyst may.
 */
export const ROLES = ['reader', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: an API key's principal, or an anonymous client (role from ANONYMOUS_ROLE, or none). */
export interface Viewer {
  /** null: anonymous access is off (ANONYMOUS_ROLE=none) and no key was sent. */
  role: Role | null;
  /** The API key's id, null for anonymous clients. */
  keyId: string | null;
  /** The key's name (its principal), null for anonymous clients. */
  name: string | null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when `role` is `required` or above. */
export function roleAtLeast(role: Role | null, required: Role): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(required);
}
