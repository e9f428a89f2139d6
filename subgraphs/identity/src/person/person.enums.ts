import { registerEnumType } from 'type-graphql';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender' });

export enum IdType {
  RESIDENT_ID = 'RESIDENT_ID',
  HK_MACAO_PERMIT = 'HK_MACAO_PERMIT',
  TAIWAN_PERMIT = 'TAIWAN_PERMIT',
  PASSPORT = 'PASSPORT',
}
registerEnumType(IdType, { name: 'IdType', description: '居民身份证, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, or passport.' });
