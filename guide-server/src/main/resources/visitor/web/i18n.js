// The web app's own words, per language, and the names of languages in the visitor's language.

import { endonym } from './language-names.js';

// the languages the server has the app's words in, written into the page by the server
const UI_LANGUAGES = (document.documentElement.dataset.uiLanguages || 'en').split(' ');

const base = new URL('./i18n/', import.meta.url);
const loaded = new Map();
let strings = {};
let fallback = {};
let current = 'en';

/** The language the app's own words are shown in for a visitor speaking `language`. */
export function uiLanguage(language) {
  const primary = (language || 'en').toLowerCase().split(/[-_]/)[0];
  return UI_LANGUAGES.includes(primary) ? primary : 'en';
}

function fetchStrings(language) {
  if (!loaded.has(language)) {
    const request = fetch(new URL(`${language}.json`, base), { credentials: 'same-origin' })
      .then((response) => {
        if (!response.ok) throw new Error(`strings ${language}: ${response.status}`);
        return response.json();
      });
    request.catch(() => loaded.delete(language));
    loaded.set(language, request);
  }
  return loaded.get(language);
}

/** Loads the words for `language` (English as the fallback) and makes them current. */
export async function useLanguage(language) {
  const ui = uiLanguage(language);
  const [english, chosen] = await Promise.all([fetchStrings('en'), fetchStrings(ui)]);
  fallback = english;
  strings = chosen;
  current = ui;
  return ui;
}

export function currentLanguage() {
  return current;
}

/** The string for `key`, with {0}, {1}... replaced by `args`. */
export function t(key, ...args) {
  let text = strings[key] ?? fallback[key] ?? key;
  args.forEach((value, i) => { text = text.replaceAll(`{${i}}`, value); });
  return text;
}

/** Translates every element marked with data-i18n (text), data-i18n-placeholder or data-i18n-aria-label. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n, ...(el.dataset.i18nArgs ? JSON.parse(el.dataset.i18nArgs) : []));
  });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)); });
}

/** A language's name in the visitor's current language: "vietnamien" in French. */
export function languageName(language) {
  try {
    return new Intl.DisplayNames([current], { type: 'language' }).of(language) || endonym(language);
  } catch {
    return endonym(language);
  }
}

/** The text of a {language: text} map in the first language of `chain` that has one. */
export function pick(texts, chain) {
  if (!texts) return null;
  for (const language of chain) {
    const text = texts[language];
    if (text && text.trim()) return { language, text };
  }
  return null;
}

/** Writes `found` (from pick) into `el`, marking its language when it is not the page's. */
export function setText(el, found) {
  el.textContent = found ? found.text : '';
  if (found && found.language !== document.documentElement.lang) el.lang = found.language;
  else el.removeAttribute('lang');
}
