import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ConsultationContext } from '../context.js';
import { AnnualReport, ConsultationAnnualSection } from './annual-report.type.js';

@Resolver(() => AnnualReport)
export class AnnualReportConsultationResolver {
  // Nullable across departments: were consultation down, the rest of the report still answers.
  @FieldResolver(() => ConsultationAnnualSection, {
    nullable: true,
    description: "Consultations, complaints and praise (咨询投诉) of the department in the year: the hall desk's and 12345's tallies and the records. Public.",
  })
  async consultationAndComplaints(@Root() report: AnnualReport, @Ctx() ctx: ConsultationContext): Promise<ConsultationAnnualSection> {
    const found = await ctx.loaders.annualSection.load(`${report.departmentCode}|${report.year}`);
    return found!.section;
  }
}
