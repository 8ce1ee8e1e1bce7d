// A Vite app as a user writes one: the web entry, init(), and a react-hook-form signup
// form whose resolver is the package's Standard Schema object (no custom resolver).
// Plain createElement, so Vite needs no JSX plugin.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import init, * as api from 'dwolla-validator/web';
import { check, TODAY } from '../shared.js';

// Every personal field; the optional ones (address2, phone, correlationId, ipAddress)
// are left untouched by the test, so the form sends '' for them.
const FIELDS = ['firstName', 'lastName', 'email', 'address1', 'address2', 'city', 'state', 'postalCode',
  'dateOfBirth', 'ssn', 'phone', 'correlationId', 'ipAddress'];

function Signup({ schema }) {
  const { register, handleSubmit, formState: { errors } } = useForm({
    resolver: standardSchemaResolver(schema),
    defaultValues: { type: 'personal' },
  });
  const [sent, setSent] = useState(null);
  const onValid = (payload) => {
    window.__submitted = payload;
    setSent(JSON.stringify(payload));
  };
  return h('form', { onSubmit: handleSubmit(onValid), noValidate: true },
    ...FIELDS.map((name) => h('p', { key: name },
      h('label', null, name, ' ', h('input', { ...register(name), 'aria-label': name })),
      errors[name] ? h('span', { role: 'alert', 'data-field': name }, errors[name].message) : null)),
    h('button', { type: 'submit' }, 'Sign up'),
    sent ? h('output', null, sent) : null);
}

init()
  .then(() => {
    window.__result = check(api);
    createRoot(document.getElementById('root')).render(h(Signup, { schema: api.createCustomerSchema({ today: TODAY }) }));
  })
  .catch((e) => { window.__error = String(e?.stack ?? e); });
