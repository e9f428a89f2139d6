import { buildFederatedSchema, LicenceTypeStub, type FederatedSchema } from '@govgraph/kit';
import { departmentReference } from './department/department.reference.js';
import { DepartmentResolver } from './department/department.resolver.js';
import { matterReference } from './matter/matter.reference.js';
import { MatterResolver } from './matter/matter.resolver.js';
import { DivisionResolver } from './division/division.resolver.js';
import { annualReportReference } from './annual-report/annual-report.reference.js';
import { AnnualReport } from './annual-report/annual-report.type.js';
import { CatalogStatisticsResolver } from './statistics/catalog-statistics.resolver.js';

export function buildCatalogSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [DepartmentResolver, MatterResolver, DivisionResolver, CatalogStatisticsResolver],
    orphanedTypes: [LicenceTypeStub, AnnualReport],
    referenceResolvers: { Department: departmentReference, Matter: matterReference, AnnualReport: annualReportReference },
  });
}
