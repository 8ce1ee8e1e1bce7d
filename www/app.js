// The signup page's behaviour. No validation rule lives here: every message, every
// "valid", every quality hint and the tidying on blur come from the dwolla-validator
// package (the Rust rules compiled to WebAssembly), the same code a server runs on the
// request. The package also writes the messages in English or Spanish; this file only
// holds the page's own words (labels, buttons, headings) in both languages.
import init, {
  validateCustomer,
  validateField,
  normalizeField,
  normalizeCustomer,
  toDwollaError,
} from '../pkg/index.js';
import {
  showNote, problemItems, renderJson, codeSentence, applyWords, keepInUrl, showReadiness, addressState, loadPackage,
  followAddress,
} from './page.js';

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
const langSwitch = document.getElementById('lang-switch');
const langButtons = [...langSwitch.querySelectorAll('button[data-lang]')];

// The inputs a person fills in: every named, visible control. Each name is a payload field.
const fields = [...form.elements].filter((el) => el.name && el.type !== 'hidden');
const byName = (name) => fields.find((el) => el.name === name);
// The descriptions an input has whatever its state (its hint), kept to restore after a message clears.
const baseDescribedBy = new Map(
  fields.map((el) => [el, (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)]),
);

// The page's own words. Messages about the values never appear here: they come from the
// package, in the same language (its `locale` option).
const UI = {
  en: {
    pageTitle: 'Open your account · dwolla-validator',
    skip: 'Skip to the form',
    language: 'Language',
    retryToggle: 'Retry mode',
    retryToggleHint: 'Shows the form as a Customer sees it after Dwolla returned the status retry: the full 9-digit Social Security number is then needed.',
    retryNoticeTitle: 'We couldn\'t verify your identity yet',
    retryNoticeBody: 'Dwolla returned your application with the status <code>retry</code>: the details did not match the records it checked. Please check each field and enter your <strong>full 9-digit Social Security number</strong>; Dwolla needs all 9 digits to try again.',
    create: {
      title: 'Open your account',
      lede: 'We need a few details to verify your identity. It takes about two minutes.',
      submit: 'Create account',
      ssnHint: 'The last 4 digits, or all 9.',
    },
    retry: {
      title: 'Confirm your details',
      lede: 'Check what you entered before and complete your Social Security number.',
      submit: 'Retry verification',
      ssnHint: 'All 9 digits, needed to retry verification.',
    },
    businessQuestion: 'Signing up a business?',
    businessLink: 'Open a business account',
    aboutYou: 'About you',
    homeAddress: 'Home address',
    identity: 'Identity',
    'label.firstName': 'First name',
    'label.lastName': 'Last name',
    'label.email': 'Email',
    'label.phone': 'Mobile phone <span class="optional">(optional)</span>',
    'label.address1': 'Street address',
    'label.address2': 'Apartment, suite, unit <span class="optional">(optional)</span>',
    'label.city': 'City',
    'label.state': 'State',
    'label.postalCode': 'ZIP code',
    'label.dateOfBirth': 'Date of birth',
    'label.ssn': 'Social Security number',
    nameHint: 'As they appear on your government-issued ID.',
    phoneHint: '10 digits, US number, for example <span class="nowrap">503 555 2368</span>.',
    address1Hint: 'Where you live; a PO box can\'t be used.',
    dateOfBirthHint: 'Year, month, day: for example <span class="nowrap">1990-04-12</span>.',
    chooseState: 'Choose…',
    statesGroup: 'States',
    territoriesGroup: 'District and territories',
    check: 'What\'s missing?',
    loading: 'Loading the validator…',
    footnote: 'Every check on this page runs the same Rust rules a server runs, compiled to WebAssembly. Nothing you type leaves your browser: <em>Create account</em> shows the request instead of sending it.',
    allGood: 'Everything checks out.',
    left: (n) => `${n} ${n === 1 ? 'field' : 'fields'} to complete or fix.`,
    useDomain: (domain) => `Use ${domain}`,
    readyTitle: 'Ready to send',
    readyLede: ['Every field passed. This is the request body the page would ', 'POST /customers', ' (here it stays in your browser):'],
    requestBody: 'Request body',
    problemsTitle: (n) => `${n} ${n === 1 ? 'detail needs' : 'details need'} attention`,
    problemsLede: ['A server running the same rules would answer ', '400 Bad Request', ' with Dwolla’s error body, shown below the list.'],
    errorBody: 'Error body',
    loadError: 'The validator could not be loaded, so the form cannot check your details. Serve the repository root over HTTP (scripts/demo does) and reload.',
  },
  es: {
    pageTitle: 'Abra su cuenta · dwolla-validator',
    skip: 'Ir al formulario',
    language: 'Idioma',
    retryToggle: 'Modo reintento',
    retryToggleHint: 'Muestra el formulario como lo ve un cliente cuando Dwolla devolvió el estado retry: entonces se necesita el número de Seguro Social completo, de 9 dígitos.',
    retryNoticeTitle: 'Todavía no hemos podido verificar su identidad',
    retryNoticeBody: 'Dwolla devolvió su solicitud con el estado <code>retry</code>: los datos no coincidieron con los registros que consultó. Revise cada campo e ingrese su <strong>número de Seguro Social completo, de 9 dígitos</strong>; Dwolla necesita los 9 dígitos para intentarlo de nuevo.',
    create: {
      title: 'Abra su cuenta',
      lede: 'Necesitamos algunos datos para verificar su identidad. Tarda unos dos minutos.',
      submit: 'Crear cuenta',
      ssnHint: 'Los últimos 4 dígitos, o los 9.',
    },
    retry: {
      title: 'Confirme sus datos',
      lede: 'Revise lo que ingresó antes y complete su número de Seguro Social.',
      submit: 'Reintentar la verificación',
      ssnHint: 'Los 9 dígitos, necesarios para reintentar la verificación.',
    },
    businessQuestion: '¿Registra una empresa?',
    businessLink: 'Abra una cuenta de empresa',
    aboutYou: 'Sobre usted',
    homeAddress: 'Domicilio',
    identity: 'Identidad',
    'label.firstName': 'Nombre',
    'label.lastName': 'Apellido',
    'label.email': 'Correo electrónico',
    'label.phone': 'Teléfono móvil <span class="optional">(opcional)</span>',
    'label.address1': 'Dirección',
    'label.address2': 'Apartamento, suite, unidad <span class="optional">(opcional)</span>',
    'label.city': 'Ciudad',
    'label.state': 'Estado',
    'label.postalCode': 'Código postal',
    'label.dateOfBirth': 'Fecha de nacimiento',
    'label.ssn': 'Número de Seguro Social',
    nameHint: 'Tal como aparecen en su identificación oficial.',
    phoneHint: '10 dígitos, número de EE. UU., por ejemplo <span class="nowrap">503 555 2368</span>.',
    address1Hint: 'Donde vive; no se admite un apartado postal (PO box).',
    dateOfBirthHint: 'Año, mes, día: por ejemplo <span class="nowrap">1990-04-12</span>.',
    chooseState: 'Elija…',
    statesGroup: 'Estados',
    territoriesGroup: 'Distrito y territorios',
    check: '¿Qué falta?',
    loading: 'Cargando el validador…',
    footnote: 'Cada comprobación de esta página ejecuta las mismas reglas en Rust que un servidor, compiladas a WebAssembly. Nada de lo que escribe sale de su navegador: <em>Crear cuenta</em> muestra la solicitud en lugar de enviarla.',
    allGood: 'Todo está en orden.',
    left: (n) => (n === 1 ? 'Queda 1 campo por completar o corregir.' : `Quedan ${n} campos por completar o corregir.`),
    useDomain: (domain) => `Usar ${domain}`,
    readyTitle: 'Listo para enviar',
    readyLede: ['Todos los campos son válidos. Este es el cuerpo de la solicitud que la página enviaría con ', 'POST /customers', ' (aquí no sale de su navegador):'],
    requestBody: 'Cuerpo de la solicitud',
    problemsTitle: (n) => (n === 1 ? '1 dato necesita atención' : `${n} datos necesitan atención`),
    problemsLede: ['Un servidor con las mismas reglas respondería ', '400 Bad Request', ' con el cuerpo de error de Dwolla, que se muestra debajo de la lista.'],
    errorBody: 'Cuerpo del error',
    loadError: 'No se pudo cargar el validador, así que el formulario no puede comprobar sus datos. Sirva la raíz del repositorio por HTTP (scripts/demo lo hace) y vuelva a cargar la página.',
  },
};

// State and territory names that Spanish writes differently; the rest keep their English name.
const STATE_NAMES_ES = {
  HI: 'Hawái',
  LA: 'Luisiana',
  MS: 'Misisipi',
  MO: 'Misuri',
  NH: 'Nuevo Hampshire',
  NJ: 'Nueva Jersey',
  NM: 'Nuevo México',
  NY: 'Nueva York',
  NC: 'Carolina del Norte',
  ND: 'Dakota del Norte',
  PA: 'Pensilvania',
  SC: 'Carolina del Sur',
  SD: 'Dakota del Sur',
  WV: 'Virginia Occidental',
  DC: 'Distrito de Columbia',
  AS: 'Samoa Americana',
  MP: 'Islas Marianas del Norte',
  UM: 'Islas menores alejadas de EE. UU.',
  VI: 'Islas Vírgenes de EE. UU.',
};
const stateOptions = [...document.querySelectorAll('#state option[value]:not([value=""])')];
for (const o of stateOptions) o.dataset.en = o.textContent;

const LANGS = Object.keys(UI);
let lang = 'en';
const t = (key) => UI[lang][key];

let operation = 'create';
// Fields the person has typed into or changed: only these get a message when left,
// so tabbing through an empty form does not fill it with red.
const touched = new Set();
const NOTHING = { errors: [], warnings: [] };

const options = () => ({ operation, locale: lang, hints: true });

function messageOf(el) {
  return document.getElementById(`${el.name}-msg`);
}

function fixButtonOf(el) {
  return document.getElementById(`${el.name}-fix`);
}

/**
 * The validator's report for one field; an empty input is an absent field. The ZIP/state
 * hint compares two fields, so validateField cannot give it: for the postal code, the
 * hints the whole payload has at /postalCode are added (only when the code itself is fine).
 */
function checkField(el, value) {
  const report = validateField(el.name, value === '' ? null : value, { type: 'personal', ...options() });
  if (el.name === 'postalCode' && report.errors.length === 0 && value !== '') {
    const seen = new Set(report.warnings.map((w) => w.rule));
    const whole = validateCustomer(requestBody(), options());
    for (const w of whole.warnings) {
      if (w.path === '/postalCode' && !seen.has(w.rule)) report.warnings.push(w);
    }
  }
  return report;
}

/**
 * The domain an email_domain_typo hint suggests, or null. The package gives the
 * suggestion only inside its sentence, in English ("did you mean gmail.com?") or Spanish
 * ("¿quiso decir gmail.com?"). This reads it from there, strictly (a lowercase host name
 * right after those words, then "?"), and only to label and apply the one-click fix: when
 * the sentence ever changes shape, the button simply does not appear; the hint still does.
 */
function suggestedDomain(warning) {
  if (warning.rule !== 'email_domain_typo') return null;
  const m = /(?:did you mean|quiso decir) ([a-z0-9.-]+\.[a-z]{2,})\?/i.exec(warning.message);
  return m ? m[1].toLowerCase() : null;
}

/** Shows a report under its field: the first error, else the first hint, else nothing. */
function show(el, report) {
  const { warning } = showNote(el, messageOf(el), report, baseDescribedBy.get(el));
  const fix = fixButtonOf(el);
  if (fix) {
    const domain = warning ? suggestedDomain(warning) : null;
    fix.hidden = !domain;
    if (domain) {
      fix.dataset.domain = domain;
      fix.textContent = t('useDomain')(domain);
    } else {
      delete fix.dataset.domain;
      fix.textContent = '';
    }
  }
}

/** Judges a field again with its current value, as on leaving it. */
function judge(el) {
  show(el, checkField(el, el.value));
}

/** Whether a field should show its message now: typed into, or already showing one. */
function shown(el) {
  return touched.has(el.name) || el.hasAttribute('aria-invalid') || messageOf(el).textContent !== '';
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

/** Enables submit exactly when the whole payload validates (hints never count), and says what is left. */
function refresh() {
  const report = validateCustomer(requestBody(), options());
  showReadiness(report, { submit, checkButton, status }, t);
  // A problem list already shown follows the form: fixed problems leave it, and it
  // goes once the form is valid (never a list of errors that no longer hold).
  if (result.dataset.kind === 'error') {
    if (report.valid) hideResult();
    else renderProblems(report);
  }
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
  // A new message waits until the person leaves the field. A hint shown follows too, but
  // only by changing or going away: a half-typed value never turns it into an error.
  const msg = messageOf(el);
  const value = el.tagName === 'SELECT' ? el.value : normalizeField(el.name, el.value);
  if (el.getAttribute('aria-invalid') === 'true') {
    show(el, checkField(el, value));
  } else if (msg.classList.contains('msg-warning')) {
    const report = checkField(el, value);
    show(el, report.errors.length ? NOTHING : report);
  }
  refresh();
}

function onLeave(el) {
  if (el.tagName === 'INPUT') {
    const tidy = normalizeField(el.name, el.value);
    if (tidy !== el.value) el.value = tidy;
  }
  if (shown(el)) judge(el);
  // The ZIP/state hint sits under the postal code but depends on the state too.
  if (el.name === 'state') {
    const zip = byName('postalCode');
    if (shown(zip)) judge(zip);
  }
  refresh();
}

/** The one-click fix of an email domain typo: the local part exactly as typed, the suggested domain. */
function applyDomainFix(el, fix) {
  const domain = fix.dataset.domain;
  const at = el.value.lastIndexOf('@');
  if (!domain || at < 0) return;
  el.value = `${el.value.slice(0, at)}@${domain}`;
  touched.add(el.name);
  if (result.dataset.kind === 'request') hideResult();
  judge(el);
  refresh();
  el.focus(); // the button is gone; the person is back on the field they were fixing
}

/** After a valid submit: the exact JSON a browser would POST to the server. */
function showRequest(body, { focus = true } = {}) {
  result.dataset.kind = 'request';
  result.classList.remove('result-error');
  resultTitle.textContent = t('readyTitle');
  codeSentence(resultLede, t('readyLede'));
  resultList.replaceChildren();
  resultList.hidden = true;
  renderJson(resultJson, body, t('requestBody'));
  result.hidden = false;
  if (focus) resultTitle.focus();
}

/** The problems of an invalid payload: each under its field, a list, and Dwolla's 400 body. */
function showProblems(report, { focus = true } = {}) {
  for (const el of fields) {
    touched.add(el.name);
    const path = `/${el.name}`;
    show(el, {
      errors: report.errors.filter((e) => e.path === path),
      warnings: report.warnings.filter((w) => w.path === path),
    });
  }
  renderProblems(report);
  if (focus) resultTitle.focus();
}

/** The problem list and Dwolla's 400 body for a report (the field messages are the form's). */
function renderProblems(report) {
  result.dataset.kind = 'error';
  result.classList.add('result-error');
  resultTitle.textContent = t('problemsTitle')(report.errors.length);
  codeSentence(resultLede, t('problemsLede'));
  resultList.replaceChildren(...problemItems(report.errors, (path) => fields.find((f) => `/${f.name}` === path)));
  resultList.hidden = false;
  renderJson(resultJson, toDwollaError(report), t('errorBody'));
  result.hidden = false;
}

/** Writes the page's own words in the current language (not the validator's messages). */
function applyStrings() {
  const words = UI[lang];
  applyWords(words, lang);
  for (const o of stateOptions) o.textContent = (lang === 'es' && STATE_NAMES_ES[o.value]) || o.dataset.en;
  langSwitch.setAttribute('aria-label', words.language);
  for (const b of langButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  const copy = words[operation];
  title.textContent = copy.title;
  lede.textContent = copy.lede;
  submit.textContent = copy.submit;
  ssnHint.textContent = copy.ssnHint;
}

/** Keeps the page's state in its address; the business page opens in the same language. */
function updateUrl() {
  keepInUrl({ operation, lang }, document.getElementById('business-link'));
}

/** Every message shown is judged again: after a change of operation or of language. */
function judgeAgain() {
  for (const el of fields) if (shown(el)) judge(el);
}

function setMode(retry) {
  operation = retry ? 'retry' : 'create';
  toggle.checked = retry;
  notice.hidden = !retry;
  document.body.classList.toggle('mode-retry', retry);
  applyStrings();
  updateUrl();
  hideResult();
  // The SSN rule depends on the operation: a field already filled in is judged again now.
  judgeAgain();
  refresh();
}

function setLang(next) {
  lang = LANGS.includes(next) ? next : 'en';
  applyStrings();
  updateUrl();
  // The messages shown come from the validator: asked again, they come back in this language.
  judgeAgain();
  if (result.dataset.kind === 'request') showRequest(JSON.parse(resultJson.textContent), { focus: false });
  else if (result.dataset.kind === 'error') showProblems(validateCustomer(requestBody(), options()), { focus: false });
  refresh();
}

async function main() {
  const params = new URLSearchParams(window.location.search);
  ({ lang, operation } = addressState(params, LANGS));
  applyStrings();
  await loadPackage(init, { loadError, status }, t);

  for (const el of fields) {
    el.addEventListener('input', () => onInput(el));
    el.addEventListener('blur', () => onLeave(el));
    if (el.tagName === 'SELECT') el.addEventListener('change', () => onLeave(el));
    const fix = fixButtonOf(el);
    if (fix) fix.addEventListener('click', () => applyDomainFix(el, fix));
  }
  toggle.addEventListener('change', () => setMode(toggle.checked));
  for (const b of langButtons) b.addEventListener('click', () => setLang(b.dataset.lang));

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    for (const el of fields) if (el.tagName === 'INPUT') el.value = normalizeField(el.name, el.value);
    const body = requestBody();
    const report = validateCustomer(body, options());
    if (report.valid) showRequest(body);
    else showProblems(report);
    refresh();
  });

  checkButton.addEventListener('click', () => {
    const report = validateCustomer(requestBody(), options());
    if (report.valid) form.requestSubmit();
    else showProblems(report);
  });

  // A page restored from the back/forward cache, or refilled by the browser, keeps its values.
  window.addEventListener('pageshow', () => refresh());
  followAddress(LANGS, () => ({ lang, operation }), (asked) => {
    lang = asked.lang;
    setMode(asked.operation === 'retry');
  });

  setMode(operation === 'retry');
  document.documentElement.dataset.ready = 'true';
}

main();
