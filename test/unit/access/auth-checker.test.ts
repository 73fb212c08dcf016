import { AppError, ErrorCode } from '../../../src/errors/app-error';
import { checkRole } from '../../../src/modules/access/auth-checker';
import type { Role, Viewer } from '../../../src/modules/access/role';

const keyHolder = (role: Role): Viewer => ({ role, keyId: '0123456789abcdef', name: 'BI team' });
const anonymous = (role: Role | null): Viewer => ({ role, keyId: null, name: null });

/** The error code checkRole throws, or 'allowed'. */
function outcome(viewer: Viewer, roles: Role[]): string {
  try {
    checkRole(viewer, roles);
    return 'allowed';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('the role guard behind @Authorized', () => {
  it('lets a role and every role above it through: reader < analyst < admin', () => {
    expect(['reader', 'analyst', 'admin'].map((role) => outcome(keyHolder(role as Role), ['analyst']))).toEqual([
      ErrorCode.FORBIDDEN,
      'allowed',
      'allowed',
    ]);
    expect(['reader', 'analyst', 'admin'].map((role) => outcome(keyHolder(role as Role), ['admin']))).toEqual([
      ErrorCode.FORBIDDEN,
      ErrorCode.FORBIDDEN,
      'allowed',
    ]);
  });

  it('tells an anonymous client to authenticate (UNAUTHENTICATED), whatever ANONYMOUS_ROLE gave it', () => {
    expect(outcome(anonymous('reader'), ['analyst'])).toBe(ErrorCode.UNAUTHENTICATED);
    expect(outcome(anonymous(null), ['reader'])).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('with several roles needs the lowest of them; with none, any role', () => {
    expect(outcome(keyHolder('analyst'), ['admin', 'analyst'])).toBe('allowed');
    expect(outcome(anonymous('reader'), [])).toBe('allowed');
    expect(outcome(anonymous(null), [])).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('says which role is needed and which the key has', () => {
    expect(() => checkRole(keyHolder('reader'), ['admin'])).toThrow(
      'This needs the admin role; the API key "BI team" has the reader role.',
    );
    expect(() => checkRole(anonymous('reader'), ['analyst'])).toThrow(
      'This needs the analyst role: send an API key as "Authorization: Bearer <key>".',
    );
  });
});
