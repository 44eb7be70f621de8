// The visitor's language: the site's languages to pick from (named in their own script), and changing
// to one: the app's words, the page, and the language the guide answers in.

import { memory } from './api.js';
import { useLanguage, translate } from './i18n.js';
import { endonym } from './language-names.js';
import { $ } from './dom.js';

export class LanguageChoice {
  /** `onApplied()`: shows everything again in the language now current; resolves once done. */
  constructor(visit, { onApplied }) {
    this.visit = visit;
    this.onApplied = onApplied;
  }

  render() {
    const nav = $('languages');
    const list = nav.querySelector('ul');
    list.replaceChildren();
    const languages = this.visit.siteData ? this.visit.siteData.languages : [];
    nav.hidden = languages.length < 2;
    for (const code of languages) {
      const button = document.createElement('button');
      button.type = 'button';
      button.lang = code;
      button.textContent = endonym(code);
      button.setAttribute('aria-pressed', String(code === this.visit.language));
      button.dataset.asks = 'language';
      button.addEventListener('click', () => this.switchTo(code));
      const item = document.createElement('li');
      item.append(button);
      list.append(item);
    }
  }

  /** The visitor picked `code`: remembered for the next pages, and the guide answers in it. */
  async switchTo(code) {
    if (code === this.visit.language) return;
    memory.chooseLanguage(code);
    await this.apply(code);
    await this.visit.speakIn(code);
  }

  /** Shows the app in `code` (also when the conversation already is in it). */
  async apply(code) {
    await useLanguage(code);
    this.visit.language = code;
    document.documentElement.lang = code;
    translate();
    await this.onApplied();
  }
}
