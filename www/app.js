// The signup page's behaviour. No validation rule lives here: every message, every
// "valid" and the tidying on blur come from the dwolla-validator package (the Rust
// rules compiled to WebAssembly), the same code a server runs on the request.
import init, {
  validateCustomer,
  validateField,
  normalizeField,
  normalizeCustomer,
  toDwollaError,
} from '../pkg/index.js';

const form = document.getElementById('signup');
const submit = document.getElementById('submit');
const checkButton = document.getElementById('check');
const status = document.getElementById('submit-status');
const toggle = document.getElementById('retry-toggle');
const notice = document.getElementById('retry-notice');
const loadError = document.getElementById('load-error');
const result = document.getElementById('result');
const resultTitle = document.getElementById('result-title');
const resultLede = document.getElementById('result-lede');
const resultList = document.getElementById('result-list');
const resultJson = document.getElementById('result-json');
const title = document.getElementById('title');
const lede = document.getElementById('lede');
const ssnHint = document.getElementById('ssn-hint');

// The inputs a person fills in: every named, visible control. Each name is a payload field.
const fields = [...form.elements].filter((el) => el.name && el.type !== 'hidden');
// The descriptions an input has whatever its state (its hint), kept to restore after a message clears.
const baseDescribedBy = new Map(
  fields.map((el) => [el, (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)]),
);

const COPY = {
  create: {
    title: 'Open your account',
    lede: 'We need a few details to verify your identity. It takes about two minutes.',
    submit: 'Create account',
  },
  retry: {
    title: 'Confirm your details',
    lede: 'Check what you entered before and complete your Social Security number.',
    submit: 'Retry verification',
  },
};

let operation = 'create';
// Fields the person has typed into or changed: only these get a message when left,
// so tabbing through an empty form does not fill it with red.
const touched = new Set();

function messageOf(el) {
  return document.getElementById(`${el.name}-msg`);
}

/** The validator's report for one field; an empty input is an absent field. */
function checkField(el, value) {
  return validateField(el.name, value === '' ? null : value, { type: 'personal', operation });
}

/** Shows a report under its field: the first error, else the first warning, else nothing. */
function show(el, report) {
  const msg = messageOf(el);
  const error = report.errors[0];
  const warning = error ? undefined : report.warnings[0];
  const note = error || warning;
  msg.textContent = note ? note.message : '';
  msg.classList.toggle('msg-error', Boolean(error));
  msg.classList.toggle('msg-warning', Boolean(warning));
  if (error) el.setAttribute('aria-invalid', 'true');
  else el.removeAttribute('aria-invalid');
  const ids = [...(note ? [msg.id] : []), ...baseDescribedBy.get(el)];
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
  el.closest('.field').classList.toggle('has-error', Boolean(error));
}

/**
 * The request body the form stands for: every non-empty control, normalized by the
 * package. normalizeCustomer returns its keys sorted; the body keeps the form's order.
 */
function requestBody() {
  const raw = {};
  for (const el of form.elements) {
    if (el.name && el.value !== '') raw[el.name] = el.value;
  }
  const tidy = normalizeCustomer(raw);
  const body = {};
  for (const key of Object.keys(raw)) if (key in tidy) body[key] = tidy[key];
  for (const key of Object.keys(tidy)) if (!(key in body)) body[key] = tidy[key];
  return body;
}

/** Enables submit exactly when the whole payload validates, and says what is left. */
function refresh() {
  const report = validateCustomer(requestBody(), { operation });
  submit.disabled = !report.valid;
  checkButton.hidden = report.valid;
  const n = report.errors.length;
  status.textContent = report.valid
    ? 'Everything checks out.'
    : `${n} ${n === 1 ? 'field' : 'fields'} to complete or fix.`;
  return report;
}

function hideResult() {
  result.hidden = true;
  delete result.dataset.kind;
}

function onInput(el) {
  touched.add(el.name);
  if (result.dataset.kind === 'request') hideResult(); // that body is no longer what the form holds
  // A message already shown follows the typing, so it clears the moment the value is fixed.
  // A new message waits until the person leaves the field.
  if (el.getAttribute('aria-invalid') === 'true') {
    const value = el.tagName === 'SELECT' ? el.value : normalizeField(el.name, el.value);
    show(el, checkField(el, value));
  }
  refresh();
}

function onLeave(el) {
  if (el.tagName === 'INPUT') {
    const tidy = normalizeField(el.name, el.value);
    if (tidy !== el.value) el.value = tidy;
  }
  if (touched.has(el.name) || el.hasAttribute('aria-invalid')) show(el, checkField(el, el.value));
  refresh();
}

function renderJson(value) {
  resultJson.textContent = JSON.stringify(value, null, 2);
}

/** After a valid submit: the exact JSON a browser would POST to the server. */
function showRequest(body) {
  result.dataset.kind = 'request';
  result.classList.remove('result-error');
  resultTitle.textContent = 'Ready to send';
  resultLede.innerHTML = '';
  resultLede.append(
    'Every field passed. This is the request body the page would ',
    Object.assign(document.createElement('code'), { textContent: 'POST /customers' }),
    ' (here it stays in your browser):',
  );
  resultList.replaceChildren();
  resultList.hidden = true;
  renderJson(body);
  result.hidden = false;
  resultTitle.focus();
}

/** The problems of an invalid payload: each under its field, a list, and Dwolla's 400 body. */
function showProblems(report) {
  for (const el of fields) {
    touched.add(el.name);
    const path = `/${el.name}`;
    show(el, {
      errors: report.errors.filter((e) => e.path === path),
      warnings: report.warnings.filter((w) => w.path === path),
    });
  }
  result.dataset.kind = 'error';
  result.classList.add('result-error');
  const n = report.errors.length;
  resultTitle.textContent = `${n} ${n === 1 ? 'detail needs' : 'details need'} attention`;
  resultLede.innerHTML = '';
  resultLede.append(
    'A server running the same rules would answer ',
    Object.assign(document.createElement('code'), { textContent: '400 Bad Request' }),
    ' with Dwolla’s error body, shown below the list.',
  );
  resultList.replaceChildren(
    ...report.errors.map((e) => {
      const li = document.createElement('li');
      const el = fields.find((f) => `/${f.name}` === e.path);
      if (el) {
        const a = document.createElement('a');
        a.href = `#${el.id}`;
        a.textContent = e.message;
        a.addEventListener('click', (ev) => {
          ev.preventDefault();
          el.focus();
          el.scrollIntoView({ block: 'center' });
        });
        li.append(a);
      } else {
        li.textContent = e.message;
      }
      return li;
    }),
  );
  resultList.hidden = false;
  renderJson(toDwollaError(report));
  result.hidden = false;
  resultTitle.focus();
}

function setMode(retry) {
  operation = retry ? 'retry' : 'create';
  toggle.checked = retry;
  notice.hidden = !retry;
  document.body.classList.toggle('mode-retry', retry);
  const copy = COPY[operation];
  title.textContent = copy.title;
  lede.textContent = copy.lede;
  submit.textContent = copy.submit;
  ssnHint.textContent = ssnHint.dataset[operation];
  const url = new URL(window.location.href);
  if (retry) url.searchParams.set('mode', 'retry');
  else url.searchParams.delete('mode');
  window.history.replaceState(null, '', url);
  hideResult();
  // The SSN rule depends on the operation: a field already filled in is judged again now.
  for (const el of fields) {
    if (touched.has(el.name) || el.hasAttribute('aria-invalid')) show(el, checkField(el, el.value));
  }
  refresh();
}

async function main() {
  try {
    await init();
  } catch (err) {
    loadError.textContent =
      'The validator could not be loaded, so the form cannot check your details. ' +
      'Serve the repository root over HTTP (scripts/demo does) and reload. ' +
      `(${err && err.message ? err.message : err})`;
    loadError.hidden = false;
    status.textContent = '';
    throw err;
  }

  for (const el of fields) {
    el.addEventListener('input', () => onInput(el));
    el.addEventListener('blur', () => onLeave(el));
    if (el.tagName === 'SELECT') el.addEventListener('change', () => onLeave(el));
  }
  toggle.addEventListener('change', () => setMode(toggle.checked));

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    for (const el of fields) if (el.tagName === 'INPUT') el.value = normalizeField(el.name, el.value);
    const body = requestBody();
    const report = validateCustomer(body, { operation });
    if (report.valid) showRequest(body);
    else showProblems(report);
    refresh();
  });

  checkButton.addEventListener('click', () => {
    const report = validateCustomer(requestBody(), { operation });
    if (report.valid) form.requestSubmit();
    else showProblems(report);
  });

  // A page restored from the back/forward cache, or refilled by the browser, keeps its values.
  window.addEventListener('pageshow', () => refresh());

  setMode(new URLSearchParams(window.location.search).get('mode') === 'retry');
  document.documentElement.dataset.ready = 'true';
}

main();
