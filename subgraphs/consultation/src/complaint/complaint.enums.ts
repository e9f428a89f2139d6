import { registerEnumType } from 'type-graphql';

export enum ConsultationComplaintOutcome {
  RESOLVED = 'RESOLVED',
  PARTLY_RESOLVED = 'PARTLY_RESOLVED',
  NOT_UPHELD = 'NOT_UPHELD',
  REFERRED = 'REFERRED',
}
registerEnumType(ConsultationComplaintOutcome, {
  name: 'ConsultationComplaintOutcome',
  description: 'How the hall office closed a complaint.',
  valuesConfig: {
    RESOLVED: { description: 'Resolved (已解决).' },
    PARTLY_RESOLVED: { description: 'Partly resolved (部分解决).' },
    NOT_UPHELD: { description: 'Not upheld: the department acted correctly (不予支持).' },
    REFERRED: { description: 'Referred to the competent authority (转办).' },
  },
});
