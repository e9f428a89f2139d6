import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A municipal department stationed in the online hall (实施主体).' })
export class Department {
  @Field(() => ID, { description: 'Unified social credit code of the department (GB 32100).' })
  code!: string;

  @Field(() => String)
  name!: string;
}
