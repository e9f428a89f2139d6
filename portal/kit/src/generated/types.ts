export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** An instant, ISO 8601 in UTC, e.g. 2026-11-26T08:00:00.000Z. */
  DateTime: { input: string; output: string; }
};

/** PENDING: waiting for the named person to accept it; ACCEPTED: they did, and may act for the enterprise within its validity; LAPSED: not accepted in time; ENDED: revoked, or replaced by a newer authorisation of the same person. */
export type AgentAuthorisationStatus =
  | 'ACCEPTED'
  | 'ENDED'
  | 'LAPSED'
  | 'PENDING';

export type AgentRole =
  | 'AUTHORISED_AGENT'
  | 'LEGAL_REPRESENTATIVE';

export type ApplicantKind =
  | 'ENTERPRISE'
  | 'PERSON';

/** SUBMITTED → ACCEPTED (受理) or CORRECTION_REQUESTED (补正, the clock pauses) → APPROVED / REJECTED → COMPLETED (办结); WITHDRAWN by the applicant before a decision. */
export type ApplicationStatus =
  | 'ACCEPTED'
  | 'APPROVED'
  | 'COMPLETED'
  | 'CORRECTION_REQUESTED'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

/** A question an applicant asks a department online. */
export type AskConsultationInput = {
  /** WEBSITE or WECHAT: the desk and the hotline are recorded by officers. */
  channel: ConsultationChannel;
  /** The department's unified social credit code. */
  departmentCode: Scalars['String']['input'];
  /** The matter asked about, by its implementation code. */
  matterCode?: InputMaybe<Scalars['String']['input']>;
  /** 5 to 500 characters. */
  question: Scalars['String']['input'];
};

/** The legal representative, acting for the enterprise, authorises a person by their identity document. */
export type AuthoriseAgentInput = {
  idNumber: Scalars['String']['input'];
  idType?: IdType;
  /** The name on the document. Only the person it names, with that name, can accept the authorisation. */
  name: Scalars['String']['input'];
  /** Defaults to today. */
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  validTo: Scalars['Date']['input'];
};

/** INSTANT (即办件) is decided on the spot; PROMISED (承诺件) within the promised time limit. */
export type CaseType =
  | 'INSTANT'
  | 'PROMISED';

/** Where a consultation came in: the hall desk (现场咨询), the 12345 hotline, the website or WeChat. */
export type ConsultationChannel =
  /** At the hall desk, answered on the spot (现场咨询). */
  | 'HALL_DESK'
  /** On the 12345 citizen hotline. */
  | 'HOTLINE_12345'
  /** Online, on the hall website. */
  | 'WEBSITE'
  /** On the hall's WeChat account. */
  | 'WECHAT';

/** How the hall office closed a complaint. */
export type ConsultationComplaintOutcome =
  /** Not upheld: the department acted correctly (不予支持). */
  | 'NOT_UPHELD'
  /** Partly resolved (部分解决). */
  | 'PARTLY_RESOLVED'
  /** Referred to the competent authority (转办). */
  | 'REFERRED'
  /** Resolved (已解决). */
  | 'RESOLVED';

/** What form the praise a department received took. */
export type ConsultationPraiseKind =
  /** A silk banner (锦旗). */
  | 'BANNER'
  /** A letter of praise (表扬信). */
  | 'LETTER'
  /** A plaque (牌匾). */
  | 'PLAQUE';

/** WAITING for an answer, or ANSWERED. */
export type ConsultationStatus =
  | 'ANSWERED'
  | 'WAITING';

/** The applicant answers a correction request (补正): changed fields and materials replace the earlier ones. */
export type CorrectApplicationInput = {
  fields?: InputMaybe<Array<FieldValueInput>>;
  id: Scalars['ID']['input'];
  materials?: InputMaybe<Array<MaterialEvidenceInput>>;
  note?: InputMaybe<Scalars['String']['input']>;
};

export type DecideApplicationInput = {
  action: DecisionAction;
  id: Scalars['ID']['input'];
  /** Shown in the history; for a correction request, what to correct. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** What an officer does with a case of their department. */
export type DecisionAction =
  | 'ACCEPT'
  | 'APPROVE'
  | 'COMPLETE'
  | 'REJECT'
  | 'REQUEST_CORRECTION';

/** The kind of information a department published of its own accord (主动公开). */
export type DisclosureCategory =
  /** 通知公告: notices and announcements. */
  | 'NOTICE'
  /** 政策文件: policy documents. */
  | 'POLICY'
  /** 业务统计数据: the department’s business statistics. */
  | 'STATISTICS'
  /** 工作动态: news of the department’s work. */
  | 'WORK_UPDATE';

/** Where a department publishes. */
export type DisclosureChannel =
  /** 政府公报: the city government gazette. */
  | 'GAZETTE'
  /** 新闻发布会: press conferences. */
  | 'PRESS'
  /** 政府网站: the department’s website. */
  | 'WEBSITE'
  /** 政务微信: the department’s WeChat official account. */
  | 'WECHAT';

/** How a request for disclosure was answered. */
export type DisclosureOutcome =
  /** 予以公开: disclosed in full. */
  | 'DISCLOSED'
  /** 不予公开: not disclosed; a refusal ground says why. */
  | 'NOT_DISCLOSED'
  /** 信息不存在: the authority does not hold the information. */
  | 'NOT_EXISTING'
  /** 非本机关负责公开: another authority is responsible. */
  | 'NOT_THIS_AUTHORITY'
  /** 部分公开: disclosed in part; a refusal ground says why the rest was not. */
  | 'PARTIALLY_DISCLOSED';

/** Why information was withheld, by article of the 2019 Regulation on the Disclosure of Government Information. */
export type DisclosureRefusalGround =
  /** Art. 14: disclosure would endanger national, public, economic or social security or stability (三安全一稳定). */
  | 'ENDANGERS_SECURITY'
  /** Art. 16: an administrative enforcement case file (行政执法案卷). */
  | 'ENFORCEMENT_FILE'
  /** Art. 16: internal affairs of the authority (内部事务信息). */
  | 'INTERNAL_AFFAIRS'
  /** Art. 14: laws or administrative regulations forbid disclosure (法律行政法规禁止公开). */
  | 'LAW_FORBIDS'
  /** Art. 15: the personal privacy of a third party (个人隐私). */
  | 'PERSONAL_PRIVACY'
  /** Art. 16: process information such as deliberations and drafts (过程性信息). */
  | 'PROCESS_INFORMATION'
  /** Art. 14: a state secret (国家秘密). */
  | 'STATE_SECRET'
  /** Art. 15: a trade secret of a third party (商业秘密). */
  | 'TRADE_SECRET';

/** A request for disclosure of government information. */
export type DisclosureRequestInput = {
  /** The department asked: its unified social credit code. */
  departmentCode: Scalars['String']['input'];
  /** The information asked for, 10 to 2000 characters. */
  description: Scalars['String']['input'];
};

/** RECEIVED: waiting for an answer; EXTENDED: waiting, the time limit extended; ANSWERED: replied to. */
export type DisclosureRequestStatus =
  | 'ANSWERED'
  | 'EXTENDED'
  | 'RECEIVED';

/** RECONSIDERATION: administrative reconsideration (行政复议); LITIGATION: an administrative lawsuit (行政诉讼). */
export type DisclosureReviewKind =
  | 'LITIGATION'
  | 'RECONSIDERATION';

/** PENDING: not concluded (尚未审结); MAINTAINED: the answer was upheld (维持); CORRECTED: it was corrected (纠正); OTHER: another result (其他结果). */
export type DisclosureReviewResult =
  | 'CORRECTED'
  | 'MAINTAINED'
  | 'OTHER'
  | 'PENDING';

/** City, district (区), sub-district (街道) or community (社区). */
export type DivisionLevel =
  | 'CITY'
  | 'COMMUNITY'
  | 'DISTRICT'
  | 'SUBDISTRICT';

/** A value for one field of the form. */
export type FieldValueInput = {
  key: Scalars['String']['input'];
  /** Null or empty leaves an optional field empty. */
  value?: InputMaybe<Scalars['String']['input']>;
};

/** A complaint an applicant files about a department. */
export type FileComplaintInput = {
  /** The department complained about, by its unified social credit code. */
  departmentCode: Scalars['String']['input'];
  matterCode?: InputMaybe<Scalars['String']['input']>;
  /** 5 to 1000 characters. */
  subject: Scalars['String']['input'];
};

export type FormFieldType =
  | 'ADDRESS'
  | 'CHOICE'
  | 'CREDIT_CODE'
  | 'DATE'
  | 'EMAIL'
  | 'ID_NUMBER'
  | 'MOBILE'
  | 'NUMBER'
  | 'TEXT';

export type Gender =
  | 'FEMALE'
  | 'MALE';

export type HolderKind =
  | 'ENTERPRISE'
  | 'PERSON';

/** 居民身份证, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, or passport. */
export type IdType =
  | 'HK_MACAO_PERMIT'
  | 'PASSPORT'
  | 'RESIDENT_ID'
  | 'TAIWAN_PERMIT';

/** What an officer of the issuing department records when issuing a licence. */
export type IssueLicenceInput = {
  /** The case that decided the licence; taken from the case grant when holderId is one. */
  caseId?: InputMaybe<Scalars['ID']['input']>;
  /** The type’s structured fields. */
  data?: InputMaybe<Array<LicenceDataInput>>;
  /** The holder: a person (P-…) or an enterprise (E-…), as the type requires; or, for a case’s licence, the applicant id the officer’s review of the case gave (a case grant). */
  holderId: Scalars['ID']['input'];
  /** The holder’s name as printed on the licence. */
  holderName: Scalars['String']['input'];
  /** Licence number; generated when absent. */
  number?: InputMaybe<Scalars['String']['input']>;
  /** Licence type code, e.g. SPJYXKZ. */
  typeCode: Scalars['ID']['input'];
  /** Defaults to today. */
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Defaults to validFrom plus the type’s default validity; none for types without one. */
  validTo?: InputMaybe<Scalars['Date']['input']>;
};

export type LicenceDataInput = {
  key: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

/** National status codes: 01 valid, 02 suspended, 03 revoked by the issuer (撤销), 04 cancelled (注销), 05 expired, 06 transferred out, 07 revoked as a penalty (吊销), 99 other. */
export type LicenceStatus =
  | 'CANCELLED'
  | 'EXPIRED'
  | 'OTHER'
  | 'PENALTY_REVOKED'
  | 'REVOKED'
  | 'SUSPENDED'
  | 'TRANSFERRED'
  | 'VALID';

/** What the applicant gives for one material: a licence of theirs, or a document they uploaded. */
export type MaterialEvidenceInput = {
  documentId?: InputMaybe<Scalars['ID']['input']>;
  licenceId?: InputMaybe<Scalars['ID']['input']>;
  requirementCode: Scalars['String']['input'];
};

/** How a material (申请材料) is satisfied: what the case system matches it with, by declaration rather than by its code or name. */
export type MaterialKind =
  /** A document the applicant gives: uploaded, or one given earlier for the same documentCategory and not older than validForDays. */
  | 'DOCUMENT'
  /** The application form (申请表) itself, generated by the system from the submitted fields (免填单): nobody uploads it. */
  | 'GENERATED_FORM'
  /** An electronic licence (电子证照) of one of the accepted types satisfies it (免证办); see acceptsLicenceTypes. */
  | 'LICENCE';

/** Narrows the catalog; all given conditions must hold. */
export type MatterFilter = {
  caseType?: InputMaybe<CaseType>;
  departmentCode?: InputMaybe<Scalars['ID']['input']>;
  /** Matters implemented at this division: 440300 for the city’s own, a district code for that district’s implementations. */
  divisionCode?: InputMaybe<Scalars['String']['input']>;
  level?: InputMaybe<MatterLevel>;
  /** Only matters at this online depth (1-4) or deeper. */
  minOnlineDepth?: InputMaybe<Scalars['Int']['input']>;
  servedObject?: InputMaybe<ServedObject>;
  /** Substring of the matter name or the department name. */
  text?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<MatterType>;
};

export type MatterLevel =
  | 'CITY'
  | 'DISTRICT';

/** 行政许可, 行政处罚, 行政强制, 行政征收, 行政给付, 行政检查, 行政确认, 行政奖励, 行政裁决, 其他, or 公共服务. */
export type MatterType =
  | 'ADJUDICATION'
  | 'BENEFIT'
  | 'COERCION'
  | 'CONFIRMATION'
  | 'INSPECTION'
  | 'LEVY'
  | 'LICENSING'
  | 'OTHER_POWER'
  | 'PENALTY'
  | 'PUBLIC_SERVICE'
  | 'REWARD';

/** A desk or hotline consultation an officer answered on the spot; anonymous, for their own department. */
export type RecordConsultationInput = {
  /** 2 to 2000 characters. */
  answer: Scalars['String']['input'];
  /** HALL_DESK or HOTLINE_12345. */
  channel: ConsultationChannel;
  matterCode?: InputMaybe<Scalars['String']['input']>;
  /** The question rewritten without personal data for the matter's FAQ (5 to 200 characters); only with a matter. */
  publishAs?: InputMaybe<Scalars['String']['input']>;
  /** 5 to 500 characters. */
  question: Scalars['String']['input'];
};

export type ServedObject =
  | 'ENTERPRISE'
  | 'PERSON';

/** Submitted online, or at a hall window. */
export type SubmissionChannel =
  | 'ONLINE'
  | 'WINDOW';

export type SubmitApplicationInput = {
  fields: Array<FieldValueInput>;
  /** Chosen by the client, 8–64 letters, digits, "-" or "_": retrying with the same key returns the same application; reusing it for a different payload is a CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  materials: Array<MaterialEvidenceInput>;
  matterCode: Scalars['ID']['input'];
};

/** Electronic supervision (电子监察) of a running clock: YELLOW (黄灯) due within the warning days, RED (红灯) past its deadline. */
export type SupervisionLevel =
  | 'RED'
  | 'YELLOW';

/** A: produced by the agency itself; B: checked by window staff; C: uploaded by the applicant; D: declared by the applicant. */
export type TrustLevel =
  | 'A'
  | 'B'
  | 'C'
  | 'D';

export type WithdrawApplicationInput = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};
