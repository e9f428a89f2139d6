import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

const RATES = 'Rates are fractions from 0 to 1 to four decimals (0.992 is 99.2 %); 0 when there is nothing to divide by.';

@ObjectType({
  description: `The online hall's cases in the report's calendar year (city time), hall-wide: every department's cases, whichever department's report it is (the hall's overview, 概述). Counted as hallStatistics counts them. ${RATES}`,
})
export class CaseAnnualOverview {
  @Field(() => Int, { description: 'Cases submitted in the year (受理), every department.' })
  casesSubmitted!: number;

  @Field(() => Int, { description: 'Of those, submitted online (网上申办).' })
  onlineCases!: number;

  @Field(() => Int, { description: 'Of those, submitted at a hall window (现场办理).' })
  hallCases!: number;

  @Field(() => Int, {
    description:
      'Working days of the year by the city’s calendar (the kit’s workingDaysBetween: public holidays and make-up working days; a year the calendar does not cover counts its weekdays).',
  })
  workingDays!: number;

  @Field(() => Int, { description: 'hallCases per working day, rounded to a whole number (日均现场办件量).' })
  hallDailyAverage!: number;

  @Field(() => Int, { description: 'Instant cases (即办件, decided on submission) among the cases submitted in the year.' })
  instantCases!: number;

  @Field(() => Float, { description: 'instantCases among casesSubmitted (即办率).' })
  instantRate!: number;

  @Field(() => Float, { description: 'Decisions made in the year by their deadline, among all decisions made in the year (按时办结率).' })
  onTimeRate!: number;

  @Field(() => Float, { description: 'onlineCases among casesSubmitted (网上申办率).' })
  onlineApplicationRate!: number;

  @Field(() => Float, {
    description: 'Cases completed in the year that were submitted online, among all cases completed in the year (网上办结率), as hallStatistics.onlineCompletionRate.',
  })
  onlineCompletionRate!: number;

  @Field(() => Int, { description: 'Cases completed (办结) in the year, whenever submitted.' })
  casesCompleted!: number;
}

/**
 * The disclosure annual report (owned by disclosure, which resolves `Query.annualReport`), as far
 * as the case system adds to it: the hall's case overview, by the report's key.
 */
@Directive('@key(fields: "departmentCode year")')
@ObjectType('AnnualReport')
export class AnnualReport {
  @Field(() => String)
  departmentCode!: string;

  @Field(() => Int)
  year!: number;

  // Nullable across departments: were this department down, the rest of the report still answers.
  @Field(() => CaseAnnualOverview, {
    nullable: true,
    description: 'The online hall’s cases of the year, all departments together (the hall’s overview), whichever department’s report it is.',
  })
  caseOverview!: CaseAnnualOverview;
}
