import { Field, ID, ObjectType } from 'type-graphql';
import { DivisionLevel } from './division.enums.js';

@ObjectType({ description: 'An administrative division of the city (GB/T 2260 codes, extended below district level).' })
export class Division {
  @Field(() => ID)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DivisionLevel)
  level!: DivisionLevel;

  parentCode!: string | null;
}
