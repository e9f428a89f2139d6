import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from './errors.js';
import type { SubgraphContext } from './create-subgraph.js';

/** Roles a token can carry. */
export const Role = {
  CITIZEN: 'citizen',
  OFFICER: 'officer',
  /** Electronic supervision (电子监察) of every department's deadlines; honoured only for an officer of the hall office (isSupervisor). */
  SUPERVISOR: 'supervisor',
} as const;

/**
 * type-graphql's `@Authorized(...roles)` fed by the claims the gateway forwarded: no roles means
 * "signed in", roles mean "has one of them". It throws our coded errors itself, so a refusal
 * reads UNAUTHENTICATED or FORBIDDEN, never a masked internal error.
 */
export const claimsAuthChecker: AuthChecker<SubgraphContext> = ({ context }, roles) => {
  if (!context.claims) throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.some((role) => context.claims!.roles.includes(role))) {
    throw new ForbiddenError(`Only ${roles.join(' or ')} accounts may do this`);
  }
  return true;
};
