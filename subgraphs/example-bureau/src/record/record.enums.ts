import { registerEnumType } from 'type-graphql';

export enum ExampleBureauRecordStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(ExampleBureauRecordStatus, { name: 'ExampleBureauRecordStatus', description: 'Whether the matter the record is about is still open.' });
