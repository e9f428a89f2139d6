import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DivisionLevelCode } from '../seed/divisions.js';

export { DivisionLevelCode as DivisionLevel };
registerEnumType(DivisionLevelCode, { name: 'DivisionLevel', description: 'City, district (区), sub-district (街道) or community (社区).' });

@ObjectType({ description: 'An administrative division of the city (GB/T 2260 codes, extended below district level).' })
export class Division {
  @Field(() => ID)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DivisionLevelCode)
  level!: DivisionLevelCode;

  parentCode!: string | null;
}
