import { registerEnumType } from 'type-graphql';

export enum HolderKind {
  PERSON = 'PERSON',
  ENTERPRISE = 'ENTERPRISE',
}
registerEnumType(HolderKind, { name: 'HolderKind' });
