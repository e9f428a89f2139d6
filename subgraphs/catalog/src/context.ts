import type { Kysely } from 'kysely';
import { groupedLoader, keyedLoader, type Dialect, type SubgraphContext } from '@govgraph/kit';
import { DivisionRepository } from './division/division.repository.js';
import { CatalogStatisticsRepository } from './statistics/catalog-statistics.repository.js';
import DataLoader from 'dataloader';
import type { CatalogTables } from './database.js';
import { DepartmentRepository } from './department/department.repository.js';
import { MatterRepository } from './matter/matter.repository.js';
import { catalogOverview } from './annual-report/catalog-overview.js';
import type { CatalogAnnualOverview } from './annual-report/annual-report.type.js';

export interface CatalogServices {
  departments: DepartmentRepository;
  matters: MatterRepository;
  divisions: DivisionRepository;
  statistics: CatalogStatisticsRepository;
}

export function createCatalogServices(db: Kysely<CatalogTables>, dialect: Dialect): CatalogServices {
  return {
    departments: new DepartmentRepository(db),
    matters: new MatterRepository(db, dialect),
    divisions: new DivisionRepository(db),
    statistics: new CatalogStatisticsRepository(db),
  };
}

/** One query per entity type per request, whatever the shape of the operation. */
export function createCatalogLoaders(services: CatalogServices) {
  return {
    departmentByCode: keyedLoader(
      (codes: readonly string[]) => services.departments.byCodes(codes),
      (d) => d.code,
    ),
    matterByCode: keyedLoader(
      (codes: readonly string[]) => services.matters.byCodes(codes),
      (m) => m.code,
    ),
    matterCountByDepartment: new DataLoader<string, number>(async (codes) => {
      const counts = await services.departments.matterCounts(codes);
      return codes.map((code) => counts.get(code) ?? 0);
    }),
    /** Keyed by basic code: every implementation of a definition shares its materials and form. */
    materialsByDefinition: groupedLoader(
      (codes: readonly string[]) => services.matters.materialsOf(codes),
      (m) => m.basicCode,
    ),
    formFieldsByDefinition: groupedLoader(
      (codes: readonly string[]) => services.matters.formFieldsOf(codes),
      (f) => f.basicCode,
    ),
    divisionByCode: keyedLoader(
      (codes: readonly string[]) => services.divisions.byCodes(codes),
      (d) => d.code,
    ),
    /** The catalog overview of the annual reports asked, by year: the catalog has no history, so one computation serves every year. */
    catalogOverview: new DataLoader<number, CatalogAnnualOverview>(async (years) => {
      const overview = await catalogOverview(services);
      return years.map(() => overview);
    }),
    divisionChildren: groupedLoader(
      (codes: readonly string[]) => services.divisions.childrenOf(codes),
      (d) => d.parentCode ?? '',
    ),
  };
}

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;
export type CatalogContext = SubgraphContext<CatalogLoaders, CatalogServices>;
