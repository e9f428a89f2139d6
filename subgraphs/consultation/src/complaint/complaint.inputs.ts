import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A complaint an applicant files about a department.' })
export class FileComplaintInput {
  @Field(() => String, { description: 'The department complained about, by its unified social credit code.' })
  departmentCode!: string;

  @Field(() => String, { nullable: true })
  matterCode?: string | null;

  @Field(() => String, { description: '5 to 1000 characters.' })
  subject!: string;
}
