import { Field, InputType } from 'type-graphql';
import { ConsultationChannel } from './consultation.enums.js';

@InputType({ description: 'A question an applicant asks a department online.' })
export class AskConsultationInput {
  @Field(() => String, { description: "The department's unified social credit code." })
  departmentCode!: string;

  @Field(() => String, { nullable: true, description: 'The matter asked about, by its implementation code.' })
  matterCode?: string | null;

  @Field(() => ConsultationChannel, { description: 'WEBSITE or WECHAT: the desk and the hotline are recorded by officers.' })
  channel!: ConsultationChannel;

  @Field(() => String, { description: '5 to 500 characters.' })
  question!: string;
}

@InputType({ description: 'A desk or hotline consultation an officer answered on the spot; anonymous, for their own department.' })
export class RecordConsultationInput {
  @Field(() => ConsultationChannel, { description: 'HALL_DESK or HOTLINE_12345.' })
  channel!: ConsultationChannel;

  @Field(() => String, { nullable: true })
  matterCode?: string | null;

  @Field(() => String, { description: '5 to 500 characters.' })
  question!: string;

  @Field(() => String, { description: '2 to 2000 characters.' })
  answer!: string;

  @Field(() => String, { nullable: true, description: "The question rewritten without personal data for the matter's FAQ (5 to 200 characters); only with a matter." })
  publishAs?: string | null;
}
