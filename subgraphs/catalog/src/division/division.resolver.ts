import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { CITY_DIVISION, NotFoundError, checkText } from '@govgraph/kit';
import type { CatalogContext } from '../context.js';
import { Division } from './division.type.js';

@Resolver(() => Division)
export class DivisionResolver {
  @Query(() => Division, { nullable: true, description: 'A division by code; the city (440300) is the root of the tree.' })
  async division(@Arg('code', () => ID, { defaultValue: CITY_DIVISION.code }) code: string, @Ctx() ctx: CatalogContext): Promise<Division> {
    checkText(code, 'code', { max: 12, pattern: /^\d+$/, patternHint: 'a division code of digits' });
    const division = await ctx.loaders.divisionByCode.load(code);
    if (!division) throw new NotFoundError('Division', code);
    return division;
  }

  @FieldResolver(() => Division, { nullable: true })
  parent(@Root() division: Division, @Ctx() ctx: CatalogContext): Promise<Division | null> {
    return division.parentCode ? ctx.loaders.divisionByCode.load(division.parentCode) : Promise.resolve(null);
  }

  @FieldResolver(() => [Division], { description: 'The divisions one level down, in the city’s order.' })
  children(@Root() division: Division, @Ctx() ctx: CatalogContext): Promise<Division[]> {
    return ctx.loaders.divisionChildren.load(division.code);
  }
}
