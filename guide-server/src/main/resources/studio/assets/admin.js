// Accounts (administrators only) and printing QR labels.
import { api, fill, h, pick, toast } from './api.js';

export async function accounts(main, me) {
  const [{ data: list }, { data: sites }] = await Promise.all([api('/accounts'), api('/sites')]);
  document.title = 'Accounts · Heritage Guide Studio';
  const siteBoxes = (chosen, name) => h('div.row', {}, sites.map(site => h('label.check.small', {},
    h('input', { type: 'checkbox', name, value: site.id, checked: chosen.includes(site.id) }), pick(site.name, 'en'))));
  const form = (account = { username: '', role: 'CURATOR', sites: [] }) => {
    const isNew = !account.username;
    const username = h('input', { name: 'username', value: account.username, required: true, readonly: !isNew, pattern: '[a-z0-9][a-z0-9._-]{1,31}' });
    const role = h('select', { name: 'role' }, h('option', { value: 'CURATOR', selected: account.role === 'CURATOR' }, 'Curator of the sites below'),
      h('option', { value: 'ADMIN', selected: account.role === 'ADMIN' }, 'Administrator (every site, accounts)'));
    const password = h('input', { name: 'password', type: 'password', minlength: 10, autocomplete: 'new-password',
      placeholder: isNew ? 'at least 10 characters' : 'leave empty to keep it' });
    const boxes = siteBoxes(account.sites, 'sites');
    return h('form.card.stack', { 'data-account': account.username || 'new', onsubmit: async event => {
      event.preventDefault();
      try {
        await api(`/accounts/${encodeURIComponent(username.value.trim())}`, { method: 'PUT', body: {
          role: role.value, password: password.value || null,
          sites: [...boxes.querySelectorAll('input:checked')].map(box => box.value) } });
        toast(isNew ? 'Account created.' : 'Account saved.');
        accounts(main, me);
      } catch (error) {
        toast(error.message, 'error');
      }
    } },
    h('div.row', {}, h('label.grow', {}, 'User name', username), h('label.grow', {}, 'Role', role),
      h('label.grow', {}, isNew ? 'Password' : 'New password', password)),
    h('div', {}, h('div.small.muted', {}, 'Sites (curators only)'), boxes),
    h('div.row', {}, h('button.primary', { type: 'submit' }, isNew ? 'Create account' : 'Save'),
      !isNew && account.username !== me.username ? h('button.danger', { type: 'button', onclick: async () => {
        if (!confirm(`Delete the account ${account.username}?`)) return;
        await api(`/accounts/${encodeURIComponent(account.username)}`, { method: 'DELETE' });
        toast('Account deleted.');
        accounts(main, me);
      } }, 'Delete') : null));
  };
  fill(main, 
    h('div.page-head', {}, h('div', {}, h('h1', {}, 'Accounts'),
      h('p.sub', {}, 'Who may log in to the studio, and which sites each curator edits. Kept in the data directory (studio/accounts.yaml), which an operator may also edit.'))),
    h('div.stack', {}, list.map(account => form(account))),
    h('h2', {}, 'New account'), form());
}

export async function labels(main, siteId) {
  const [{ data: site }, { data: where }] = await Promise.all([api(`/sites/${siteId}`), api(`/sites/${siteId}/labels`)]);
  document.title = `QR labels · ${siteId} · Heritage Guide Studio`;
  const wanted = new URLSearchParams(location.search).get('exhibit');
  const source = site.sourceLanguage;
  const live = site.exhibits.filter(e => e.liveStatus === 'published');
  const picks = live.map(e => h('label.label-pick', { 'data-exhibit': e.id },
    h('input', { type: 'checkbox', value: e.id, checked: !wanted || wanted === e.id }),
    h('img', { src: `/api/v1/studio/sites/${siteId}/exhibits/${e.id}/qr.png?size=128`, alt: `QR code of ${e.id}`, loading: 'lazy' }),
    h('span', {}, pick(e.title, source), h('div.small.muted', {}, e.id))));
  const firstThree = [...new Set([site.defaultLanguage, 'en', ...site.languages])].filter(l => site.languages.includes(l)).slice(0, 3);
  const languages = site.languages.map(language => h('label.check.small', {}, h('input', { type: 'checkbox', value: language,
    checked: firstThree.includes(language), onchange: event => {
      if (languages.filter(l => l.querySelector('input').checked).length > 3) {
        event.target.checked = false;
        toast('At most three languages fit on a label.', 'error');
      }
    } }), language.toUpperCase()));
  const link = h('a.button.primary', { target: '_blank', 'data-action': 'labels-pdf' }, 'Open the label sheet (PDF)');
  const update = () => {
    const chosen = picks.map(p => p.querySelector('input')).filter(box => box.checked).map(box => box.value);
    const chosenLanguages = languages.map(l => l.querySelector('input')).filter(box => box.checked).map(box => box.value);
    link.href = `/api/v1/studio/sites/${siteId}/labels.pdf?exhibits=${chosen.join(',')}&languages=${chosenLanguages.join(',')}`;
    link.textContent = `Open the label sheet for ${chosen.length} exhibit(s) (PDF)`;
    link.toggleAttribute('hidden', chosen.length === 0);
  };
  main.addEventListener('change', update);
  fill(main, 
    h('div.page-head', {}, h('div', {}, h('h1', {}, 'QR labels'),
      h('p.sub', {}, 'Choose the exhibits to print. Each label opens the guide at that exhibit; only exhibits shown to visitors have labels.')),
      h('span.spacer'), link),
    where.phonesCanOpenIt
      ? h('p.small.muted', { 'data-label-address': '' }, 'The labels open ', h('strong', {}, `${where.address}/v/${siteId}/…`), '.')
      : h('p.notice.notice-error', { 'data-label-address': '' }, 'These labels would open ', h('strong', {}, where.address),
        ', an address only the guide’s own computer can open: a visitor’s phone could not. Before printing, ask whoever runs the guide to set ',
        h('code', {}, 'GUIDE_PUBLIC_BASE_URL'), ' to its public address.'),
    h('div.toolbar', {}, h('span.small.muted', {}, 'Languages on the label (up to 3):'), languages, h('span.spacer'),
      h('button', { onclick: () => { picks.forEach(p => { p.querySelector('input').checked = true; }); update(); } }, 'All'),
      h('button', { onclick: () => { picks.forEach(p => { p.querySelector('input').checked = false; }); update(); } }, 'None')),
    h('div.labels-grid', {}, picks));
  update();
}
