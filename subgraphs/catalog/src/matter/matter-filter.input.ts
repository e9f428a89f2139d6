import { Field, ID, InputType, Int } from 'type-graphql';
import { CaseType, MatterLevel, MatterType, ServedObject } from './matter.enums.js';

@InputType({ description: 'Narrows the catalog; all given conditions must hold.' })
export class MatterFilter {
  @Field(() => String, { nullable: true, description: 'Substring of the matter name or the department name.' })
  text?: string;

  @Field(() => ID, { nullable: true })
  departmentCode?: string;

  @Field(() => MatterType, { nullable: true })
  type?: MatterType;

  @Field(() => CaseType, { nullable: true })
  caseType?: CaseType;

  @Field(() => ServedObject, { nullable: true })
  servedObject?: ServedObject;

  @Field(() => Int, { nullable: true, description: 'Only matters at this online depth (1-4) or deeper.' })
  minOnlineDepth?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Matters implemented at this division: 440300 for the city’s own, a district code for that district’s implementations.',
  })
  divisionCode?: string;

  @Field(() => MatterLevel, { nullable: true })
  level?: MatterLevel;
}
