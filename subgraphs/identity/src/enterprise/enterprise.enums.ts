import { registerEnumType } from 'type-graphql';

export enum AgentRole {
  LEGAL_REPRESENTATIVE = 'LEGAL_REPRESENTATIVE',
  AUTHORISED_AGENT = 'AUTHORISED_AGENT',
}
registerEnumType(AgentRole, { name: 'AgentRole' });
