// What every bundled page checks once the package is loaded: the same calls in each
// client, so a bundler that breaks the package shows up as a different answer.
export const TODAY = '2026-11-23';

export const PERSONAL = {
  firstName: 'John', lastName: 'Doe', email: 'johndoe@email.net', type: 'personal',
  address1: '99-99 33rd St', city: 'Some City', state: 'NY', postalCode: '11101',
  dateOfBirth: '1970-01-01', ssn: '1234',
};

/** Runs the package's main calls; the answers are compared by the Node test. */
export function check(api) {
  const valid = api.validateCustomer(PERSONAL, { today: TODAY });
  const poBox = api.validateCustomer({ ...PERSONAL, address1: 'PO Box 12' }, { today: TODAY });
  // A form's untouched optional inputs: the Standard Schema passes them, validate does not.
  const typed = { ...PERSONAL, state: 'ny', phone: '', correlationId: '', ipAddress: ' ' };
  const schema = api.createCustomerSchema({ today: TODAY })['~standard'].validate(typed);
  const strict = api.validateCustomer(typed, { today: TODAY });
  return {
    valid: valid.valid,
    poBox: poBox.errors.map((e) => [e.path, e.code, e.rule]),
    schemaIssues: schema.issues ?? null,
    schemaValue: schema.value ?? null,
    strictPaths: strict.errors.map((e) => e.path),
    field: api.validateField('postalCode', '5031', { today: TODAY }).errors.map((e) => e.rule),
  };
}

/** What check() answers in a working package (asserted by the Node side). */
export const EXPECTED = {
  valid: true,
  poBox: [['/address1', 'NotAllowed', 'po_box']],
  schemaIssues: null,
  schemaValue: { ...PERSONAL },
  strictPaths: ['/ipAddress', '/state', '/phone', '/correlationId'],
  field: ['postal_code'],
};
