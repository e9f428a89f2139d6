import { registerEnumType } from 'type-graphql';
import { CaseType, FormFieldType, MatterLevel, MatterType, ServedObject } from '@govgraph/kit';

/*
 * The catalog's vocabulary is defined in the kit (the demo catalog generator and other
 * departments share it); here it becomes the catalog's GraphQL enums.
 */
export { CaseType, FormFieldType, MatterLevel, MatterType, ServedObject };

registerEnumType(MatterType, {
  name: 'MatterType',
  description: '行政许可, 行政处罚, 行政强制, 行政征收, 行政给付, 行政检查, 行政确认, 行政奖励, 行政裁决, 其他, or 公共服务.',
});

registerEnumType(MatterLevel, { name: 'MatterLevel' });

registerEnumType(CaseType, {
  name: 'CaseType',
  description: 'INSTANT (即办件) is decided on the spot; PROMISED (承诺件) within the promised time limit.',
});

registerEnumType(ServedObject, { name: 'ServedObject' });

registerEnumType(FormFieldType, { name: 'FormFieldType' });
