import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'The catalog’s part of a disclosure annual report (概述): the online hall’s size. The catalog keeps no history, so these are the catalog as it stands when the report is read, whatever the report’s year. Rates are fractions from 0 to 1.',
})
export class CatalogAnnualOverview {
  @Field(() => Int, { description: 'Departments stationed in the online hall (进驻部门).' })
  departments!: number;

  @Field(() => Int, { description: 'City-level matters (implementations at 440300; 政务服务事项).' })
  matters!: number;

  @Field(() => Int, { description: 'City-level matters that are administrative licensing items (行政许可事项).' })
  licensingItems!: number;

  @Field(() => Int, { description: 'Licensing items handled fully online (depth IV, 全流程网上办理).' })
  fullyOnlineLicensingItems!: number;

  @Field(() => Float, { description: 'fullyOnlineLicensingItems among licensingItems, to three decimals (0.959 is 95.9 %); 0 when there are no licensing items.' })
  fullyOnlineRate!: number;

  @Field(() => Int, { description: 'Districts of the city (区).' })
  districts!: number;

  @Field(() => Int, { description: 'Sub-districts (街道).' })
  subdistricts!: number;

  @Field(() => Int, { description: 'Communities (社区).' })
  communities!: number;
}

/**
 * The disclosure annual report (owned by disclosure, which resolves `Query.annualReport`), as far
 * as the catalog adds to it: the catalog overview, by the report's key.
 */
@Directive('@key(fields: "departmentCode year")')
@ObjectType('AnnualReport')
export class AnnualReport {
  @Field(() => String)
  departmentCode!: string;

  @Field(() => Int)
  year!: number;

  // Nullable across departments: were this department down, the rest of the report still answers.
  @Field(() => CatalogAnnualOverview, {
    nullable: true,
    description: 'The online hall’s catalog figures. The catalog keeps no history: these are the catalog as it stands now, not as it stood in the report’s year.',
  })
  catalogOverview!: CatalogAnnualOverview;
}
