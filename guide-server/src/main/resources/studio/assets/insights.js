// What visitors asked and did: the unanswered-questions inbox and the dashboard.
import { api, fill, h, pick, toast, when } from './api.js';
import { endonym } from './language-names.js';

export async function inbox(main, siteId) {
  const [{ data: groups }, { data: site }] = await Promise.all([api(`/sites/${siteId}/inbox`), api(`/sites/${siteId}`)]);
  document.title = `Inbox · ${siteId} · Heritage Guide Studio`;
  const source = site.sourceLanguage;
  const titleOf = id => pick(site.exhibits.find(e => e.id === id)?.title, source) || id;
  fill(main, 
    h('div.page-head', {}, h('div', {}, h('h1', {}, 'Questions the guide could not answer'),
      h('p.sub', {}, 'The last 30 days, asked the same way grouped together, most frequent first. Turn one into a FAQ, add it to the FAQ that answers it, or dismiss it.'))),
    groups.length === 0
      ? h('div.card', {}, h('p', {}, 'No unanswered question in the last 30 days. 🎉'))
      : h('div.table-wrap', {}, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Question'), h('th', {}, 'Asked'), h('th', {}, 'Languages'), h('th', {}, 'At exhibit'), h('th', {}, 'Last asked'), h('th', {}, ''))),
        h('tbody', {}, groups.map(group => h('tr', { 'data-question': group.key },
          h('td', {}, h('b', {}, group.question),
            group.variants.length > 1 ? h('div.small.muted', {}, 'Also: ', group.variants.slice(1).join(' · ')) : null,
            group.closestFaq ? h('div.small.closest', {}, 'Does the FAQ “', group.closestFaq.question, '” answer it? ',
              h('button.link', { 'data-action': 'add-wording',
                title: 'Visitors asking this way will get that FAQ\'s answer once you publish',
                onclick: () => addWording(main, siteId, group) }, 'Yes, add this wording to it')) : null),
          h('td', {}, h('b', {}, group.count), group.count === 1 ? ' time' : ' times'),
          h('td', {}, h('div.chips', {}, Object.entries(group.languages).map(([language, n]) => h('span.chip.source', { title: `${n}×` }, `${language} ${n}`)))),
          h('td.small', {}, Object.keys(group.exhibits).map(titleOf).join(', ') || '—'),
          h('td.small', {}, when(group.lastAsked)),
          h('td.actions', {}, h('div.row.nowrap', {},
            h('button.primary', { 'data-action': 'make-faq', onclick: () => makeFaq(siteId, site, group) }, 'Make a FAQ'),
            h('button', { onclick: async () => {
              await api(`/sites/${siteId}/inbox/handled`, { method: 'POST', body: { key: group.key } });
              toast('Dismissed until someone asks again.');
              inbox(main, siteId);
            } }, 'Dismiss')))))))));
}

/** The guide had the answer in a FAQ but not the visitors' words: their question becomes one of the FAQ's. */
async function addWording(main, siteId, group) {
  const language = Object.entries(group.languages).sort((a, b) => b[1] - a[1])[0][0];
  try {
    await api(`/sites/${siteId}/faqs/${encodeURIComponent(group.closestFaq.id)}/questions`, { method: 'POST',
      body: { language, question: group.question, inboxKey: group.key } });
    toast(`Added to the FAQ “${group.closestFaq.question}” in the draft. Publish for visitors to be answered.`);
    inbox(main, siteId);
  } catch (failure) {
    toast(failure.body?.message || failure.message, 'error');
  }
}

function makeFaq(siteId, site, group) {
  const languages = [site.sourceLanguage, ...site.languages.filter(l => l !== site.sourceLanguage)];
  const asked = Object.keys(group.languages)[0];
  const exhibit = Object.keys(group.exhibits)[0] ?? '';
  const questionInputs = {};
  const answerInputs = {};
  const error = h('p.notice.notice-error', { hidden: true });
  const exhibitSelect = h('select', { name: 'exhibit' }, h('option', { value: '' }, 'The whole site'),
    site.exhibits.map(e => h('option', { value: e.id, selected: e.id === exhibit }, pick(e.title, site.sourceLanguage))));
  const rows = languages.map(language => {
    questionInputs[language] = h('textarea', { name: `questions.${language}`, rows: 2, lang: language,
      value: language === asked ? group.variants.join('\n') : '' });
    answerInputs[language] = h('textarea', { name: `answer.${language}`, rows: 3, lang: language });
    return h('tr', {}, h('td.field', {}, endonym(language)), h('td', {}, questionInputs[language]), h('td', {}, answerInputs[language]));
  });
  const dialog = h('dialog', { 'data-dialog': 'faq' }, h('form', { onsubmit: async event => {
    event.preventDefault();
    const questions = {};
    const answer = {};
    for (const language of languages) {
      const list = questionInputs[language].value.split('\n').map(q => q.trim()).filter(Boolean);
      if (list.length) questions[language] = list;
      if (answerInputs[language].value.trim()) answer[language] = answerInputs[language].value.trim();
    }
    try {
      await api(`/sites/${siteId}/faqs`, { method: 'POST', body: { questions, answer, exhibit: exhibitSelect.value || null, inboxKey: group.key } });
      dialog.close();
      toast('FAQ saved as a draft. Publish it from the exhibits page when ready.');
      document.querySelector(`tr[data-question="${CSS.escape(group.key)}"]`)?.remove();
    } catch (failure) {
      error.hidden = false;
      error.textContent = failure.body?.problems?.map(p => `${p.field}: ${p.message}`).join('; ') || failure.message;
    }
  } },
  h('div.dialog-body.stack', {}, h('h2', {}, 'New FAQ'),
    h('p.muted', {}, `Visitors asked “${group.question}” ${group.count} time(s). Write the answer in each language visitors use; one question per line.`),
    error, h('label', {}, 'Belongs to', exhibitSelect),
    h('table.grid-table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Language'), h('th', {}, 'Questions'), h('th', {}, 'Answer'))), h('tbody', {}, rows))),
  h('div.dialog-foot', {}, h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
    h('button.primary', { type: 'submit' }, 'Save FAQ draft'))));
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
}

export async function dashboard(main, siteId, days = 14) {
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - (days - 1) * 86400000).toISOString().slice(0, 10);
  const query = `from=${from}&to=${to}`;
  const { data } = await api(`/sites/${siteId}/stats?${query}`);
  document.title = `Dashboard · ${siteId} · Heritage Guide Studio`;
  const s = data.stats;
  const percent = value => `${Math.round(value * 100)}%`;
  const kpi = (value, label) => h('div.card.kpi', {}, h('b', {}, value), h('span', {}, label));
  const chart = name => h('div.card', {}, h('img', { src: `/api/v1/studio/sites/${siteId}/charts/${name}.svg?${query}`, alt: name }));
  const range = h('select', { 'aria-label': 'Period', onchange: e => dashboard(main, siteId, Number(e.target.value)) },
    [7, 14, 30, 90].map(n => h('option', { value: n, selected: n === days }, `Last ${n} days`)));
  fill(main, 
    h('div.page-head', {}, h('div', {}, h('h1', {}, 'What visitors do'), h('p.sub', {}, `${from} to ${to} (UTC)`)),
      h('span.spacer'), range,
      h('a.button', { href: `/api/v1/studio/sites/${siteId}/stats.csv?${query}`, download: true }, 'Export CSV')),
    h('div.kpis', {},
      kpi(s.sessions, 'visitor sessions'), kpi(s.questions, 'questions asked'),
      kpi(s.questions ? percent(data.answeredRate) : '—', 'answered'),
      kpi(s.questions ? percent(data.voiceShare) : '—', 'asked by voice'),
      kpi(s.latencyP50Ms == null ? '—' : `${s.latencyP50Ms} ms`, 'median answer time'),
      kpi(s.latencyP95Ms == null ? '—' : `${s.latencyP95Ms} ms`, '95% answered within')),
    h('div.charts', {}, chart('sessions'), chart('questions'), chart('languages'), chart('exhibits'), chart('channels'), chart('latency')));
}
