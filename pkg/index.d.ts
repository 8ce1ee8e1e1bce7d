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
/** The payload shapes (shapeNames() lists them): validateField's `type`, fieldRules' argument. */
export type ShapeName = 'personal' | 'unverified' | 'business' | 'business-sole-proprietorship' | 'controller' | 'beneficial-owner';

export interface Options {
  /** "create" (default) or "retry" (needs the full 9-digit SSN). */
  operation?: Operation;
  /** The date ages are computed on, "YYYY-MM-DD". Default (or null): today in UTC. */
  today?: string | null;
  /** Accept fields the payload shape does not define (default false: NotAllowed). */
  allowUnknownFields?: boolean;
  /** Quality hints on (default) or off. */
  hints?: boolean;
  /** Language of messages: "en" (default) or "es". */
  locale?: 'en' | 'es';
}

export interface FieldOptions extends Options {
  /** The payload shape the field belongs to (default "personal"); another name is a TypeError. */
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

/** An address of a controller or beneficial owner, in the US or elsewhere. */
export interface InternationalAddress {
  address1: string;
  address2?: string;
  address3?: string;
  city: string;
  /** In the US a state code; elsewhere the two-character ISO 3166-2 subdivision ("GB" where there is none). */
  stateProvinceRegion: string;
  /** Required in the US (a ZIP); optional elsewhere. */
  postalCode?: string;
  /** ISO 3166-1 alpha-2, uppercase ("US", never "USA"). */
  country: string;
}

/** A passport, for a controller or owner outside the US. */
export interface Passport {
  number: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** The controller of an llc, corporation or partnership. `ssn` in the US, `passport` elsewhere. */
export interface Controller {
  firstName: string;
  lastName: string;
  title: string;
  /** "YYYY-MM-DD"; 18 to 125 years old. */
  dateOfBirth: string;
  address: InternationalAddress;
  /** Last 4 or all 9 digits (all 9 on retry). */
  ssn?: string;
  passport?: Passport;
}

/** What every business verified Customer sends: the account admin and the business. */
export interface BusinessCustomerBase {
  firstName: string;
  lastName: string;
  email: string;
  ipAddress?: string;
  type: 'business';
  address1: string;
  address2?: string;
  city: string;
  state: string;
  postalCode: string;
  phone?: string;
  correlationId?: string;
  businessName: string;
  doingBusinessAs?: string;
  /** A business classification id (UUID). */
  businessClassification: string;
  /** An absolute http or https URL. */
  website?: string;
}

/** A sole proprietorship: the owner's date of birth and SSN, no controller, EIN optional. */
export interface SoleProprietorshipCustomer extends BusinessCustomerBase {
  businessType: 'soleProprietorship';
  dateOfBirth: string;
  ssn: string;
  /** 9 digits. */
  ein?: string;
}

/**
 * An llc, corporation or partnership, with its controller. (A retry of the
 * business details alone may leave the controller out: type it as
 * `Omit<BusinessWithControllerCustomer, 'controller'>`.)
 */
export interface BusinessWithControllerCustomer extends BusinessCustomerBase {
  businessType: 'llc' | 'corporation' | 'partnership';
  /** 9 digits. */
  ein: string;
  controller: Controller;
}

/** A business verified Customer. */
export type BusinessCustomer = SoleProprietorshipCustomer | BusinessWithControllerCustomer;

/** Any Customer payload validateCustomer judges (chosen from `type` and `businessType`). */
export type CustomerPayload = PersonalCustomer | UnverifiedCustomer | BusinessCustomer;

/** A beneficial owner of a business Customer: the full 9-digit SSN in the US, a passport elsewhere. */
export interface BeneficialOwner {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  address: InternationalAddress;
  ssn?: string;
  passport?: Passport;
}

/** KBA answers: exactly 4, no question answered twice. */
export interface KbaAnswers {
  answers: Array<{ questionId: string; answerId: string }>;
}

/** Dwolla's HAL ValidationError body. */
export interface DwollaValidationError {
  code: 'ValidationError';
  message: 'Validation error(s) present. See embedded errors list for more details.';
  _embedded: { errors: Array<{ code: Code; message: string; path: string; _links: {} }> };
}

/** Where init() may load the .wasm from. */
export type WasmSource = string | URL | Request | Response | Promise<Response> | BufferSource | WebAssembly.Module;
/**
 * Loads the .wasm in a browser (fetches dwolla_validator_bg.wasm beside index.js, or
 * from `input`; wasm-bindgen's `{module_or_path}` form is accepted too). Not needed
 * with the "dwolla-validator", "dwolla-validator/node" or "dwolla-validator/inline" entries.
 */
export default function init(input?: WasmSource | { module_or_path: WasmSource }): Promise<void>;
/** Loads the .wasm synchronously from its bytes or a compiled module (or wasm-bindgen's `{module}`). */
export function initSync(bytesOrModule: BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module }): void;

/** Validates a whole payload, choosing its shape from `type`. Throws TypeError for bad options or unserializable input. */
export function validateCustomer(payload: unknown, options?: Options): Report;
/** Validates a payload given as JSON text with the strict parser (duplicate keys are an error). */
export function validateCustomerText(text: string, options?: Options): Report;
/**
 * Validates one field by name, for feedback as a person types: the value as given
 * (`''` in an optional field is an error, as in the API). Throws TypeError for an
 * unknown `options.type`.
 */
export function validateField(field: string, value: unknown, options?: FieldOptions): Report;
/**
 * What a form would send: normalized, and every empty or blank optional string
 * field left out (at any depth). The Standard Schema object judges this payload.
 */
export function formPayload<T extends object>(payload: T, options?: Options): Partial<T>;
/**
 * A normalized copy: trimmed, spaces collapsed, NFC, state uppercased, SSN/phone/EIN
 * digits only when unambiguous. Throws a TypeError for a non-object, and for one that
 * cannot be read as a payload (nested more than 128 levels deep, larger than 10 MiB),
 * saying which; formPayload hands such a payload back as it is, for validation to report.
 */
export function normalizeCustomer<T extends object>(payload: T): T;
/** Normalizes one field's value, as a form would on blur. */
export function normalizeField(field: string, value: string): string;
/** Dwolla's HAL error body for a report, or null when it is valid. */
export function toDwollaError(report: Report): DwollaValidationError | null;
/** The payload shape names validateField accepts as options.type. */
export function shapeNames(): ShapeName[];

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
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/**
 * A Standard Schema V1 object validating Customer payloads with these options
 * (errors only). It judges what the form would send (formPayload: normalized,
 * untouched optional inputs left out), and its output `value` is that payload.
 */
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
export function validateBeneficialOwner(payload: BeneficialOwner | unknown, options?: Options): Report;
/** Validates KBA answers: exactly 4 {questionId, answerId}, no question twice. */
export function validateKbaAnswers(payload: KbaAnswers | unknown, options?: Options): Report;

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
  /** In characters (Unicode code points), as Dwolla counts; not UTF-16 units. */
  minLength?: number;
  /**
   * In characters (Unicode code points), as Dwolla counts. An input's `maxlength`
   * counts UTF-16 units (a character beyond U+FFFF is two), so it is not the same
   * limit: let validateField report a value that is too long instead.
   */
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
  /**
   * Whether the payload must have it: `ifInUs`/`ifOutsideUs` follow the person's (or
   * the address's) country: a controller's SSN and a US postal code `ifInUs`, a
   * passport's number and country `ifOutsideUs`. A field of an object that may be
   * left out everywhere (a controller on retry) says what that object needs when given.
   */
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
