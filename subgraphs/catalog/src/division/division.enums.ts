import { registerEnumType } from 'type-graphql';

export enum DivisionLevel {
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  SUBDISTRICT = 'SUBDISTRICT',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(DivisionLevel, { name: 'DivisionLevel', description: 'City, district (区), sub-district (街道) or community (社区).' });
