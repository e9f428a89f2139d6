import { registerEnumType } from 'type-graphql';

export enum ConsultationPraiseKind {
  LETTER = 'LETTER',
  BANNER = 'BANNER',
  PLAQUE = 'PLAQUE',
}
registerEnumType(ConsultationPraiseKind, {
  name: 'ConsultationPraiseKind',
  description: 'What form the praise a department received took.',
  valuesConfig: {
    LETTER: { description: 'A letter of praise (表扬信).' },
    BANNER: { description: 'A silk banner (锦旗).' },
    PLAQUE: { description: 'A plaque (牌匾).' },
  },
});
