import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A request for disclosure of government information.' })
export class DisclosureRequestInput {
  @Field(() => String, { description: 'The department asked: its unified social credit code.' })
  departmentCode!: string;

  @Field(() => String, { description: 'The information asked for, 10 to 2000 characters.' })
  description!: string;
}
