import { GraphQLError } from 'graphql';
import { ErrorCode, type RequestCheck } from '@govgraph/kit';
import type { IdentityContext } from '../context.js';
import { mayStillAct } from './acting-right.js';

/**
 * identity gives nothing of an enterprise to a request whose claims act for it under an
 * authorisation that ended (or for a person the register no longer links to it), whatever the
 * gateway let through: checked against the database on every such request, before any resolver.
 * Answered with HTTP 200, as a resolver's refusal is, so the gateway passes the code on.
 */
export function refuseEndedAuthorisations(): RequestCheck<IdentityContext> {
  return async ({ context: ctx }) => {
    if (await mayStillAct(ctx.claims, ctx.services)) return;
    ctx.log.info(
      { accountId: ctx.claims?.accountId, enterpriseId: ctx.claims?.applicantId, authorisationId: ctx.claims?.authorisationId ?? null },
      'refused: acting for an enterprise without a right in force',
    );
    throw new GraphQLError('Your authorisation to act for this enterprise has ended; sign in again to act as yourself', {
      extensions: { code: ErrorCode.FORBIDDEN, reason: 'AUTHORISATION_ENDED', http: { status: 200 } },
    });
  };
}
