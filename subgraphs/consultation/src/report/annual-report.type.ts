import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { ConsultationChannel } from '../consultation/consultation.enums.js';

/**
 * The disclosure annual report (政府信息公开年度报告) of a department for a year: disclosure owns
 * it; consultation adds its section by the same key. Aggregates only, public.
 */
@Directive('@key(fields: "departmentCode year")')
@ObjectType()
export class AnnualReport {
  @Field(() => String)
  departmentCode!: string;

  @Field(() => Int)
  year!: number;
}

@ObjectType({ description: "One channel's consultations in the year: the hall desk's and 12345's daily tallies plus the consultations recorded one by one." })
export class ConsultationChannelFigures {
  @Field(() => ConsultationChannel)
  channel!: ConsultationChannel;

  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  answered!: number;

  @Field(() => Int, { description: 'Answered by the end of the next working day.' })
  answeredInTime!: number;
}

@ObjectType({ description: 'Praise the department received in the year.' })
export class ConsultationPraiseFigures {
  @Field(() => Int, { description: '表扬信' })
  letters!: number;

  @Field(() => Int, { description: '锦旗' })
  banners!: number;

  @Field(() => Int, { description: '牌匾' })
  plaques!: number;
}

@ObjectType({ description: "The report's section on consultations, complaints and praise (咨询投诉): aggregates of the year, no personal data." })
export class ConsultationAnnualSection {
  @Field(() => Int, { description: 'Consultations received at the hall desk (现场咨询), answered on the spot.' })
  onSiteConsultations!: number;

  @Field(() => Int, { description: 'Consultations answered on the 12345 hotline, the website and WeChat.' })
  consultationsAnswered!: number;

  @Field(() => Float, { nullable: true, description: 'The fraction (0..1) of those answered in time; null when none was answered.' })
  answeredInTimeRate!: number | null;

  @Field(() => [ConsultationChannelFigures], { description: 'Every channel, zeros included, in enum order.' })
  byChannel!: ConsultationChannelFigures[];

  @Field(() => Int, { description: 'Complaints received in the year.' })
  complaintsReceived!: number;

  @Field(() => Int, { description: 'Complaints closed in the year.' })
  complaintsClosed!: number;

  @Field(() => Int, { description: 'Complaints closed in the year after the hall office coordinated (协调).' })
  coordinations!: number;

  @Field(() => Float, { nullable: true, description: 'The mean rating (1..5) of complaints closed in the year; null when none was rated.' })
  averageRating!: number | null;

  @Field(() => ConsultationPraiseFigures)
  praise!: ConsultationPraiseFigures;
}
