import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@govgraph/kit';

/** A licence as the library stores it; the GraphQL type below exposes it. */
export interface LicenceRecord {
  id: string;
  typeCode: string;
  number: string;
  holderId: string;
  holderName: string;
  issuerCode: string;
  issuedOn: string;
  validFrom: string;
  validTo: string | null;
  statusCode: string;
  data: Record<string, string>;
  version: number;
  previousId: string | null;
  signature: string;
  keyId: string;
  caseId: string | null;
  /** Returned by an officer's operation (operation-outcome.ts): the holder's data stays out. */
  outcomeOnly?: true;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An electronic licence (电子证照) held by a person or an enterprise.' })
export class Licence {
  @Field(() => ID, { description: 'National e-licence identifier 1.2.156.3005.2.{type}.{issuer}.{serial}.{version}.{check}.' })
  id!: string;

  // Shareable: the case system hands it back with the licences it offers (@provides), saving a trip.
  @Directive('@shareable')
  @Field(() => String, { description: 'Licence number as printed on it.' })
  number!: string;

  @Field(() => DateScalar)
  issuedOn!: string;

  @Field(() => DateScalar)
  validFrom!: string;

  @Directive('@shareable')
  @Field(() => DateScalar, { nullable: true, description: 'Null for licences without an end date.' })
  validTo!: string | null;

  @Field(() => Int)
  version!: number;

  // Derived fields (title, type, status, issuer, holder, data) are resolved in licence.resolver.ts.
}
