import { Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { CatalogContext } from '../context.js';
import { Department } from './department.type.js';

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { description: 'Every department of the hall, in the order the hall lists them.' })
  departments(@Ctx() ctx: CatalogContext): Promise<Department[]> {
    return ctx.services.departments.all();
  }

  @FieldResolver(() => Int, { description: 'How many matters the department implements.' })
  matterCount(@Root() department: Department, @Ctx() ctx: CatalogContext): Promise<number> {
    return ctx.loaders.matterCountByDepartment.load(department.code);
  }
}
