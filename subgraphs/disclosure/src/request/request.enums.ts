import { registerEnumType } from 'type-graphql';

/** How a request was answered (2019 regulation art. 36). */
export enum DisclosureOutcome {
  DISCLOSED = 'DISCLOSED',
  PARTIALLY_DISCLOSED = 'PARTIALLY_DISCLOSED',
  NOT_DISCLOSED = 'NOT_DISCLOSED',
  NOT_EXISTING = 'NOT_EXISTING',
  NOT_THIS_AUTHORITY = 'NOT_THIS_AUTHORITY',
}

/** Why information was withheld, by article of the 2019 regulation. */
export enum DisclosureRefusalGround {
  STATE_SECRET = 'STATE_SECRET',
  LAW_FORBIDS = 'LAW_FORBIDS',
  ENDANGERS_SECURITY = 'ENDANGERS_SECURITY',
  TRADE_SECRET = 'TRADE_SECRET',
  PERSONAL_PRIVACY = 'PERSONAL_PRIVACY',
  INTERNAL_AFFAIRS = 'INTERNAL_AFFAIRS',
  PROCESS_INFORMATION = 'PROCESS_INFORMATION',
  ENFORCEMENT_FILE = 'ENFORCEMENT_FILE',
}

/** Where a request stands; derived from its dates and kept on the row. */
export enum DisclosureRequestStatus {
  RECEIVED = 'RECEIVED',
  EXTENDED = 'EXTENDED',
  ANSWERED = 'ANSWERED',
}

export enum DisclosureReviewKind {
  RECONSIDERATION = 'RECONSIDERATION',
  LITIGATION = 'LITIGATION',
}

export enum DisclosureReviewResult {
  PENDING = 'PENDING',
  MAINTAINED = 'MAINTAINED',
  CORRECTED = 'CORRECTED',
  OTHER = 'OTHER',
}

registerEnumType(DisclosureOutcome, {
  name: 'DisclosureOutcome',
  description: 'How a request for disclosure was answered.',
  valuesConfig: {
    DISCLOSED: { description: '予以公开: disclosed in full.' },
    PARTIALLY_DISCLOSED: { description: '部分公开: disclosed in part; a refusal ground says why the rest was not.' },
    NOT_DISCLOSED: { description: '不予公开: not disclosed; a refusal ground says why.' },
    NOT_EXISTING: { description: '信息不存在: the authority does not hold the information.' },
    NOT_THIS_AUTHORITY: { description: '非本机关负责公开: another authority is responsible.' },
  },
});
registerEnumType(DisclosureRefusalGround, {
  name: 'DisclosureRefusalGround',
  description: 'Why information was withheld, by article of the 2019 Regulation on the Disclosure of Government Information.',
  valuesConfig: {
    STATE_SECRET: { description: 'Art. 14: a state secret (国家秘密).' },
    LAW_FORBIDS: { description: 'Art. 14: laws or administrative regulations forbid disclosure (法律行政法规禁止公开).' },
    ENDANGERS_SECURITY: { description: 'Art. 14: disclosure would endanger national, public, economic or social security or stability (三安全一稳定).' },
    TRADE_SECRET: { description: 'Art. 15: a trade secret of a third party (商业秘密).' },
    PERSONAL_PRIVACY: { description: 'Art. 15: the personal privacy of a third party (个人隐私).' },
    INTERNAL_AFFAIRS: { description: 'Art. 16: internal affairs of the authority (内部事务信息).' },
    PROCESS_INFORMATION: { description: 'Art. 16: process information such as deliberations and drafts (过程性信息).' },
    ENFORCEMENT_FILE: { description: 'Art. 16: an administrative enforcement case file (行政执法案卷).' },
  },
});
registerEnumType(DisclosureRequestStatus, {
  name: 'DisclosureRequestStatus',
  description: 'RECEIVED: waiting for an answer; EXTENDED: waiting, the time limit extended; ANSWERED: replied to.',
});
registerEnumType(DisclosureReviewKind, {
  name: 'DisclosureReviewKind',
  description: 'RECONSIDERATION: administrative reconsideration (行政复议); LITIGATION: an administrative lawsuit (行政诉讼).',
});
registerEnumType(DisclosureReviewResult, {
  name: 'DisclosureReviewResult',
  description: 'PENDING: not concluded (尚未审结); MAINTAINED: the answer was upheld (维持); CORRECTED: it was corrected (纠正); OTHER: another result (其他结果).',
});

export const OUTCOMES: readonly DisclosureOutcome[] = Object.values(DisclosureOutcome);
/** Outcomes that withhold something, and so need a refusal ground. */
export const WITHHOLDING_OUTCOMES: readonly DisclosureOutcome[] = [DisclosureOutcome.NOT_DISCLOSED, DisclosureOutcome.PARTIALLY_DISCLOSED];
export const OPEN_STATUSES: readonly DisclosureRequestStatus[] = [DisclosureRequestStatus.RECEIVED, DisclosureRequestStatus.EXTENDED];
