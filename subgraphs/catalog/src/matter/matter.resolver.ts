import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, MATTER_CODE_RULE, NotFoundError, PAGE_FIRST, PAGE_LAST, argumentGiven, checkText, encodeCursor, readPageArgs, settlePage } from '@govgraph/kit';
import type { CatalogContext } from '../context.js';
import { Department } from '../department/department.type.js';
import { MatterConnection } from './matter-connection.type.js';
import { MatterFilter } from './matter-filter.input.js';
import { Form, MaterialRequirement, Matter } from './matter.type.js';
import { Division } from '../division/division.type.js';

const CURSOR_KIND = 'matter';

function checkFilter(filter: MatterFilter | undefined): void {
  if (!filter) return;
  if (filter.text !== undefined && filter.text !== null) checkText(filter.text, 'filter.text', { max: 100 });
  if (filter.departmentCode) checkText(filter.departmentCode, 'filter.departmentCode', { max: 18 });
  if (filter.divisionCode) checkText(filter.divisionCode, 'filter.divisionCode', { max: 12, pattern: /^\d+$/, patternHint: 'a division code of digits' });
  if (filter.minOnlineDepth != null && (filter.minOnlineDepth < 1 || filter.minOnlineDepth > 4)) {
    throw new BadUserInputError('filter.minOnlineDepth must be between 1 and 4', 'filter.minOnlineDepth');
  }
}

@Resolver(() => Matter)
export class MatterResolver {
  @Query(() => Matter, { nullable: true, description: 'One matter by its implementation code; NOT_FOUND when unknown.' })
  async matter(@Arg('code', () => ID) code: string, @Ctx() ctx: CatalogContext): Promise<Matter> {
    checkText(code, 'code', MATTER_CODE_RULE);
    const matter = await ctx.loaders.matterByCode.load(code);
    if (!matter) throw new NotFoundError('Matter', code);
    return matter;
  }

  @Query(() => MatterConnection, { description: 'Browse and search the catalog, ordered by code.' })
  async matters(
    @Ctx() ctx: CatalogContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => MatterFilter, { nullable: true }) filter?: MatterFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: PAGE_FIRST }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_LAST }) last?: number,
    @Arg('before', () => String, { nullable: true }) before?: string,
  ): Promise<MatterConnection> {
    checkFilter(filter);
    const request = readPageArgs(CURSOR_KIND, { first: argumentGiven(info, 'first') ? first : null, after, last, before });
    const cursor = request.cursor ?? undefined;
    const [totalCount, fetched, beyond] = await Promise.all([
      ctx.services.matters.count(filter),
      ctx.services.matters.page(filter, request.size + 1, cursor, request.backward),
      cursor === undefined ? false : ctx.services.matters.reachesPast(filter, cursor, request.backward),
    ]);
    const { rows, hasNextPage, hasPreviousPage } = settlePage(request, fetched, beyond);
    for (const matter of rows) ctx.loaders.matterByCode.prime(matter.code, matter);
    const edges = rows.map((node) => ({ cursor: encodeCursor(CURSOR_KIND, node.code), node }));
    return {
      totalCount,
      edges,
      pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @FieldResolver(() => Department)
  async department(@Root() matter: Matter, @Ctx() ctx: CatalogContext): Promise<Department> {
    const department = await ctx.loaders.departmentByCode.load(matter.departmentCode);
    if (!department) throw new Error(`matter ${matter.code} names unknown department ${matter.departmentCode}`);
    return department;
  }

  @FieldResolver(() => [MaterialRequirement])
  materials(@Root() matter: Matter, @Ctx() ctx: CatalogContext): Promise<MaterialRequirement[]> {
    return ctx.loaders.materialsByDefinition.load(matter.basicCode);
  }

  @FieldResolver(() => Form)
  async form(@Root() matter: Matter, @Ctx() ctx: CatalogContext): Promise<Form> {
    return { fields: await ctx.loaders.formFieldsByDefinition.load(matter.basicCode) };
  }

  @FieldResolver(() => Division, { description: 'Where it is implemented: the city, or one district.' })
  async division(@Root() matter: Matter, @Ctx() ctx: CatalogContext): Promise<Division> {
    const division = await ctx.loaders.divisionByCode.load(matter.divisionCode);
    if (!division) throw new Error(`matter ${matter.code} names unknown division ${matter.divisionCode}`);
    return division;
  }
}
