import type { AuthChecker } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { ROLES, roleAtLeast, type Role, type Viewer } from './role';

/**
 * Guards fields declared `@Authorized('analyst')` (the role or above; several roles: any of them) or
 * `@Authorized()` (any role). It throws our own codes instead of answering false, so clients see
 * UNAUTHENTICATED (anonymous: send an API key) or FORBIDDEN (this key's role may not), never
 * type-graphql's generic errors.
 */
export const authChecker: AuthChecker<GraphQLContext, Role> = ({ context }, roles) => {
  checkRole(context.viewer, roles);
  return true;
};

/** Throws unless the viewer holds one of `roles` or above (any role when `roles` is empty). */
export function checkRole(viewer: Viewer, roles: readonly Role[]): void {
  const required = roles.length === 0 ? null : lowest(roles);
  if (required === null ? viewer.role !== null : roleAtLeast(viewer.role, required)) return;
  const need = required === null ? 'an API key' : `the ${required} role`;
  // An anonymous client (no key, whatever ANONYMOUS_ROLE gives it) is told to authenticate; a key holder,
  // that the key is not enough.
  if (viewer.keyId === null) {
    throw new AppError(ErrorCode.UNAUTHENTICATED, `This needs ${need}: send an API key as "Authorization: Bearer <key>".`, {
      requiredRole: required,
    });
  }
  throw new AppError(ErrorCode.FORBIDDEN, `This needs ${need}; the API key "${viewer.name}" has the ${viewer.role} role.`, {
    requiredRole: required,
    role: viewer.role,
  });
}

function lowest(roles: readonly Role[]): Role {
  return roles.reduce((a, b) => (ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b));
}
