// Trying the draft as a visitor would: what the guide says at this exhibit, heard in each language's voice.
import { api, fill, h, LANGUAGE_NAMES, toast } from './api.js';

export function tryIt(panel, siteId, exhibitId, site, state) {
  const languages = [site.sourceLanguage, ...site.languages.filter(l => l !== site.sourceLanguage)];
  const results = h('div.stack');
  const show = async language => {
    try {
      const { data } = await api(`/sites/${siteId}/preview`, { method: 'POST', body: { exhibit: exhibitId, language, data: state.doc } });
      fill(results, h('h2', {}, `${LANGUAGE_NAMES[language] ?? language}${data.voice ? '' : ' — no voice on this server: text only'}`),
        data.lines.map(line => h('div.answer', { 'data-field': line.field },
          h('div.small.muted', {}, line.label, line.fallback ? ` · missing in ${language.toUpperCase()}: the guide says it in ${line.language.toUpperCase()} and tells the visitor so` : ''),
          h('p', { lang: line.language }, line.text),
          line.audioUrl ? h('audio', { controls: true, preload: 'none', src: line.audioUrl }) : null)));
    } catch (error) {
      toast(error.message, 'error');
    }
  };
  fill(panel,
    h('p.small.muted', {}, 'What a visitor hears at this exhibit, from this draft (unsaved changes included). Nothing here reaches visitors until you publish.'),
    h('div.toolbar', {}, languages.map(language => h('button', { 'data-preview': language, onclick: () => show(language) },
      `Hear it in ${LANGUAGE_NAMES[language] ?? language}`))),
    results);
  show(languages[0]);
}
