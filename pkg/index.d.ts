// Types for dwolla-validator (hand-written; the wasm exports underneath take JSON text).

/** Dwolla's validation error codes. */
export type Code = 'Required' | 'InvalidFormat' | 'NotAllowed' | 'Invalid';
/** Warning codes (ours, never sent by Dwolla): quality hints. */
export type WarningCode = 'LikelyTypo' | 'Mismatch' | 'NeverIssued' | 'NotDiallable';

/** One problem with one field. `message` never contains the rejected value. */
export interface Issue {
  code: Code;
  /** What is wrong and how to fix it, naming the field. */
  message: string;
  /** JSON pointer to the field: "/firstName", "" for the whole payload. */
  path: string;
  /** Stable snake_case id of the rule that produced it: "po_box", "ssn", ... */
  rule: string;
}

/** A quality hint: the shape of an Issue, with a warning code. Rules: zip_state_mismatch, email_domain_typo, ssn_never_issued, phone_not_diallable. */
export interface Warning {
  code: WarningCode;
  message: string;
  path: string;
  rule: string;
}

/** What validateCustomer and validateField return. `valid` is true exactly when `errors` is empty. */
export interface Report {
  valid: boolean;
  errors: Issue[];
  /** Quality hints: well-formed but likely wrong. Never change `valid`, never in Dwolla's error body. */
  warnings: Warning[];
}

export type Operation = 'create' | 'retry';
export type ShapeName = 'personal' | 'unverified' | 'business' | 'business-sole-proprietorship' | 'controller' | 'beneficial-owner' | (string & {});

export interface Options {
  /** "create" (default) or "retry" (needs the full 9-digit SSN). */
  operation?: Operation;
  /** The date ages are computed on, "YYYY-MM-DD". Default: today in UTC. */
  today?: string;
  /** Accept fields the payload shape does not define (default false: NotAllowed). */
  allowUnknownFields?: boolean;
  /** Quality hints on (default) or off. */
  hints?: boolean;
  /** Language of messages: "en" (default) or "es". */
  locale?: 'en' | 'es';
}

export interface FieldOptions extends Options {
  /** The payload shape the field belongs to (default "personal"). */
  type?: ShapeName;
}

/** A personal verified Customer, as POSTed to /customers. */
export interface PersonalCustomer {
  firstName: string;
  lastName: string;
  email: string;
  ipAddress?: string;
  type: 'personal';
  address1: string;
  address2?: string;
  city: string;
  /** Two-letter uppercase state code. */
  state: string;
  /** "NNNNN" or "NNNNN-NNNN". */
  postalCode: string;
  /** "YYYY-MM-DD"; 18 to 125 years old. */
  dateOfBirth: string;
  /** Last 4 or all 9 digits (all 9 on retry), digits only. */
  ssn: string;
  /** 10 digits. */
  phone?: string;
  correlationId?: string;
}

/** A receive-only or unverified Customer. */
export interface UnverifiedCustomer {
  firstName: string;
  lastName: string;
  email: string;
  type?: 'receive-only' | 'unverified';
  businessName?: string;
  ipAddress?: string;
  phone?: string;
  correlationId?: string;
}

export type CustomerPayload = PersonalCustomer | UnverifiedCustomer;

/** Dwolla's HAL ValidationError body. */
export interface DwollaValidationError {
  code: 'ValidationError';
  message: 'Validation error(s) present. See embedded errors list for more details.';
  _embedded: { errors: Array<{ code: Code; message: string; path: string; _links: {} }> };
}

/** Loads the .wasm in a browser (fetches dwolla_validator_bg.wasm beside index.js, or from `input`). */
export default function init(input?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
/** Loads the .wasm synchronously from its bytes or a compiled module (Node, workers). */
export function initSync(bytesOrModule: BufferSource | WebAssembly.Module): void;

/** Validates a whole payload, choosing its shape from `type`. Throws TypeError for bad options or unserializable input. */
export function validateCustomer(payload: unknown, options?: Options): Report;
/** Validates a payload given as JSON text with the strict parser (duplicate keys are an error). */
export function validateCustomerText(text: string, options?: Options): Report;
/** Validates one field by name, for feedback as a person types. */
export function validateField(field: string, value: unknown, options?: FieldOptions): Report;
/** A normalized copy: trimmed, spaces collapsed, NFC, state uppercased, SSN/phone/EIN digits only when unambiguous. */
export function normalizeCustomer<T>(payload: T): T;
/** Normalizes one field's value, as a form would on blur. */
export function normalizeField(field: string, value: string): string;
/** Dwolla's HAL error body for a report, or null when it is valid. */
export function toDwollaError(report: Report): DwollaValidationError | null;
/** The payload shape names validateField accepts as options.type. */
export function shapeNames(): string[];

/** The Standard Schema V1 interface (https://standardschema.dev). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardSchemaV1.Result<Output> | Promise<StandardSchemaV1.Result<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}
export declare namespace StandardSchemaV1 {
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> { readonly value: Output; readonly issues?: undefined }
  interface FailureResult { readonly issues: ReadonlyArray<Issue> }
  interface Issue { readonly message: string; readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined }
  interface PathSegment { readonly key: PropertyKey }
}

/** A Standard Schema V1 object validating Customer payloads with these options (errors only). */
export function createCustomerSchema(options?: Options): StandardSchemaV1<CustomerPayload, CustomerPayload>;
/** A Standard Schema V1 object with the default options. */
export const customerSchema: StandardSchemaV1<CustomerPayload, CustomerPayload>;

/** What validateAs accepts as its kind. */
export type PayloadKind =
  | 'customer' | 'personal' | 'unverified' | 'business' | 'business-sole-proprietorship'
  | 'controller' | 'beneficial-owner' | 'kba' | 'document';

/** Validates a payload as a named kind (when it cannot be told from the payload). */
export function validateAs(kind: PayloadKind, payload: unknown, options?: Options): Report;
/** Validates a beneficial owner: names, date of birth, address, full SSN or passport. */
export function validateBeneficialOwner(payload: unknown, options?: Options): Report;
/** Validates KBA answers: exactly 4 {questionId, answerId}, no question twice. */
export function validateKbaAnswers(payload: { answers: Array<{ questionId: string; answerId: string }> } | unknown, options?: Options): Report;

export type DocumentFor = 'personal' | 'controller' | 'beneficial-owner' | 'business';
export interface DocumentMeta {
  /** passport, license, idCard (people); other (beneficial owners, businesses). */
  documentType: 'passport' | 'license' | 'idCard' | 'other' | (string & {});
  /** Whom it is for (default "personal"). */
  for?: DocumentFor;
  file: { name: string; type?: string; size: number };
}
/** Checks a document with the file's first bytes (only 16 cross into wasm). */
export function validateDocument(document: DocumentMeta, firstBytes?: Uint8Array | ArrayBuffer | ArrayBufferView): Report;
/** Checks a File or Blob, reading only its first 16 bytes. */
export function validateDocumentFile(file: Blob & { name?: string }, meta: { documentType: string; for?: DocumentFor }): Promise<Report>;

export interface StatusInfo {
  status: 'verified' | 'retry' | 'kba' | 'document' | 'suspended' | 'deactivated';
  event: string;
  canSend: boolean;
  canReceive: 'yes' | 'heldPending' | 'no';
  canAddBank: boolean;
  nextStep: string;
  appliesTo: string;
}
export interface AllStatuses {
  statuses: StatusInfo[];
  /** The status of receive-only and unverified Customers. */
  unverifiedStatus: 'unverified';
  beneficialOwnerStatuses: Array<{ status: 'verified' | 'document' | 'incomplete'; nextStep: string }>;
  events: Array<{ event: string; status: string | null }>;
  documentFailureReasons: Array<{ reason: string; description: string }>;
}
/** All statuses, events and document failure reasons. */
export function statusInfo(): AllStatuses;
/** One status, or null. */
export function statusInfo(status: string): StatusInfo | null;

/** What a field's rules require, for forms and schemas. */
export interface Constraints {
  minLength?: number;
  maxLength?: number;
  /** What the value may hold, in words. */
  words: string[];
  enum?: string[];
  format?: 'email' | 'date' | 'ip' | 'uri' | 'uuid';
  /** For <input pattern>: whole-value, JS `v`-flag syntax. */
  htmlPattern?: string;
  /** The same for JSON Schema (`u` flag). */
  schemaPattern?: string;
}
export interface FieldRule {
  /** "ssn", "controller/address/postalCode". */
  path: string;
  label: string;
  required: 'yes' | 'no' | 'ifInUs' | 'ifOutsideUs';
  constraints: Constraints;
  constraintsOutsideUs?: Constraints;
  rules: string[];
  autocomplete?: string;
  inputmode?: string;
}
/** The field catalog of one shape. */
export function fieldRules(shape: ShapeName, options?: { operation?: Operation }): FieldRule[];
/** The field catalog of every shape. */
export function fieldRules(): Record<string, FieldRule[]>;

/** Functions that validate with options read once. */
export interface Validator {
  validateCustomer(payload: unknown): Report;
  validateCustomerText(text: string): Report;
  validateField(field: string, value: unknown): Report;
  validateAs(kind: PayloadKind, payload: unknown): Report;
  /** Releases the wasm memory now (otherwise when the object is collected). */
  free(): void;
}
/** Reads options once (today is fixed then) for many validations; throws TypeError for bad options. */
export function createValidator(options?: FieldOptions): Validator;
