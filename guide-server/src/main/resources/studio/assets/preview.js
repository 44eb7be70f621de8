// Trying the draft as a visitor would: what the guide says at this exhibit, heard in each language's voice,
// and what it answers to a question asked here.
import { api, fill, h, toast } from './api.js';
import { endonym } from './language-names.js';

export function tryIt(panel, siteId, exhibitId, site, state) {
  const languages = [site.sourceLanguage, ...site.languages.filter(l => l !== site.sourceLanguage)];
  let language = languages[0];
  const results = h('div.stack');
  const answer = h('div.stack', { 'aria-live': 'polite' });
  const question = h('input', { type: 'text', id: 'try-question', maxlength: 500, 'aria-label': 'A question a visitor might ask here' });
  const show = async chosen => {
    language = chosen;
    question.placeholder = `A question a visitor might ask here, in ${endonym(language)}`;
    panel.querySelectorAll('[data-preview]').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.preview === language)));
    try {
      const { data } = await api(`/sites/${siteId}/preview`, { method: 'POST', body: { exhibit: exhibitId, language, data: state.doc } });
      fill(results, h('h2', {}, `${endonym(language)}${data.voice ? '' : ' — no voice on this server: text only'}`),
        data.lines.map(line => h('div.answer', { 'data-field': line.field },
          h('div.small.muted', {}, line.label, line.fallback ? ` · missing in ${language.toUpperCase()}: the guide says it in ${line.language.toUpperCase()} and tells the visitor so` : ''),
          h('p', { lang: line.language }, line.text),
          line.audioUrl ? h('audio', { controls: true, preload: 'none', src: line.audioUrl }) : null)));
    } catch (error) {
      toast(error.message, 'error');
    }
  };
  const ask = async event => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) return;
    fill(answer, h('p.small.muted', {}, 'Asking…'));
    try {
      const { data } = await api(`/sites/${siteId}/preview/ask`, { method: 'POST', body: { exhibit: exhibitId, language, question: text, data: state.doc } });
      const from = data.sources.map(source => source.title).filter(Boolean).join(', ');
      fill(answer, h('div.answer', { id: 'try-answer', 'data-answered': String(data.answered) },
        h('div.small.muted', {}, `“${text}”`, data.answered ? (from ? ` · from ${from}` : '')
          : ' · the guide does not know: visitors asking this would land in your inbox'),
        h('p', { lang: data.language }, data.text),
        data.notice ? h('p.small.muted', {}, data.notice) : null,
        data.audioUrl ? h('audio', { controls: true, preload: 'none', src: data.audioUrl }) : null));
    } catch (error) {
      fill(answer);
      toast(error.message, 'error');
    }
  };
  fill(panel,
    h('p.small.muted', {}, 'What a visitor hears at this exhibit, from this draft (unsaved changes included). Nothing here reaches visitors until you publish.'),
    h('div.toolbar', {}, languages.map(code => h('button', { 'data-preview': code, onclick: () => show(code) },
      `Hear it in ${endonym(code)}`))),
    results,
    h('h2', {}, 'Ask it what a visitor would'),
    h('form.row.nowrap', { onsubmit: ask }, question, h('button.primary', { type: 'submit' }, 'Ask')),
    answer);
  show(language);
}
