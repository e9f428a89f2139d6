import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@govgraph/kit';

/**
 * The catalog's matter by its code: consultation names the matter a question or complaint is
 * about with it, and adds the matter's frequently asked questions (its reference resolver).
 */
@Directive('@key(fields: "code")')
@ObjectType()
export class Matter {
  @Field(() => ID)
  code!: string;
}

@ObjectType({ description: 'A question officers published for a matter, rewritten without personal data, with its answer (常见问题).' })
export class ConsultationFrequentQuestion {
  @Field(() => String)
  question!: string;

  @Field(() => String, { description: 'The most recent published answer to it.' })
  answer!: string;

  @Field(() => Int, { description: 'How many consultations were published under this question.' })
  timesAsked!: number;

  @Field(() => DateScalar, { description: 'The city date it was last answered.' })
  lastAnsweredOn!: string;
}
