import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DepartmentStub } from '@govgraph/kit';

const RATES = 'Rates are fractions from 0 to 1 to four decimals (0.6378 is 63.78 %); 0 when there is nothing to divide by.';

@ObjectType({ description: `One department's cases in a year. ${RATES}` })
export class DepartmentStatistics {
  @Field(() => DepartmentStub, { description: 'The implementing department; its name comes from the catalog.' })
  department!: DepartmentStub;

  @Field(() => Int, { description: 'Cases of this department submitted in the year.' })
  submitted!: number;

  @Field(() => Int, { description: 'Cases of this department completed (办结) in the year, whenever submitted.' })
  completed!: number;

  @Field(() => Float, { description: 'Decisions made in the year by their deadline, among this department’s decisions made in the year.' })
  onTimeRate!: number;
}

@ObjectType({
  description: `The online hall's figures for one calendar year (city time), as its annual report publishes them. ${RATES} A year without cases has zeros and no departments.`,
})
export class HallStatistics {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: 'Cases submitted in the year.' })
  applicationsSubmitted!: number;

  @Field(() => Int, { description: 'Cases completed (办结) in the year, whenever submitted.' })
  applicationsCompleted!: number;

  @Field(() => Float, { description: 'Instant cases (即办件, decided on submission) among the cases submitted in the year (即办率).' })
  instantRate!: number;

  @Field(() => Float, { description: 'Decisions (approvals and rejections) made in the year by their deadline, among all decisions made in the year (按时办结率).' })
  onTimeRate!: number;

  @Field(() => Float, { description: 'Cases completed in the year that were submitted online, among all cases completed in the year (网上办结率).' })
  onlineCompletionRate!: number;

  @Field(() => [DepartmentStatistics], { description: 'Every department with cases submitted, decided or completed in the year; most submitted first.' })
  byDepartment!: DepartmentStatistics[];
}
