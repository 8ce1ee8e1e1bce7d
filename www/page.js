// What the two signup pages (app.js for a personal Customer, business.js for a
// business) show the same way: a field's message, the list of problems after a
// submit, a JSON body, the page's own words and its address. No validation rule
// lives here either: every message and verdict shown is the package's report.

/**
 * Shows a report under its field `el` in `msg`: the first error, else the first
 * hint, else nothing; `baseIds` are the descriptions the field has whatever its
 * state. Returns the error and the hint shown, for what a page adds (a fix button).
 */
export function showNote(el, msg, report, baseIds) {
  const error = report.errors[0];
  const warning = error ? undefined : report.warnings[0];
  const note = error || warning;
  msg.textContent = note ? note.message : '';
  msg.classList.toggle('msg-error', Boolean(error));
  msg.classList.toggle('msg-warning', Boolean(warning));
  // A hint is not a fault: the field stays valid for assistive technology, and submit is untouched.
  if (error) el.setAttribute('aria-invalid', 'true');
  else el.removeAttribute('aria-invalid');
  const ids = [...(note ? [msg.id] : []), ...baseIds];
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
  const field = el.closest('.field');
  field.classList.toggle('has-error', Boolean(error));
  field.classList.toggle('has-hint', Boolean(warning));
  return { error, warning };
}

/**
 * The problems of a report as list items: each a link to the control `ownerOf`
 * finds for its path (focused and scrolled to on click), or plain text when no
 * control holds it.
 */
export function problemItems(errors, ownerOf) {
  return errors.map((e) => {
    const li = document.createElement('li');
    const el = ownerOf(e.path);
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
  });
}

/** Shows `value` as indented JSON in `target`, labelled for assistive technology. */
export function renderJson(target, value, label) {
  target.textContent = JSON.stringify(value, null, 2);
  target.setAttribute('aria-label', label);
}

/** A sentence of three parts, the middle one as code. */
export function codeSentence(target, [before, code, after]) {
  target.replaceChildren(before, Object.assign(document.createElement('code'), { textContent: code }), after);
}

/**
 * Writes the page's own words (`words`, in language `lang`) into the elements
 * that name one: `data-i18n` (text), `data-i18n-html` (markup the page wrote
 * itself), `data-i18n-label` (an option group's label); the title and the
 * document's language too.
 */
export function applyWords(words, lang) {
  document.documentElement.lang = lang;
  document.title = words.pageTitle;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = words[el.dataset.i18n];
  for (const el of document.querySelectorAll('[data-i18n-html]')) el.innerHTML = words[el.dataset.i18nHtml];
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.label = words[el.dataset.i18nLabel];
}

/**
 * Keeps the page's state in its address, so a link or a reload opens it the same
 * way, and makes `otherPage` (the link to the other signup page) open in the same
 * language.
 */
export function keepInUrl({ operation, lang }, otherPage) {
  const url = new URL(window.location.href);
  if (operation === 'retry') url.searchParams.set('mode', 'retry');
  else url.searchParams.delete('mode');
  if (lang !== 'en') url.searchParams.set('lang', lang);
  else url.searchParams.delete('lang');
  window.history.replaceState(null, '', url);
  otherPage.search = lang !== 'en' ? `?lang=${lang}` : '';
}

/** Enables submit exactly when the whole payload validates (hints never count), and says what is left. */
export function showReadiness(report, { submit, checkButton, status }, t) {
  submit.disabled = !report.valid;
  checkButton.hidden = report.valid;
  status.textContent = report.valid ? t('allGood') : t('left')(report.errors.length);
}

/** The language (one of `langs`, else English) and the operation the address asks for. */
export function addressState(params, langs) {
  return {
    lang: langs.includes(params.get('lang')) ? params.get('lang') : 'en',
    operation: params.get('mode') === 'retry' ? 'retry' : 'create',
  };
}

/**
 * Calls `apply({lang, operation})` when Back or Forward lands on an entry of this page
 * whose address asks for another state than the page shows: `keepInUrl` rewrites the
 * current entry only, so the entry before a hash link keeps the state it had then.
 */
export function followAddress(langs, current, apply) {
  window.addEventListener('popstate', () => {
    const asked = addressState(new URLSearchParams(window.location.search), langs);
    const now = current();
    if (asked.lang !== now.lang || asked.operation !== now.operation) apply(asked);
  });
}

/**
 * Loads the package (`init`); when it cannot be loaded, says so in `loadError`,
 * clears the submit status, and throws on.
 */
export async function loadPackage(init, { loadError, status }, t) {
  try {
    await init();
  } catch (err) {
    loadError.textContent = `${t('loadError')} (${err && err.message ? err.message : err})`;
    loadError.hidden = false;
    status.textContent = '';
    throw err;
  }
}
