// The business signup page's behaviour: the business and its controller, beneficial
// owners, a document check and what a status means. No validation rule lives here:
// every message, every "valid", the tidying on blur, which fields are required, the
// state and country codes offered and the document kinds offered come from the
// dwolla-validator package (the Rust rules compiled to WebAssembly). The page decides
// only the form's structure: which inputs to show for a business type and a country.
import init, {
  validateCustomer,
  validateAs,
  validateDocumentFile,
  normalizeField,
  toDwollaError,
  fieldRules,
  statusInfo,
  createValidator,
} from '../pkg/index.js';
import {
  showNote, problemItems, renderJson, codeSentence, applyWords, keepInUrl, showReadiness, addressState, loadPackage,
  followAddress,
} from './page.js';

// ---------------------------------------------------------------------------------------
// The page's own words (labels, buttons, headings), in English and Spanish. Messages about
// values never appear here: they come from the package, in the same language.
const UI = {
  en: {
    pageTitle: 'Open a business account · dwolla-validator',
    skip: 'Skip to the form',
    language: 'Language',
    retryToggle: 'Retry mode',
    retryToggleHint: 'Shows the form as a business sees it after Dwolla returned the status retry: the controller\'s full 9-digit Social Security number is then needed, or the controller may be left out.',
    retryNoticeTitle: 'We couldn\'t verify your business yet',
    retryNoticeBody: 'Dwolla returned this application with the status <code>retry</code>. Check each detail; the controller\'s <strong>full 9-digit Social Security number</strong> is needed, or you may retry the business details alone and leave the controller out.',
    retryNoticeBodySole: 'Dwolla returned this application with the status <code>retry</code>. Check each detail; your <strong>full 9-digit Social Security number</strong> is needed.',
    create: {
      title: 'Open a business account',
      lede: 'Tell us about your business and the people who run it. We check each detail as you go.',
      submit: 'Create business account',
      ssnHint: 'The last 4 digits, or all 9.',
    },
    retry: {
      title: 'Confirm your business details',
      lede: 'Check what you entered before; the controller\'s Social Security number needs all 9 digits.',
      submit: 'Retry verification',
      ssnHint: 'All 9 digits, needed to retry verification.',
    },
    'nav.business': 'Business',
    'nav.owners': 'Owners',
    'nav.documents': 'Documents',
    'nav.status': 'Status',
    navLabel: 'On this page',
    personalQuestion: 'Just for yourself?',
    personalLink: 'Open a personal account',
    adminLegend: 'Account admin',
    adminHint: 'The person opening the account for the business.',
    businessLegend: 'Business',
    addressLegend: 'Business address',
    soleLegend: 'About you, the owner',
    soleHint: 'A sole proprietor is verified as a person: your own date of birth and Social Security number.',
    controllerLegend: 'Controller',
    controllerHint: 'One person with significant responsibility to control, manage or direct the business: a CEO, CFO, general partner, president, …',
    omitController: 'Retry the business details only (leave the controller out)',
    omitControllerHint: 'Dwolla allows a retry without the controller when only the business details were wrong.',
    'label.firstName': 'First name',
    'label.lastName': 'Last name',
    'label.email': 'Email',
    'label.businessName': 'Legal business name',
    'label.doingBusinessAs': 'Doing business as',
    'label.businessType': 'Business type',
    'label.businessClassification': 'Industry',
    'label.ein': 'Employer Identification Number (EIN)',
    'label.website': 'Website',
    'label.address1': 'Street address',
    'label.address2': 'Suite, unit, floor',
    'label.homeAddress2': 'Apartment, suite, unit',
    'label.city': 'City',
    'label.state': 'State',
    'label.zip': 'ZIP code',
    'label.postalCode': 'Postal code',
    'label.region': 'Region code',
    'label.country': 'Country of residence',
    'label.dateOfBirth': 'Date of birth',
    'label.ssn': 'Social Security number',
    'label.title': 'Job title',
    'label.passportNumber': 'Passport number',
    'label.passportCountry': 'Passport issued by',
    'label.documentFor': 'Whose document',
    'label.documentType': 'Kind of document',
    'label.file': 'File',
    'label.status': 'Status',
    optional: '(optional)',
    choose: 'Choose…',
    'bt.soleProprietorship': 'Sole proprietorship',
    'bt.llc': 'LLC',
    'bt.corporation': 'Corporation',
    'bt.partnership': 'Partnership',
    classificationHint: 'A demo list: the real one comes from Dwolla\'s API (GET /business-classifications).',
    einHint: '9 digits, for example <span class="nowrap">12-3456789</span>.',
    websiteHint: 'The full address, for example <span class="nowrap">https://example.com</span>.',
    address1Hint: 'A physical address in the US; a PO box can\'t be used.',
    homeHint: 'Where they live; a PO box can\'t be used.',
    regionHint: 'Two letters or digits, the ISO code: ON for Ontario; where there is none, the country\'s (GB for London).',
    passportHint: 'Someone living outside the US is identified by a passport.',
    dobHint: 'Year, month, day: for example <span class="nowrap">1990-04-12</span>.',
    ownerSsnHint: 'All 9 digits.',
    statesGroup: 'States',
    territoriesGroup: 'District and territories',
    check: 'What\'s missing?',
    loading: 'Loading the validator…',
    allGood: 'Everything checks out.',
    left: (n) => `${n} ${n === 1 ? 'field' : 'fields'} to complete or fix.`,
    readyTitle: 'Ready to send',
    readyLede: ['Every field passed. This is the request body the page would ', 'POST /customers', ' (here it stays in your browser):'],
    requestBody: 'Request body',
    problemsTitle: (n) => `${n} ${n === 1 ? 'detail needs' : 'details need'} attention`,
    problemsLede: ['A server running the same rules would answer ', '400 Bad Request', ' with Dwolla’s error body, shown below the list.'],
    errorBody: 'Error body',
    ownersTitle: 'Beneficial owners',
    ownersLede: 'Everyone who owns 25% or more of the business, directly or indirectly. Each is checked as Dwolla checks an owner.',
    ownersNotApplicable: 'Choose an LLC, a corporation or a partnership above: a sole proprietorship has no beneficial owners to add.',
    ownersEmpty: 'No owners added yet.',
    ownerAdd: 'Add an owner',
    ownerNew: 'New owner',
    ownerEdit: 'Edit owner',
    ownerSave: 'Save owner',
    cancel: 'Cancel',
    edit: 'Edit',
    remove: 'Remove',
    ownerSaved: (name) => `${name} is saved.`,
    ownerRemoved: (name) => `${name} was removed.`,
    ownerProblems: (n) => `${n} ${n === 1 ? 'detail needs' : 'details need'} attention before this owner can be saved.`,
    ownerRequest: 'POST /customers/{id}/beneficial-owners',
    documentsTitle: 'Upload a document',
    documentsLede: 'When Dwolla asks for a document (the status document), choose it here: it is checked in your browser, and nothing is uploaded.',
    'for.controller': 'The controller or sole proprietor',
    'for.owner': 'A beneficial owner',
    'for.business': 'The business',
    'doc.passport': 'Passport',
    'doc.license': 'Driver’s license',
    'doc.idCard': 'State ID card',
    'doc.other': 'Other document (business or owner)',
    fileHint: 'A colour photo or scan. Only its name, type, size and first bytes are read.',
    documentReady: 'Ready to upload',
    documentLede: ['The file passed. The page would send it as ', 'POST /customers/{id}/documents', ' (multipart); here it stays in your browser:'],
    uploadRequest: 'Upload request',
    statusTitle: 'What a status means',
    statusLede: 'After a signup, Dwolla answers with a verification status. Choose one to see what the Customer may do and what comes next.',
    'status.send': 'Send funds',
    'status.receive': 'Receive funds',
    'status.bank': 'Add and verify a bank',
    'status.next': 'Next step:',
    'status.event': 'Webhook event',
    'status.applies': 'Applies to',
    yes: 'Yes',
    no: 'No',
    heldPending: 'Yes, held pending until verified',
    toRetry: 'Open the form in retry mode',
    toDocument: 'Choose a document to upload',
    footnote: 'Every check on this page runs the same Rust rules a server runs, compiled to WebAssembly. Nothing you type or choose leaves your browser: the buttons show the requests instead of sending them.',
    loadError: 'The validator could not be loaded, so the form cannot check your details. Serve the repository root over HTTP (scripts/demo does) and reload.',
  },
  es: {
    pageTitle: 'Abra una cuenta de empresa · dwolla-validator',
    skip: 'Ir al formulario',
    language: 'Idioma',
    retryToggle: 'Modo reintento',
    retryToggleHint: 'Muestra el formulario como lo ve una empresa cuando Dwolla devolvió el estado retry: entonces se necesita el número de Seguro Social completo, de 9 dígitos, de la persona que controla la empresa, o se puede dejar fuera a esa persona.',
    retryNoticeTitle: 'Todavía no hemos podido verificar su empresa',
    retryNoticeBody: 'Dwolla devolvió esta solicitud con el estado <code>retry</code>. Revise cada dato; se necesita el <strong>número de Seguro Social completo, de 9 dígitos</strong>, de la persona que controla la empresa, o puede reintentar solo los datos de la empresa sin ella.',
    retryNoticeBodySole: 'Dwolla devolvió esta solicitud con el estado <code>retry</code>. Revise cada dato; se necesita su <strong>número de Seguro Social completo, de 9 dígitos</strong>.',
    create: {
      title: 'Abra una cuenta de empresa',
      lede: 'Cuéntenos sobre su empresa y las personas que la dirigen. Comprobamos cada dato sobre la marcha.',
      submit: 'Crear cuenta de empresa',
      ssnHint: 'Los últimos 4 dígitos, o los 9.',
    },
    retry: {
      title: 'Confirme los datos de su empresa',
      lede: 'Revise lo que ingresó antes; el número de Seguro Social de quien controla la empresa necesita los 9 dígitos.',
      submit: 'Reintentar la verificación',
      ssnHint: 'Los 9 dígitos, necesarios para reintentar la verificación.',
    },
    'nav.business': 'Empresa',
    'nav.owners': 'Propietarios',
    'nav.documents': 'Documentos',
    'nav.status': 'Estado',
    navLabel: 'En esta página',
    personalQuestion: '¿Solo para usted?',
    personalLink: 'Abra una cuenta personal',
    adminLegend: 'Administrador de la cuenta',
    adminHint: 'La persona que abre la cuenta en nombre de la empresa.',
    businessLegend: 'Empresa',
    addressLegend: 'Dirección de la empresa',
    soleLegend: 'Sobre usted, el propietario',
    soleHint: 'Un propietario único se verifica como persona: su propia fecha de nacimiento y su número de Seguro Social.',
    controllerLegend: 'Persona que controla la empresa',
    controllerHint: 'Una persona con responsabilidad significativa para controlar, administrar o dirigir la empresa: director general, director financiero, socio general, presidente, …',
    omitController: 'Reintentar solo los datos de la empresa (sin la persona que la controla)',
    omitControllerHint: 'Dwolla permite reintentar sin esa persona cuando solo los datos de la empresa estaban mal.',
    'label.firstName': 'Nombre',
    'label.lastName': 'Apellido',
    'label.email': 'Correo electrónico',
    'label.businessName': 'Razón social',
    'label.doingBusinessAs': 'Nombre comercial',
    'label.businessType': 'Tipo de empresa',
    'label.businessClassification': 'Sector',
    'label.ein': 'Número de identificación patronal (EIN)',
    'label.website': 'Sitio web',
    'label.address1': 'Dirección',
    'label.address2': 'Suite, unidad, piso',
    'label.homeAddress2': 'Apartamento, suite, unidad',
    'label.city': 'Ciudad',
    'label.state': 'Estado',
    'label.zip': 'Código postal',
    'label.postalCode': 'Código postal',
    'label.region': 'Código de región',
    'label.country': 'País de residencia',
    'label.dateOfBirth': 'Fecha de nacimiento',
    'label.ssn': 'Número de Seguro Social',
    'label.title': 'Cargo',
    'label.passportNumber': 'Número de pasaporte',
    'label.passportCountry': 'País que emitió el pasaporte',
    'label.documentFor': 'De quién es el documento',
    'label.documentType': 'Tipo de documento',
    'label.file': 'Archivo',
    'label.status': 'Estado',
    optional: '(opcional)',
    choose: 'Elija…',
    'bt.soleProprietorship': 'Propietario único',
    'bt.llc': 'LLC',
    'bt.corporation': 'Corporación',
    'bt.partnership': 'Sociedad colectiva',
    classificationHint: 'Una lista de demostración: la real viene de la API de Dwolla (GET /business-classifications).',
    einHint: '9 dígitos, por ejemplo <span class="nowrap">12-3456789</span>.',
    websiteHint: 'La dirección completa, por ejemplo <span class="nowrap">https://example.com</span>.',
    address1Hint: 'Una dirección física en EE. UU.; no se admite un apartado postal (PO box).',
    homeHint: 'Donde vive; no se admite un apartado postal (PO box).',
    regionHint: 'Dos letras o dígitos, el código ISO: ON para Ontario; donde no lo hay, el del país (GB para Londres).',
    passportHint: 'Quien vive fuera de EE. UU. se identifica con un pasaporte.',
    dobHint: 'Año, mes, día: por ejemplo <span class="nowrap">1990-04-12</span>.',
    ownerSsnHint: 'Los 9 dígitos.',
    statesGroup: 'Estados',
    territoriesGroup: 'Distrito y territorios',
    check: '¿Qué falta?',
    loading: 'Cargando el validador…',
    allGood: 'Todo está en orden.',
    left: (n) => (n === 1 ? 'Queda 1 campo por completar o corregir.' : `Quedan ${n} campos por completar o corregir.`),
    readyTitle: 'Listo para enviar',
    readyLede: ['Todos los campos son válidos. Este es el cuerpo de la solicitud que la página enviaría con ', 'POST /customers', ' (aquí no sale de su navegador):'],
    requestBody: 'Cuerpo de la solicitud',
    problemsTitle: (n) => (n === 1 ? '1 dato necesita atención' : `${n} datos necesitan atención`),
    problemsLede: ['Un servidor con las mismas reglas respondería ', '400 Bad Request', ' con el cuerpo de error de Dwolla, que se muestra debajo de la lista.'],
    errorBody: 'Cuerpo del error',
    ownersTitle: 'Beneficiarios reales',
    ownersLede: 'Cada persona que posee el 25 % o más de la empresa, directa o indirectamente. Cada una se comprueba como Dwolla comprueba a un propietario.',
    ownersNotApplicable: 'Elija arriba una LLC, una corporación o una sociedad: un propietario único no tiene beneficiarios reales que añadir.',
    ownersEmpty: 'Todavía no ha añadido propietarios.',
    ownerAdd: 'Añadir un propietario',
    ownerNew: 'Nuevo propietario',
    ownerEdit: 'Editar propietario',
    ownerSave: 'Guardar propietario',
    cancel: 'Cancelar',
    edit: 'Editar',
    remove: 'Quitar',
    ownerSaved: (name) => `${name} quedó guardado.`,
    ownerRemoved: (name) => `Se quitó a ${name}.`,
    ownerProblems: (n) => (n === 1 ? '1 dato necesita atención antes de guardar este propietario.' : `${n} datos necesitan atención antes de guardar este propietario.`),
    ownerRequest: 'POST /customers/{id}/beneficial-owners',
    documentsTitle: 'Subir un documento',
    documentsLede: 'Cuando Dwolla pide un documento (el estado document), elíjalo aquí: se comprueba en su navegador y no se sube nada.',
    'for.controller': 'Quien controla la empresa o el propietario único',
    'for.owner': 'Un beneficiario real',
    'for.business': 'La empresa',
    'doc.passport': 'Pasaporte',
    'doc.license': 'Licencia de conducir',
    'doc.idCard': 'Tarjeta de identificación estatal',
    'doc.other': 'Otro documento (de la empresa o del propietario)',
    fileHint: 'Una foto o un escaneo a color. Solo se leen su nombre, tipo, tamaño y primeros bytes.',
    documentReady: 'Listo para subir',
    documentLede: ['El archivo es válido. La página lo enviaría con ', 'POST /customers/{id}/documents', ' (multipart); aquí no sale de su navegador:'],
    uploadRequest: 'Solicitud de subida',
    statusTitle: 'Qué significa un estado',
    statusLede: 'Tras el registro, Dwolla responde con un estado de verificación. Elija uno para ver qué puede hacer el cliente y cuál es el siguiente paso.',
    'status.send': 'Enviar fondos',
    'status.receive': 'Recibir fondos',
    'status.bank': 'Añadir y verificar un banco',
    'status.next': 'Siguiente paso:',
    'status.event': 'Evento de webhook',
    'status.applies': 'Se aplica a',
    yes: 'Sí',
    no: 'No',
    heldPending: 'Sí, retenidos hasta la verificación',
    toRetry: 'Abrir el formulario en modo reintento',
    toDocument: 'Elegir un documento para subir',
    footnote: 'Cada comprobación de esta página ejecuta las mismas reglas en Rust que un servidor, compiladas a WebAssembly. Nada de lo que escribe o elige sale de su navegador: los botones muestran las solicitudes en lugar de enviarlas.',
    loadError: 'No se pudo cargar el validador, así que el formulario no puede comprobar sus datos. Sirva la raíz del repositorio por HTTP (scripts/demo lo hace) y vuelva a cargar la página.',
  },
};

// A demo list of business classifications. The real ones are UUIDs from Dwolla's API
// (GET /business-classifications); a person cannot know them, so the form offers names.
const CLASSIFICATIONS = [
  { id: '9ed3f670-7d6f-11e3-b1ce-5404a6144203', en: 'Food retail and service', es: 'Comercio y servicios de alimentación' },
  { id: '9ed38155-7d6f-11e3-83c3-5404a6144203', en: 'Business to business', es: 'Servicios entre empresas' },
  { id: '9ed3a866-7d6f-11e3-a0ce-5404a6144203', en: 'Manufacturing', es: 'Manufactura' },
  { id: '9ed41d23-7d6f-11e3-b7fb-5404a6144203', en: 'Retail', es: 'Comercio minorista' },
  { id: '9ed46ba5-7d6f-11e3-9c0d-5404a6144203', en: 'Health care and social assistance', es: 'Salud y asistencia social' },
  { id: '9ed4b2d3-7d6f-11e3-a16e-5404a6144203', en: 'Professional services', es: 'Servicios profesionales' },
];

// Display names of the state codes the package accepts (the codes come from its catalog).
const STATE_NAMES = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa',
  KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan',
  MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire',
  NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio',
  OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
  TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia',
  WI: 'Wisconsin', WY: 'Wyoming', DC: 'District of Columbia', AS: 'American Samoa', GU: 'Guam',
  MP: 'Northern Mariana Islands', PR: 'Puerto Rico', UM: 'U.S. Minor Outlying Islands', VI: 'U.S. Virgin Islands',
};
const STATE_NAMES_ES = {
  HI: 'Hawái', LA: 'Luisiana', MS: 'Misisipi', MO: 'Misuri', NH: 'Nuevo Hampshire', NJ: 'Nueva Jersey',
  NM: 'Nuevo México', NY: 'Nueva York', NC: 'Carolina del Norte', ND: 'Dakota del Norte', PA: 'Pensilvania',
  SC: 'Carolina del Sur', SD: 'Dakota del Sur', WV: 'Virginia Occidental', DC: 'Distrito de Columbia',
  AS: 'Samoa Americana', MP: 'Islas Marianas del Norte', UM: 'Islas menores alejadas de EE. UU.', VI: 'Islas Vírgenes de EE. UU.',
};
// Codes listed under "District and territories" rather than "States".
const NOT_STATES = new Set(['DC', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI']);

// The document kinds the page can name; which of them a person, an owner or a business
// may send is asked of the package (see documentKinds).
const DOCUMENT_KINDS = ['passport', 'license', 'idCard', 'other'];
const CONTROLLER_TYPES = new Set(['llc', 'corporation', 'partnership']);

const LANGS = Object.keys(UI);
let lang = 'en';
let operation = 'create';
const t = (key) => UI[lang][key];
const options = () => ({ operation, locale: lang, hints: true });
const NOTHING = { errors: [], warnings: [] };

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------
// A form whose inputs are named by their payload path ("controller/address/city"), each
// judged by validating the whole object it belongs to and keeping what is reported at its
// path. Validating the whole object is what makes country- and type-dependent rules right
// (a postal code abroad, an EIN a sole proprietor may leave out), where validateField on
// the value alone cannot know the country or the business type.
class CheckedForm {
  constructor(form, validate) {
    this.form = form;
    this.validate = validate;
    this.touched = new Set();
    this.baseDescribedBy = new Map();
    for (const el of this.controls(true)) {
      this.baseDescribedBy.set(el, (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
    }
  }

  /**
   * The named inputs a person fills in; without `all`, only those in use now. A control out
   * of use is disabled (itself, or by its fieldset), so it is never in the body either.
   */
  controls(all = false) {
    return [...this.form.elements].filter((el) => el.name && el.type !== 'hidden' && el.type !== 'checkbox'
      && el.type !== 'file' && el.tagName !== 'BUTTON' && (all || !el.matches(':disabled')));
  }

  /** The request body: every enabled, non-empty control, normalized by the package, nested by its path. */
  body(override) {
    const body = {};
    for (const el of this.form.elements) {
      if (!el.name || el.matches(':disabled') || el.type === 'checkbox' || el.type === 'file' || el.tagName === 'BUTTON') continue;
      let value = override && override.el === el ? override.value : el.value;
      if (el.tagName === 'INPUT' && el.type !== 'hidden') value = normalizeField(leaf(el.name), value);
      if (value === '') continue;
      setPath(body, el.name.split('/'), value);
    }
    return body;
  }

  /**
   * The control a report entry belongs to: the one at its path, or, for an object that is
   * missing as a whole ("/controller/passport"), the first control inside it.
   */
  ownerOf(path) {
    const controls = this.controls();
    return controls.find((el) => pointer(el.name) === path)
      || (path !== '' && controls.find((el) => pointer(el.name).startsWith(`${path}/`)))
      || null;
  }

  /** What the package reports for one control with this value, the rest of the form as it is. */
  check(el, value) {
    const report = this.validate(this.body({ el, value }));
    return {
      errors: report.errors.filter((e) => this.ownerOf(e.path) === el),
      warnings: report.warnings.filter((w) => this.ownerOf(w.path) === el),
    };
  }

  show(el, report) {
    showNote(el, $(`${el.id}-msg`), report, this.baseDescribedBy.get(el));
  }

  judge(el) {
    this.show(el, this.check(el, el.value));
  }

  /** Whether a control shows its message now: typed into, or already showing one. */
  shown(el) {
    return this.touched.has(el.id) || el.hasAttribute('aria-invalid') || $(`${el.id}-msg`).textContent !== '';
  }

  judgeAgain() {
    for (const el of this.controls()) if (this.shown(el)) this.judge(el);
  }

  /** A control taken out of the form (its type or country changed): its message goes too. */
  clear(el) {
    this.touched.delete(el.id);
    this.show(el, NOTHING);
  }

  /** Every problem of a body, each under its control (the submit's "what is wrong"). */
  showAll(report) {
    for (const el of this.controls()) {
      this.touched.add(el.id);
      this.show(el, {
        errors: report.errors.filter((e) => this.ownerOf(e.path) === el),
        warnings: report.warnings.filter((w) => this.ownerOf(w.path) === el),
      });
    }
  }

  /** Wires the quiet behaviour: nothing new while typing, a message on leaving. */
  listen(afterChange) {
    for (const el of this.controls(true)) {
      el.addEventListener('input', () => {
        this.touched.add(el.id);
        // A message shown follows the typing, so it clears the moment the value is right; a
        // new one waits until the person leaves. A hint shown never turns red mid-word.
        const msg = $(`${el.id}-msg`);
        const value = el.tagName === 'SELECT' ? el.value : normalizeField(leaf(el.name), el.value);
        if (el.getAttribute('aria-invalid') === 'true') {
          this.show(el, this.check(el, value));
        } else if (msg.classList.contains('msg-warning')) {
          const report = this.check(el, value);
          this.show(el, report.errors.length ? NOTHING : report);
        }
        afterChange(el, 'input');
      });
      const leave = () => {
        if (el.tagName === 'INPUT') {
          const tidy = normalizeField(leaf(el.name), el.value);
          if (tidy !== el.value) el.value = tidy;
        }
        if (this.shown(el)) this.judge(el);
        afterChange(el, 'leave');
      };
      el.addEventListener('blur', leave);
      if (el.tagName === 'SELECT') el.addEventListener('change', leave);
    }
  }
}

const leaf = (name) => name.slice(name.lastIndexOf('/') + 1);
const pointer = (name) => `/${name}`;
function setPath(obj, keys, value) {
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  o[keys[keys.length - 1]] = value;
}
function getPath(obj, keys) {
  let o = obj;
  for (const k of keys) o = o == null ? undefined : o[k];
  return o;
}

// ---------------------------------------------------------------------------------------
// The package's catalog: which fields are required, and the state and country codes.
let catalog;
function loadCatalog() {
  catalog = {
    business: fieldRules('business', { operation }),
    sole: fieldRules('business-sole-proprietorship', { operation }),
    owner: fieldRules('beneficial-owner', { operation }),
  };
}
const ruleOf = (rules, path) => rules.find((r) => r.path === path);

/** The codes a catalog field accepts (its enum), or a clear failure when the package has none. */
function codesOf(rules, path) {
  const rule = ruleOf(rules, path);
  const codes = rule && (rule.constraints.enum || rule.constraintsOutsideUs?.enum);
  if (!codes) throw new Error(`dwolla-validator's catalog has no list of codes for ${path}`);
  return codes;
}

// ---------------------------------------------------------------------------------------
// The business form.
const businessForm = $('business');
const submit = $('submit');
const checkButton = $('check');
const status = $('submit-status');
const toggle = $('retry-toggle');
const omit = $('controller-omit');
const result = $('result');
const business = new CheckedForm(businessForm, (body) => validateCustomer(body, options()));

const businessType = () => $('businessType').value;
const hasController = () => CONTROLLER_TYPES.has(businessType());

/** The country an address block is in: its country select's value ("" when not chosen). */
const countryOf = (scope) => scope.querySelector('[data-country-of]').value;

/** Shows the inputs one address block needs for its country: a US state and SSN, or a region and passport. */
function structureAddress(scope, form) {
  const abroad = countryOf(scope) !== '' && countryOf(scope) !== 'US';
  for (const part of scope.querySelectorAll('[data-in]')) {
    const on = (part.dataset.in === 'abroad') === abroad;
    part.hidden = !on;
    for (const el of part.querySelectorAll('input, select')) {
      if (!on && !el.disabled) form.clear(el);
      el.disabled = !on;
    }
  }
}

function setFieldsetActive(fieldset, on, form) {
  fieldset.hidden = !on;
  if (!on && !fieldset.disabled) for (const el of fieldset.querySelectorAll('input, select')) form.clear(el);
  fieldset.disabled = !on;
}

/** The business type and the retry switch decide which groups of fields the form has. */
function structureBusiness() {
  const type = businessType();
  // A sole proprietor has no controller: the retry notice speaks of their own SSN.
  const notice = $('retry-notice-body');
  notice.dataset.i18nHtml = type === 'soleProprietorship' ? 'retryNoticeBodySole' : 'retryNoticeBody';
  notice.innerHTML = t(notice.dataset.i18nHtml);
  setFieldsetActive($('sole-fields'), type === 'soleProprietorship', business);
  $('controller-skip').hidden = !(hasController() && operation === 'retry');
  if ($('controller-skip').hidden) omit.checked = false;
  setFieldsetActive($('controller-fields'), hasController() && !omit.checked, business);
  if (!$('controller-fields').disabled) structureAddress($('controller-fields'), business);
  $('owners-body').hidden = !hasController();
  $('owners-na').hidden = hasController();
  const rules = type === 'soleProprietorship' ? catalog.sole : catalog.business;
  markRequired(business.controls(true), (el) => ruleOf(rules, el.name)?.required ?? 'yes', (el) => {
    const scope = el.closest('[data-address]');
    return scope ? countryOf(scope) : 'US';
  });
}

/**
 * Marks each label "(optional)" and each control aria-required, from the package's catalog:
 * required "yes", "no", or "ifInUs"/"ifOutsideUs" following the address's country.
 */
function markRequired(controls, requiredOf, countryFor) {
  for (const el of controls) {
    const req = requiredOf(el);
    const inUs = countryFor(el) === 'US' || countryFor(el) === '';
    const required = req === 'yes' || (req === 'ifInUs' && inUs) || (req === 'ifOutsideUs' && !inUs);
    el.setAttribute('aria-required', String(required));
    const label = document.querySelector(`label[for="${el.id}"]`);
    let mark = label.querySelector('.optional');
    if (!mark) {
      mark = document.createElement('span');
      mark.className = 'optional';
      label.append(' ', mark);
    }
    mark.textContent = t('optional');
    mark.hidden = required;
  }
}

function refresh() {
  const report = validateCustomer(business.body(), options());
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

function showRequest(body, { focus = true } = {}) {
  result.dataset.kind = 'request';
  result.classList.remove('result-error');
  $('result-title').textContent = t('readyTitle');
  codeSentence($('result-lede'), t('readyLede'));
  $('result-list').replaceChildren();
  $('result-list').hidden = true;
  renderJson($('result-json'), body, t('requestBody'));
  result.hidden = false;
  if (focus) $('result-title').focus();
}

function showProblems(report, { focus = true } = {}) {
  business.showAll(report);
  renderProblems(report);
  if (focus) $('result-title').focus();
}

/** The problem list and Dwolla's 400 body for a report (the field messages are the form's). */
function renderProblems(report) {
  result.dataset.kind = 'error';
  result.classList.add('result-error');
  $('result-title').textContent = t('problemsTitle')(report.errors.length);
  codeSentence($('result-lede'), t('problemsLede'));
  $('result-list').replaceChildren(...problemItems(report.errors, (path) => business.ownerOf(path)));
  $('result-list').hidden = false;
  renderJson($('result-json'), toDwollaError(report), t('errorBody'));
  result.hidden = false;
}

function afterBusinessChange(el, how) {
  if (result.dataset.kind === 'request') hideResult(); // that body is no longer what the form holds
  if (how === 'leave' && (el.name === 'businessType' || el.hasAttribute('data-country-of'))) {
    structureBusiness();
    // The type and the country decide which fields are required (an EIN, a passport):
    // every message shown is judged again under the new rules.
    business.judgeAgain();
  }
  // A ZIP/state hint sits under the postal code but depends on the state too.
  if (how === 'leave' && (el.name === 'state' || leaf(el.name) === 'stateProvinceRegion')) {
    const zip = el.name === 'state' ? $('postalCode') : el.closest('[data-address]').querySelector('[name$="/postalCode"]');
    if (business.shown(zip)) business.judge(zip);
  }
  refresh();
}

// ---------------------------------------------------------------------------------------
// Beneficial owners: each checked on its own, as the engine checks an owner.
const ownerFormEl = $('owner-form');
const ownerForm = new CheckedForm(ownerFormEl, (body) => validateAs('beneficial-owner', body, options()));
const owners = [];
let editing = null; // index of the owner being edited, or null for a new one

const ownerName = (o) => `${o.firstName ?? ''} ${o.lastName ?? ''}`.trim();

function structureOwner() {
  structureAddress(ownerFormEl, ownerForm);
  markRequired(ownerForm.controls(true), (el) => ruleOf(catalog.owner, el.name)?.required ?? 'yes',
    () => countryOf(ownerFormEl));
}

function openOwnerForm(index) {
  editing = index;
  const values = index === null ? {} : owners[index];
  for (const el of ownerForm.controls(true)) {
    ownerForm.clear(el);
    el.value = '';
  }
  // The country first: it decides which inputs the rest go into.
  $('owner-address-country').value = getPath(values, ['address', 'country']) ?? '';
  structureOwner();
  for (const el of ownerForm.controls()) el.value = getPath(values, el.name.split('/')) ?? '';
  $('owner-form-title').textContent = t(index === null ? 'ownerNew' : 'ownerEdit');
  $('owner-status').textContent = '';
  ownerFormEl.hidden = false;
  $('owner-add').hidden = true;
  $('owner-firstName').focus();
}

function closeOwnerForm() {
  ownerFormEl.hidden = true;
  $('owner-add').hidden = false;
  editing = null;
}

function renderOwners() {
  const list = $('owner-list');
  list.replaceChildren(...owners.map((o, i) => {
    const li = document.createElement('li');
    li.className = 'owner';
    li.dataset.index = String(i);
    const head = document.createElement('div');
    head.className = 'owner-head';
    const name = document.createElement('p');
    name.className = 'owner-name';
    name.textContent = ownerName(o);
    const where = document.createElement('p');
    where.className = 'owner-where';
    where.textContent = [o.address?.city, countryName(o.address?.country)].filter(Boolean).join(', ');
    const buttons = document.createElement('div');
    buttons.className = 'owner-buttons';
    const edit = ownerButton(t('edit'), ownerName(o), () => openOwnerForm(i));
    edit.classList.add('owner-edit');
    const remove = ownerButton(t('remove'), ownerName(o), () => removeOwner(i));
    remove.classList.add('owner-remove');
    buttons.append(edit, remove);
    head.append(Object.assign(document.createElement('div'), { className: 'owner-who' }), buttons);
    head.firstChild.append(name, where);
    const request = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = t('ownerRequest');
    const pre = document.createElement('pre');
    pre.className = 'result-json owner-json';
    pre.tabIndex = 0;
    renderJson(pre, o, t('requestBody'));
    request.append(summary, pre);
    li.append(head, request);
    return li;
  }));
  list.hidden = owners.length === 0;
  $('owner-empty').hidden = owners.length > 0;
}

function ownerButton(word, who, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'button button-small';
  b.append(word, ' ', Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: who }));
  b.addEventListener('click', action);
  return b;
}

function removeOwner(i) {
  const [gone] = owners.splice(i, 1);
  if (editing !== null) closeOwnerForm();
  renderOwners();
  $('owner-status').textContent = '';
  announce(t('ownerRemoved')(ownerName(gone)));
  // Focus stays in the list: the owner now in that place, else the one before, else "Add".
  const next = $('owner-list').querySelectorAll('.owner-edit')[Math.min(i, owners.length - 1)];
  (next || $('owner-add')).focus();
}

/** The owner form's status line: how many problems keep the owner from being saved. */
function showOwnerProblems(report) {
  $('owner-status').textContent = report.valid ? '' : t('ownerProblems')(report.errors.length);
}

function saveOwner() {
  for (const el of ownerForm.controls()) {
    if (el.tagName === 'INPUT') el.value = normalizeField(leaf(el.name), el.value);
  }
  const body = ownerForm.body();
  const report = validateAs('beneficial-owner', body, options());
  if (!report.valid) {
    ownerForm.showAll(report);
    showOwnerProblems(report);
    const first = ownerForm.controls().find((el) => el.getAttribute('aria-invalid') === 'true');
    first?.focus();
    return;
  }
  if (editing === null) owners.push(body);
  else owners[editing] = body;
  const index = editing === null ? owners.length - 1 : editing;
  closeOwnerForm();
  renderOwners();
  announce(t('ownerSaved')(ownerName(body)));
  $('owner-list').querySelectorAll('.owner-edit')[index].focus();
}

/** Says something to a screen reader through the owners' live status line. */
function announce(text) {
  $('owner-live').textContent = text;
}

// ---------------------------------------------------------------------------------------
// Documents: checked by the package before anything would be uploaded.
const documentFor = $('document-for');
const documentType = $('document-documentType');
const documentFile = $('document-file');

/**
 * The document kinds accepted for whom, asked of the package: a kind is offered when the
 * package reports nothing at /documentType for it.
 */
function documentKinds(whom) {
  return DOCUMENT_KINDS.filter((kind) => {
    const r = validateAs('document', { documentType: kind, for: whom, file: { name: 'probe.png', size: 1 } }, options());
    return !r.errors.some((e) => e.path === '/documentType');
  });
}

function fillDocumentKinds() {
  const kept = documentType.value;
  const kinds = documentKinds(documentFor.value);
  documentType.replaceChildren(...kinds.map((k) => new Option(t(`doc.${k}`), k)));
  if (kinds.includes(kept)) documentType.value = kept;
}

let documentCheck = 0;
let documentChecksDone = 0; // tells a test (data-checked) that a check has finished
/**
 * Checks the chosen file with validateDocumentFile (its name, declared type, size and
 * first 16 bytes). validateDocumentFile has no `locale` option: in Spanish, each message
 * is taken from validateAs("document") with the locale where that reports the same rule
 * at the same path; the first-bytes check needs the bytes, so its message stays English.
 */
async function checkDocument() {
  const ticket = ++documentCheck;
  const file = documentFile.files[0];
  const msgFile = $('document-file-msg');
  const docResult = $('document-result');
  docResult.hidden = true;
  const done = () => {
    documentFile.closest('form').dataset.checked = String(++documentChecksDone);
  };
  if (!file) {
    showDocumentMessage(documentFile, msgFile, null);
    showDocumentMessage(documentType, $('document-documentType-msg'), null);
    done();
    return;
  }
  const meta = { documentType: documentType.value, for: documentFor.value };
  const report = await validateDocumentFile(file, meta);
  if (ticket !== documentCheck) return; // a newer choice is being checked
  const described = { ...meta, file: { name: file.name, type: file.type, size: file.size } };
  const localized = lang === 'en' ? report : validateAs('document', described, options());
  const inLang = (e) => {
    const same = localized.errors.find((l) => l.path === e.path && l.rule === e.rule);
    return same ? { text: same.message, lang } : { text: e.message, lang: 'en' };
  };
  const typeError = report.errors.find((e) => e.path === '/documentType');
  const fileError = report.errors.find((e) => e.path === '/file' || e.path.startsWith('/file/'));
  showDocumentMessage(documentType, $('document-documentType-msg'), typeError && inLang(typeError));
  showDocumentMessage(documentFile, msgFile, fileError && inLang(fileError));
  if (report.valid) {
    codeSentence($('document-result-lede'), t('documentLede'));
    // What the multipart POST .../documents sends: the type and the file. Whose
    // document it is picks the Customer or owner URL; it is not a field of the form.
    renderJson($('document-json'), { documentType: meta.documentType, file: described.file }, t('uploadRequest'));
    docResult.hidden = false;
  }
  done();
}

function showDocumentMessage(el, msg, note) {
  msg.textContent = note ? note.text : '';
  if (note && note.lang !== lang) msg.lang = note.lang;
  else msg.removeAttribute('lang');
  msg.classList.toggle('msg-error', Boolean(note));
  if (note) el.setAttribute('aria-invalid', 'true');
  else el.removeAttribute('aria-invalid');
  const base = el === documentFile ? ['document-file-hint'] : [];
  const ids = [...(note ? [msg.id] : []), ...base];
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
  el.closest('.field').classList.toggle('has-error', Boolean(note));
}

// ---------------------------------------------------------------------------------------
// What a status means, from statusInfo().
const statusSelect = $('status-select');

function fillStatuses() {
  const kept = statusSelect.value;
  statusSelect.replaceChildren(...statusInfo().statuses.map((s) => new Option(s.status, s.status)));
  if (kept) statusSelect.value = kept;
}

/**
 * Shows one status. The yes/no answers are the page's words for the package's data; the
 * next step and whom it applies to are the package's own text, which it has in English
 * only (statusInfo takes no locale), so they are marked lang="en".
 */
function showStatus() {
  const info = statusInfo(statusSelect.value);
  if (!info) return;
  $('status-send').textContent = info.canSend ? t('yes') : t('no');
  $('status-receive').textContent = { yes: t('yes'), heldPending: t('heldPending'), no: t('no') }[info.canReceive];
  $('status-bank').textContent = info.canAddBank ? t('yes') : t('no');
  for (const [id, text] of [['status-next', info.nextStep], ['status-applies', info.appliesTo]]) {
    $(id).textContent = text;
    if (lang !== 'en') $(id).lang = 'en';
    else $(id).removeAttribute('lang');
  }
  $('status-event').textContent = info.event;
  const action = $('status-action');
  action.replaceChildren();
  if (info.status === 'retry') {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'button button-secondary';
    b.id = 'status-to-retry';
    b.textContent = t('toRetry');
    b.addEventListener('click', () => {
      setMode(true);
      $('business-card').scrollIntoView({ block: 'start' });
      $('title').focus();
    });
    action.append(b);
  } else if (info.status === 'document') {
    const a = document.createElement('a');
    a.href = '#documents-card';
    a.id = 'status-to-document';
    a.textContent = t('toDocument');
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      $('documents-card').scrollIntoView({ block: 'start' });
      documentFor.focus();
    });
    action.append(a);
  }
  action.hidden = action.childElementCount === 0;
}

let knownCountries = null;
/**
 * The country codes the package accepts. Its catalog lists no enum for a country (only
 * "an ISO 3166-1 alpha-2 country code"), so the package is asked about each of the 676
 * two-letter codes once, with one validator (about 20 ms); an enum, once the catalog has
 * one, is used instead.
 */
function countryCodes() {
  const listed = ruleOf(catalog.business, 'controller/address/country')?.constraints.enum;
  if (listed) return listed;
  if (!knownCountries) {
    const validator = createValidator({ type: 'business' });
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    knownCountries = [];
    for (const a of letters) {
      for (const b of letters) {
        if (validator.validateField('controller/address/country', a + b).valid) knownCountries.push(a + b);
      }
    }
    validator.free();
  }
  return knownCountries;
}

// ---------------------------------------------------------------------------------------
// Language, mode, the address bar.
let regionNames = null;
/** A country's name in the page's language, from the browser's own data (Intl.DisplayNames). */
function countryName(code) {
  if (!code) return '';
  if (!regionNames || regionNames.lang !== lang) {
    regionNames = { lang, names: new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }) };
  }
  try {
    return regionNames.names.of(code) || code;
  } catch {
    return code;
  }
}

function fillCodeLists() {
  const states = codesOf(catalog.business, 'state');
  for (const select of document.querySelectorAll('select[data-states]')) {
    const kept = select.value;
    const make = (codes) => codes.map((c) => new Option((lang === 'es' && STATE_NAMES_ES[c]) || STATE_NAMES[c] || c, c));
    const groups = [
      Object.assign(document.createElement('optgroup'), { label: t('statesGroup') }),
      Object.assign(document.createElement('optgroup'), { label: t('territoriesGroup') }),
    ];
    groups[0].append(...make(states.filter((c) => !NOT_STATES.has(c))));
    groups[1].append(...make(states.filter((c) => NOT_STATES.has(c))));
    select.replaceChildren(new Option(t('choose'), ''), ...groups.filter((g) => g.childElementCount));
    select.value = kept;
  }
  const countries = countryCodes();
  const collator = new Intl.Collator(lang);
  const named = countries.map((c) => ({ c, name: countryName(c) })).sort((a, b) => collator.compare(a.name, b.name));
  for (const select of document.querySelectorAll('select[data-countries]')) {
    const kept = select.value;
    // The US first: most controllers and owners live there.
    const us = named.filter((n) => n.c === 'US');
    select.replaceChildren(new Option(t('choose'), ''), ...[...us, ...named.filter((n) => n.c !== 'US')].map((n) => new Option(n.name, n.c)));
    select.value = kept;
  }
  const cls = $('businessClassification');
  const keptCls = cls.value;
  cls.replaceChildren(new Option(t('choose'), ''), ...CLASSIFICATIONS.map((c) => new Option(c[lang], c.id)));
  cls.value = keptCls;
}

function applyStrings() {
  const words = UI[lang];
  applyWords(words, lang);
  $('lang-switch').setAttribute('aria-label', words.language);
  $('steps').setAttribute('aria-label', words.navLabel);
  for (const b of document.querySelectorAll('#lang-switch button')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  const copy = words[operation];
  $('title').textContent = copy.title;
  $('lede').textContent = copy.lede;
  submit.textContent = copy.submit;
  for (const el of document.querySelectorAll('[data-ssn-hint]')) el.textContent = copy.ssnHint;
  $('owner-form-title').textContent = t(editing === null ? 'ownerNew' : 'ownerEdit');
}

/** Keeps the page's state in its address; the personal page opens in the same language. */
function updateUrl() {
  keepInUrl({ operation, lang }, $('personal-link'));
}

/** Everything the page shows in words is written again: after a change of language or operation. */
function redraw() {
  loadCatalog();
  applyStrings();
  fillCodeLists();
  fillDocumentKinds();
  structureBusiness();
  structureOwner();
  business.judgeAgain();
  ownerForm.judgeAgain();
  // A status line shown is written again, in this language, for the form as it is now.
  if ($('owner-status').textContent !== '') showOwnerProblems(validateAs('beneficial-owner', ownerForm.body(), options()));
  renderOwners();
  showStatus();
  if (result.dataset.kind === 'request') showRequest(JSON.parse($('result-json').textContent), { focus: false });
  else if (result.dataset.kind === 'error') showProblems(validateCustomer(business.body(), options()), { focus: false });
  if (documentFile.files.length) checkDocument();
  refresh();
}

function setMode(retry) {
  operation = retry ? 'retry' : 'create';
  toggle.checked = retry;
  $('retry-notice').hidden = !retry;
  document.body.classList.toggle('mode-retry', retry);
  hideResult();
  updateUrl();
  redraw();
}

function setLang(next) {
  lang = LANGS.includes(next) ? next : 'en';
  updateUrl();
  redraw();
}

async function main() {
  const params = new URLSearchParams(window.location.search);
  ({ lang, operation } = addressState(params, LANGS));
  applyStrings();
  await loadPackage(init, { loadError: $('load-error'), status }, t);
  loadCatalog();
  fillCodeLists();
  fillStatuses();
  if (params.get('status')) statusSelect.value = params.get('status');

  business.listen(afterBusinessChange);
  ownerForm.listen((el, how) => {
    if (how === 'leave' && el.hasAttribute('data-country-of')) structureOwner();
  });
  toggle.addEventListener('change', () => setMode(toggle.checked));
  omit.addEventListener('change', () => {
    hideResult();
    structureBusiness();
    refresh();
  });
  for (const b of document.querySelectorAll('#lang-switch button')) b.addEventListener('click', () => setLang(b.dataset.lang));

  businessForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    for (const el of business.controls()) if (el.tagName === 'INPUT') el.value = normalizeField(leaf(el.name), el.value);
    const body = business.body();
    const report = validateCustomer(body, options());
    if (report.valid) showRequest(body);
    else showProblems(report);
    refresh();
  });
  checkButton.addEventListener('click', () => {
    const report = validateCustomer(business.body(), options());
    if (report.valid) businessForm.requestSubmit();
    else showProblems(report);
  });

  $('owner-add').addEventListener('click', () => openOwnerForm(null));
  $('owner-cancel').addEventListener('click', () => {
    closeOwnerForm();
    $('owner-add').focus();
  });
  ownerFormEl.addEventListener('submit', (ev) => {
    ev.preventDefault();
    saveOwner();
  });

  documentFor.addEventListener('change', () => {
    fillDocumentKinds();
    checkDocument();
  });
  documentType.addEventListener('change', () => checkDocument());
  documentFile.addEventListener('change', () => checkDocument());
  $('document-form').addEventListener('submit', (ev) => ev.preventDefault());
  statusSelect.addEventListener('change', () => showStatus());

  window.addEventListener('pageshow', () => refresh());
  followAddress(LANGS, () => ({ lang, operation }), (asked) => {
    lang = asked.lang;
    setMode(asked.operation === 'retry');
  });
  setMode(operation === 'retry');
  document.documentElement.dataset.ready = 'true';
}

main();
