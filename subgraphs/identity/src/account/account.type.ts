import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '@govgraph/kit';

@ObjectType({ description: 'A sign-in account: a citizen, or an officer of a department.' })
export class Account {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => [String], { description: 'citizen, officer, …' })
  roles!: string[];
}

@ObjectType()
export class LoginPayload {
  @Field(() => String, { description: 'Bearer token for the Authorization header.' })
  token!: string;

  @Field(() => DateTimeScalar)
  expiresAt!: Date;

  @Field(() => Account)
  account!: Account;
}
