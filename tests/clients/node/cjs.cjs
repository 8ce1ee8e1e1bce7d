// Plain Node CommonJS: require() of the ESM package (Node 20.19 or later).
const dv = require('dwolla-validator');
const inline = require('dwolla-validator/inline');
const { PERSONAL, TODAY } = { PERSONAL: { firstName: 'John', lastName: 'Doe', email: 'johndoe@email.net', type: 'unverified' }, TODAY: '2026-11-23' };

console.log(JSON.stringify({
  valid: dv.validateCustomer(PERSONAL, { today: TODAY }).valid,
  inline: inline.validateCustomer(PERSONAL, { today: TODAY }).valid,
}));
