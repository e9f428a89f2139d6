import { Directive, Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars.js';
import { TrustLevel } from './fact.enums.js';

/** Ranks trust levels for "the more trusted source wins". */
export const TRUST_RANK: Record<TrustLevel, number> = { A: 4, B: 3, C: 2, D: 1 };

@Directive('@shareable')
@ObjectType({ description: 'Where a reused value came from, when, and how far it can be trusted.' })
export class Provenance {
  @Field(() => String, { description: 'The department system that holds the value: identity, licences or applications.' })
  system!: string;

  @Field(() => String, { nullable: true, description: 'Name of the department responsible for the value.' })
  department!: string | null;

  @Field(() => TrustLevel)
  trustLevel!: TrustLevel;

  @Field(() => DateTimeScalar, { description: 'When the value was read from, or last confirmed by, its system.' })
  retrievedAt!: string;
}

@Directive('@shareable')
@ObjectType({ description: 'One datum the graph holds about an applicant, addressed by a path such as person.name.' })
export class Fact {
  @Field(() => String, { description: 'e.g. person.name, person.idNumber, licence.JDCJSZ.number.' })
  path!: string;

  @Field(() => String)
  value!: string;

  @Field(() => Provenance)
  provenance!: Provenance;
}
