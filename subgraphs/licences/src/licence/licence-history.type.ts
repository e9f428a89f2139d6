import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar, DepartmentStub } from '@govgraph/kit';

@ObjectType({ description: 'One change in a licence’s life: issued, suspended, reinstated, revoked, cancelled, renewed.' })
export class LicenceHistoryEntry {
  @Field(() => DateTimeScalar)
  at!: string;

  @Field(() => String, { description: 'issue, suspend, reinstate, revoke, penaltyRevoke, cancel or renew.' })
  action!: string;

  @Field(() => DepartmentStub, { nullable: true, description: 'The department whose officer acted.' })
  department!: DepartmentStub | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}
