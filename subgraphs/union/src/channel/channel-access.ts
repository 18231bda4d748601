import { ForbiddenError, Role, type Department, type Principal } from '@labour/shared';

/**
 * Who may do what with the registry. The registry is not secret: any authenticated caller reads it.
 * Only an ADMIN of the provider department proposes and decides its outgoing channels (the provider
 * verifies the decision again before it records it); the provider's own systems (SERVICE) and ADMINs
 * read the registry's list of its channels in force.
 */

export function signedIn(principal: Principal | null): Principal {
  // Identity is verified before any resolver runs; without it nothing here is allowed.
  if (!principal) throw new ForbiddenError('The sharing-channel registry is for authenticated callers');
  return principal;
}

export function assertProviderAdmin(principal: Principal | null, provider: Department, action: string): Principal {
  const caller = signedIn(principal);
  if (caller.department !== provider || !caller.roles.includes(Role.ADMIN)) {
    throw new ForbiddenError(`Only an ADMIN of ${provider} may ${action} its sharing channels`);
  }
  return caller;
}

export function assertProviderSystem(principal: Principal | null, provider: Department): Principal {
  const caller = signedIn(principal);
  if (caller.department !== provider || !caller.roles.some((role) => role === Role.SERVICE || role === Role.ADMIN)) {
    throw new ForbiddenError(`Only a SERVICE or ADMIN principal of ${provider} may read the grants its subgraph enforces`);
  }
  return caller;
}
