// Trying the draft as a visitor would: ask it a question, hear the answer in each voice.
import { api, fill, h, LANGUAGE_NAMES, toast } from './api.js';

export function tryIt(panel, siteId, exhibitId, site, state) {
  const languages = [site.sourceLanguage, ...site.languages.filter(l => l !== site.sourceLanguage)];
  const language = h('select', { name: 'language', 'aria-label': 'Language' },
    languages.map(l => h('option', { value: l }, LANGUAGE_NAMES[l] ?? l)));
  const question = h('input', { name: 'question', placeholder: 'Ask what a visitor would ask, e.g. “When was it built?”', 'aria-label': 'Question' });
  const answers = h('div.stack');
  const ask = async text => {
    try {
      const { data } = await api(`/sites/${siteId}/preview`, { method: 'POST', body: {
        exhibit: exhibitId, language: language.value, text, draft: state.doc } });
      answers.prepend(h('div.answer', { 'data-answered': String(data.answered) },
        h('div.small.muted', {}, `${text ? `“${text}”` : 'Arriving at the exhibit'} · ${data.language}${data.answered ? '' : ' · not answered (it would go to the inbox)'}`),
        h('p', {}, data.text),
        data.notice ? h('p.small.muted', {}, data.notice) : null,
        data.sources?.length ? h('div.small.muted', {}, 'From: ', data.sources.map(s => s.title ?? s.exhibit).join(', ')) : null,
        data.audioUrl ? h('audio', { controls: true, src: data.audioUrl, preload: 'none' }) : h('div.small.muted', {}, 'No voice for this language: text only.')));
    } catch (error) {
      toast(error.message, 'error');
    }
  };
  fill(panel, 
    h('p.small.muted', {}, 'Answers come from this draft, including changes you have not saved, exactly as the guide would give them to a visitor. Nothing here reaches visitors.'),
    h('form.toolbar', { onsubmit: event => { event.preventDefault(); if (question.value.trim()) ask(question.value.trim()); } },
      language, question, h('button.primary', { type: 'submit' }, 'Ask'),
      h('button', { type: 'button', onclick: () => ask('') }, 'Hear the welcome')),
    answers);
}
