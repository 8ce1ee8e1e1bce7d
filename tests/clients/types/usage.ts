// Every documented use of the package, type-checked with `tsc --strict` against the
// installed tarball's index.d.ts. The `@ts-expect-error` lines must stay errors:
// tsc fails when one of them is no longer an error.
import init, {
  initSync, validateCustomer, validateCustomerText, validateField, formPayload, normalizeCustomer,
  normalizeField, toDwollaError, shapeNames, customerSchema, createCustomerSchema, validateAs,
  validateBeneficialOwner, validateKbaAnswers, validateDocument, validateDocumentFile, statusInfo,
  fieldRules, createValidator,
} from 'dwolla-validator';
import * as web from 'dwolla-validator/web';
import * as inline from 'dwolla-validator/inline';
import type {
  Report, Issue, Warning, CustomerPayload, PersonalCustomer, UnverifiedCustomer, BusinessCustomer,
  SoleProprietorshipCustomer, BusinessWithControllerCustomer, Controller, BeneficialOwner, KbaAnswers,
  DwollaValidationError, StandardSchemaV1, FieldRule, ShapeName, Validator, AllStatuses, StatusInfo, DocumentMeta,
} from 'dwolla-validator';

const today = '2026-11-23';

// Customers of every type, as Dwolla's guides send them.
const personal: PersonalCustomer = {
  firstName: 'John', lastName: 'Doe', email: 'johndoe@email.net', ipAddress: '10.10.10.10', type: 'personal',
  address1: '99-99 33rd St', city: 'Some City', state: 'NY', postalCode: '11101', dateOfBirth: '1970-01-01', ssn: '1234',
};
const unverified: UnverifiedCustomer = { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com', businessName: 'Jane Corp' };
const receiveOnly: CustomerPayload = { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com', type: 'receive-only' };
const controller: Controller = {
  firstName: 'John', lastName: 'Controller', title: 'CEO', dateOfBirth: '1980-01-31', ssn: '1234',
  address: { address1: '1749 18th st', address2: 'apt 12', city: 'Des Moines', stateProvinceRegion: 'IA', postalCode: '50266', country: 'US' },
};
const llc: BusinessWithControllerCustomer = {
  firstName: 'Account', lastName: 'Admin', email: 'accountAdmin@email.com', type: 'business', address1: '99-99 33rd St',
  city: 'Some City', state: 'NY', postalCode: '11101', controller, phone: '5554321234',
  businessClassification: '9ed3f670-7d6f-11e3-b1ce-5404a6144203', businessType: 'llc', businessName: 'Jane Corp', ein: '123456789',
};
const corporationAbroad: BusinessCustomer = {
  ...llc, businessType: 'corporation', website: 'https://www.jane.example',
  controller: {
    firstName: 'Ann', lastName: 'Smith', title: 'CFO', dateOfBirth: '1975-05-05',
    address: { address1: '1 High St', city: 'London', stateProvinceRegion: 'GB', country: 'GB' },
    passport: { number: 'P1234567', country: 'GB' },
  },
};
const soleProprietor: SoleProprietorshipCustomer = {
  firstName: 'Business', lastName: 'Owner', email: 'solePropBusiness@email.com', type: 'business', address1: '99-99 33rd St',
  city: 'Some City', state: 'NY', postalCode: '11101', dateOfBirth: '1980-01-31', ssn: '6789', businessClassification:
  '9ed3f670-7d6f-11e3-b1ce-5404a6144203', businessType: 'soleProprietorship', businessName: 'Jane Corp', doingBusinessAs: 'Jane Co',
};
const retryWithoutController: Omit<BusinessWithControllerCustomer, 'controller'> = { ...llc };
const owner: BeneficialOwner = {
  firstName: 'Ann', lastName: 'Lee', dateOfBirth: '1980-01-01', ssn: '123456789',
  address: { address1: '1 Main St', city: 'Ames', stateProvinceRegion: 'IA', postalCode: '50010', country: 'US' },
};
const kba: KbaAnswers = { answers: [1, 2, 3, 4].map((n) => ({ questionId: `q${n}`, answerId: `a${n}` })) };
const customers: CustomerPayload[] = [personal, unverified, receiveOnly, llc, corporationAbroad, soleProprietor];

// @ts-expect-error a business llc without its controller is not a CustomerPayload
const noController: CustomerPayload = { ...retryWithoutController };
// @ts-expect-error businessType is one of Dwolla's four
const badBusinessType: BusinessCustomer = { ...soleProprietor, businessType: 'nonprofit' };

export async function loaders(bytes: Uint8Array, module: WebAssembly.Module): Promise<void> {
  await init();
  await init('/pkg/dwolla_validator_bg.wasm');
  await init(new URL('https://example.com/dwolla_validator_bg.wasm'));
  await init(fetch('/dwolla_validator_bg.wasm'));
  await init({ module_or_path: '/dwolla_validator_bg.wasm' });
  await web.default();
  initSync(bytes);
  initSync(module);
  initSync({ module: bytes });
  initSync({ module });
}

export function everything(file: File): void {
  const reports: Report[] = customers.map((c) => validateCustomer(c, { today, operation: 'create', hints: true, locale: 'es' }));
  reports.push(validateCustomer(retryWithoutController, { operation: 'retry', today, allowUnknownFields: false }));
  reports.push(validateCustomerText('{"type":"personal"}', { today }));
  reports.push(validateField('postalCode', '50314', { type: 'personal', today }));
  reports.push(validateField('controller/address/postalCode', '50314', { type: 'business' }));
  // @ts-expect-error the type option names a shape ("receive-only" is a Customer type, not a shape)
  validateField('phone', '5155550100', { type: 'receive-only' });
  reports.push(validateAs('beneficial-owner', owner, { today }), validateBeneficialOwner(owner), validateKbaAnswers(kba));
  reports.push(inline.validateCustomer(personal));
  const meta: DocumentMeta = { documentType: 'license', for: 'personal', file: { name: 'id.jpg', type: 'image/jpeg', size: 1000 } };
  reports.push(validateDocument(meta, new Uint8Array([0xff, 0xd8, 0xff, 0xe0])));
  void validateDocumentFile(file, { documentType: 'passport' }).then((r: Report) => r.valid);

  for (const r of reports) {
    const first: Issue | undefined = r.errors[0];
    const hint: Warning | undefined = r.warnings[0];
    const body: DwollaValidationError | null = toDwollaError(r);
    if (first && hint && body) console.log(first.code, first.path, first.rule, hint.code, body._embedded.errors[0].path);
  }

  const tidy: PersonalCustomer = normalizeCustomer(personal);
  const sent: Partial<PersonalCustomer> = formPayload({ ...personal, phone: '' }, { today });
  const ssn: string = normalizeField('ssn', '202-99-1516');
  const shapes: ShapeName[] = shapeNames();
  const fields: FieldRule[] = fieldRules('business', { operation: 'retry' });
  const catalog: Record<string, FieldRule[]> = fieldRules();
  const pattern: string | undefined = fields[0].constraints.htmlPattern;
  const all: AllStatuses = statusInfo();
  const one: StatusInfo | null = statusInfo('retry');
  console.log(tidy.state, sent.phone, ssn, shapes, catalog, pattern, all.statuses.length, one?.canSend);

  const v: Validator = createValidator({ today, type: 'business' });
  v.validateCustomer(llc);
  v.validateField('ein', '123456789');
  v.validateAs('controller', controller);
  v.free();
}

// The Standard Schema object, as react-hook-form, TanStack Form and tRPC consume it.
type Output = StandardSchemaV1.InferOutput<typeof customerSchema>;
export async function standard(values: unknown): Promise<Output | readonly StandardSchemaV1.Issue[]> {
  const schema: StandardSchemaV1<CustomerPayload, CustomerPayload> = createCustomerSchema({ today, operation: 'retry' });
  const result = await schema['~standard'].validate(values);
  if (result.issues) return result.issues;
  const business: CustomerPayload = result.value;
  return business;
}

void [noController, badBusinessType];
