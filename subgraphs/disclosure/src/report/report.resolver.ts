import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { DepartmentStub } from '@govgraph/kit';
import type { DisclosureContext } from '../context.js';
import { checkReportKey } from './report-key.js';
import { reportKeyOf } from './report.repository.js';
import { AnnualReport, DisclosureFeesSection, DisclosureOnRequestSection, DisclosureProactiveSection, DisclosureReviewSection, type ReportKey } from './report.type.js';

@Resolver(() => AnnualReport)
export class AnnualReportResolver {
  @Query(() => AnnualReport, { description: 'The disclosure annual report (政府信息公开年度报告) of a department for a calendar year; public.' })
  annualReport(
    @Arg('departmentCode', () => String, { description: 'The department’s unified social credit code; NOT_FOUND for one the city does not have.' }) departmentCode: string,
    @Arg('year', () => Int, { description: 'From 2000 to the current year; BAD_USER_INPUT otherwise.' }) year: number,
    @Ctx() ctx: DisclosureContext,
  ): ReportKey {
    return checkReportKey(ctx, departmentCode, year);
  }

  @FieldResolver(() => DepartmentStub)
  department(@Root() report: ReportKey): DepartmentStub {
    return { code: report.departmentCode };
  }

  @FieldResolver(() => DisclosureProactiveSection)
  async proactiveDisclosure(@Root() report: ReportKey, @Ctx() ctx: DisclosureContext): Promise<DisclosureProactiveSection> {
    return (await ctx.loaders.proactiveByReport.load(reportKeyOf(report)))!;
  }

  @FieldResolver(() => DisclosureOnRequestSection)
  async disclosureOnRequest(@Root() report: ReportKey, @Ctx() ctx: DisclosureContext): Promise<DisclosureOnRequestSection> {
    return (await ctx.loaders.requestFiguresByReport.load(reportKeyOf(report)))!.onRequest;
  }

  @FieldResolver(() => DisclosureFeesSection)
  async disclosureFees(@Root() report: ReportKey, @Ctx() ctx: DisclosureContext): Promise<DisclosureFeesSection> {
    return (await ctx.loaders.requestFiguresByReport.load(reportKeyOf(report)))!.fees;
  }

  @FieldResolver(() => DisclosureReviewSection)
  async disclosureReviews(@Root() report: ReportKey, @Ctx() ctx: DisclosureContext): Promise<DisclosureReviewSection> {
    return (await ctx.loaders.reviewsByReport.load(reportKeyOf(report)))!;
  }
}
