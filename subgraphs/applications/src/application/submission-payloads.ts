import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Application } from './application.type.js';
import { DecisionAction } from './application.enums.js';

@ObjectType()
export class ApplicationPayload {
  @Field(() => Application)
  application!: Application;
}

@InputType()
export class DecideApplicationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => DecisionAction)
  action!: DecisionAction;

  @Field(() => String, { nullable: true, description: 'Shown in the history; for a correction request, what to correct.' })
  note?: string | null;
}
