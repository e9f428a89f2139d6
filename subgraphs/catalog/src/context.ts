import type { Kysely } from 'kysely';
import { groupedLoader, keyedLoader, type SubgraphContext } from '@govgraph/kit';
import DataLoader from 'dataloader';
import type { CatalogTables } from './database.js';
import { DepartmentRepository } from './department/department.repository.js';
import { MatterRepository } from './matter/matter.repository.js';

export interface CatalogServices {
  departments: DepartmentRepository;
  matters: MatterRepository;
}

export function createCatalogServices(db: Kysely<CatalogTables>): CatalogServices {
  return { departments: new DepartmentRepository(db), matters: new MatterRepository(db) };
}

/** One query per entity type per request, whatever the shape of the operation. */
export function createCatalogLoaders(services: CatalogServices) {
  return {
    departmentByCode: keyedLoader((codes: readonly string[]) => services.departments.byCodes(codes), (d) => d.code),
    matterByCode: keyedLoader((codes: readonly string[]) => services.matters.byCodes(codes), (m) => m.code),
    matterCountByDepartment: new DataLoader<string, number>(async (codes) => {
      const counts = await services.departments.matterCounts(codes);
      return codes.map((code) => counts.get(code) ?? 0);
    }),
    materialsByMatter: groupedLoader((codes: readonly string[]) => services.matters.materialsOf(codes), (m) => m.matterCode),
    formFieldsByMatter: groupedLoader((codes: readonly string[]) => services.matters.formFieldsOf(codes), (f) => f.matterCode),
  };
}

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;
export type CatalogContext = SubgraphContext<CatalogLoaders, CatalogServices>;
