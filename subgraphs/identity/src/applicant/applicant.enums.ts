import { registerEnumType } from 'type-graphql';

export enum ApplicantKind {
  PERSON = 'PERSON',
  ENTERPRISE = 'ENTERPRISE',
}
registerEnumType(ApplicantKind, { name: 'ApplicantKind' });
