import { registerEnumType } from 'type-graphql';

export enum ConsultationChannel {
  HALL_DESK = 'HALL_DESK',
  HOTLINE_12345 = 'HOTLINE_12345',
  WEBSITE = 'WEBSITE',
  WECHAT = 'WECHAT',
}
registerEnumType(ConsultationChannel, {
  name: 'ConsultationChannel',
  description: 'Where a consultation came in: the hall desk (现场咨询), the 12345 hotline, the website or WeChat.',
  valuesConfig: {
    HALL_DESK: { description: 'At the hall desk, answered on the spot (现场咨询).' },
    HOTLINE_12345: { description: 'On the 12345 citizen hotline.' },
    WEBSITE: { description: 'Online, on the hall website.' },
    WECHAT: { description: "On the hall's WeChat account." },
  },
});

export enum ConsultationStatus {
  WAITING = 'WAITING',
  ANSWERED = 'ANSWERED',
}
registerEnumType(ConsultationStatus, { name: 'ConsultationStatus', description: 'WAITING for an answer, or ANSWERED.' });

/** The channels an applicant asks on themselves; the desk and the hotline are recorded by officers. */
export const ONLINE_CHANNELS: readonly ConsultationChannel[] = [ConsultationChannel.WEBSITE, ConsultationChannel.WECHAT];
/** The channels an officer records a consultation answered on the spot from. */
export const RECORDED_CHANNELS: readonly ConsultationChannel[] = [ConsultationChannel.HALL_DESK, ConsultationChannel.HOTLINE_12345];
export const CHANNELS: readonly ConsultationChannel[] = Object.values(ConsultationChannel);
