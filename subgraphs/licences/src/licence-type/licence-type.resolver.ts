import { Ctx, Query, Resolver } from 'type-graphql';
import type { LicencesContext } from '../context.js';
import { LicenceType } from './licence-type.type.js';

@Resolver(() => LicenceType)
export class LicenceTypeResolver {
  @Query(() => [LicenceType], { description: 'Every licence type in the library; public.' })
  licenceTypes(@Ctx() ctx: LicencesContext): Promise<LicenceType[]> {
    return ctx.services.types.all();
  }
}
