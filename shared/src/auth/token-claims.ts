import { z } from 'zod';
import { Department, Role, type Principal } from '../context/principal';
import { UnauthenticatedError } from '../errors/app-errors';

const oneOf = (values: Record<string, string>) => `must be one of ${Object.values(values).join(', ')}`;

/** The claims that make a principal; `aud` and `exp` are checked by jose before these. */
const principalClaims = z.object({
  sub: z.string({ required_error: 'is required' }).trim().min(1, 'must not be empty'),
  name: z.string({ required_error: 'is required' }).trim().min(1, 'must not be empty'),
  department: z.nativeEnum(Department, { errorMap: () => ({ message: oneOf(Department) }) }),
  roles: z
    .array(z.nativeEnum(Role, { errorMap: () => ({ message: oneOf(Role) }) }), {
      errorMap: () => ({ message: 'must be an array of roles' }),
    })
    .min(1, 'must name at least one role'),
});

/** `roles[1]` rather than `roles.1`. */
const claimPath = (path: readonly (string | number)[]) =>
  path
    .map((part) => (typeof part === 'number' ? `[${part}]` : part))
    .join('.')
    .replace(/\.\[/g, '[');

/** The principal a verified token's claims describe, or UNAUTHENTICATED naming every bad claim. */
export function principalFromClaims(payload: unknown): Principal {
  const parsed = principalClaims.safeParse(payload);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${claimPath(issue.path) || 'claims'} ${issue.message}`);
    throw new UnauthenticatedError(`The token's claims are invalid: ${problems.join('; ')}`);
  }
  const { sub, name, department, roles } = parsed.data;
  return Object.freeze({ subject: sub, name, department, roles: Object.freeze([...new Set(roles)]) });
}
