import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { UnauthenticatedError, checkText } from '@govgraph/kit';
import type { IdentityContext } from '../context.js';
import { issueToken } from '../keys/tokens.js';
import { LoginPayload } from './account.type.js';
import { DUMMY_HASH, verifyPassword } from './password.js';

@Resolver()
export class LoginResolver {
  @Mutation(() => LoginPayload, {
    description: 'Password sign-in. UNAUTHENTICATED for any wrong username or password; RATE_LIMITED after repeated failures.',
  })
  async login(@Arg('username', () => String) username: string, @Arg('password', () => String) password: string, @Ctx() ctx: IdentityContext): Promise<LoginPayload> {
    checkText(username, 'username', { min: 1, max: 64 });
    checkText(password, 'password', { min: 1, max: 256 });
    const throttle = ctx.services.loginThrottle;
    await throttle.admit(username, ctx.clientAddress);
    const account = await ctx.services.accounts.byUsername(username);
    // Hash even for unknown users, so response time does not tell which usernames exist.
    const matches = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !matches) {
      await throttle.failed(username, ctx.clientAddress);
      ctx.log.info({ accountId: account?.id ?? null }, 'login refused');
      throw new UnauthenticatedError('Wrong username or password');
    }
    await throttle.succeeded(username);
    const { token, expiresAt } = await issueToken(
      ctx.services.keys,
      { accountId: account.id, personId: account.personId, applicantId: account.personId, roles: account.roles, department: account.department },
      ctx.services.clock(),
    );
    ctx.log.info({ accountId: account.id }, 'login');
    return { token, expiresAt, account: { id: account.id, displayName: account.personName, roles: account.roles } };
  }
}
