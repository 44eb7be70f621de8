// The studio page: one page for every /studio address, routed here in the browser.
import { api, fill, h, navigate, pick, problemList, toast, when } from './api.js';
import { exhibitEditor, fileEditor } from './editor.js';
import { dashboard, inbox } from './insights.js';
import { accounts, labels } from './admin.js';

const main = document.getElementById('main');
let me = null;

const routes = [
  [/^\/studio\/?$/, () => siteList()],
  [/^\/studio\/accounts$/, () => accounts(main, me)],
  [/^\/studio\/sites\/([a-z0-9-]+)\/?$/, site => siteOverview(site)],
  [/^\/studio\/sites\/([a-z0-9-]+)\/exhibits\/([a-z0-9-]+)$/, (site, exhibit) => exhibitEditor(main, site, exhibit)],
  [/^\/studio\/sites\/([a-z0-9-]+)\/files\/(site\.yaml|faq\.yaml)$/, (site, file) => fileEditor(main, site, file)],
  [/^\/studio\/sites\/([a-z0-9-]+)\/inbox$/, site => inbox(main, site)],
  [/^\/studio\/sites\/([a-z0-9-]+)\/dashboard$/, site => dashboard(main, site)],
  [/^\/studio\/sites\/([a-z0-9-]+)\/labels$/, site => labels(main, site)],
];

async function route() {
  const path = location.pathname;
  siteNav(path);
  for (const [pattern, view] of routes) {
    const match = path.match(pattern);
    if (match) {
      fill(main, h('p.muted', {}, 'Loading…'));
      try {
        await view(...match.slice(1));
      } catch (error) {
        fill(main, h('div.problems', { role: 'alert' }, error.message));
      }
      main.focus({ preventScroll: true });
      return;
    }
  }
  fill(main, h('p', {}, 'There is nothing at this address. ', h('a', { href: '/studio' }, 'Back to your sites')));
}

/** The names of the curator's sites, as the studio says them (English, else the site's own language), by id. */
let siteNames = null;

function siteName(site) {
  siteNames ??= api('/sites').then(({ data }) => new Map(data.map(s => [s.id, pick(s.name, 'en', s.sourceLanguage)])))
    .catch(() => { siteNames = null; return new Map(); });
  return siteNames.then(names => names.get(site) ?? site);
}

function siteNav(path) {
  const nav = document.getElementById('site-nav');
  const match = path.match(/^\/studio\/sites\/([a-z0-9-]+)/);
  if (!match) {
    fill(nav);
    return;
  }
  const site = match[1];
  const base = `/studio/sites/${site}`;
  const link = (href, text, active) => h('a', { href, 'aria-current': active ? 'page' : null }, text);
  const name = h('span.site-name', {}, site);
  siteName(site).then(text => { name.textContent = text; });
  fill(nav, 
    name,
    link(base, 'Exhibits', path === base || path.startsWith(`${base}/exhibits`) || path.startsWith(`${base}/files`)),
    link(`${base}/inbox`, 'Inbox', path.endsWith('/inbox')),
    link(`${base}/dashboard`, 'Dashboard', path.endsWith('/dashboard')),
    link(`${base}/labels`, 'QR labels', path.endsWith('/labels')),
  );
}

async function siteList() {
  const { data: sites } = await api('/sites');
  document.title = 'Your sites · Heritage Guide Studio';
  fill(main, 
    h('div.page-head', {}, h('div', {}, h('h1', {}, 'Your sites'),
      h('p.sub', {}, me.role === 'ADMIN' ? 'As an administrator you see every site.' : 'The sites you are a curator of.'))),
    sites.length === 0 ? h('p', {}, 'No site has been given to your account yet. Ask an administrator.') : null,
    h('div.cards', {}, sites.map(site => h('article.card.site-card', { 'data-site': site.id },
      h('a.cover', { href: `/studio/sites/${site.id}` },
        h('h2', {}, pick(site.name, 'en', site.sourceLanguage)),
        h('div.muted', {}, pick(site.name, site.sourceLanguage), ' · ', site.languages.join(', ').toUpperCase()),
        h('div.figures', {},
          figure(site.exhibits, 'exhibits'), figure(site.published, 'shown to visitors'),
          figure(site.changedFiles, 'unpublished changes'), site.problems ? figure(site.problems, 'problems') : null)),
      h('div.card-links', {},
        h('a', { href: `/studio/sites/${site.id}` }, 'Exhibits'),
        h('a', { href: `/studio/sites/${site.id}/inbox` }, `Inbox${site.unanswered ? ` (${site.unanswered} unanswered)` : ''}`),
        h('a', { href: `/studio/sites/${site.id}/dashboard` }, 'Dashboard'),
        h('a', { href: `/studio/sites/${site.id}/labels` }, 'QR labels')))))
  );
}

/** Who made a revision; "disk" is a file changed by hand in the content directory. */
export const author = name => (name === 'disk' ? 'content files' : name ?? '');

const figure = (value, label) => h('div.figure', {}, h('b', {}, value), h('span', {}, label));

async function siteOverview(site) {
  const { data } = await api(`/sites/${site}`);
  const source = data.sourceLanguage;
  document.title = `${pick(data.name, 'en', source)} · Heritage Guide Studio`;
  const pending = data.files.filter(f => f.changed);
  const selected = new Set();
  let filter = { text: '', state: 'all' };

  const liveBar = h('div.live-bar');
  renderLive(liveBar, data, pending, site);

  const body = h('tbody');
  const bulk = h('div.toolbar.bulk', { hidden: true });
  const renderRows = (rows) => {
    fill(body, ...rows.map(row => {
      const box = h('input', { type: 'checkbox', 'aria-label': `Select ${row.id}`, checked: selected.has(row.id),
        onchange: e => { e.target.checked ? selected.add(row.id) : selected.delete(row.id); renderBulk(); } });
      return h('tr', { 'data-exhibit': row.id },
        h('td.check', {}, box),
        h('td', {}, row.order > 100000 ? '' : row.order),
        h('td', {}, row.status === 'deleted' ? h('s', {}, pick(row.title, source)) : h('a', { href: `/studio/sites/${site}/exhibits/${row.id}` }, pick(row.title, source)),
          h('div.small.muted', {}, pick(row.title, 'en') !== pick(row.title, source) ? pick(row.title, 'en') : row.id)),
        h('td', {}, areaName(data, row.area)),
        h('td', {}, statusBadges(row)),
        h('td', {}, h('div.chips', {}, Object.entries(row.translations).map(([language, state]) =>
          h(`span.chip.${language === source ? 'source' : state}`, { title: language === source ? 'source language' : state }, language)))),
        h('td.small', {}, author(row.updatedBy), h('div.muted', {}, when(row.updatedAt))));
    }));
  };
  const visible = () => data.exhibits.filter(row => {
    if (filter.state === 'changed' && !row.changed) return false;
    if (filter.state === 'hidden' && row.status !== 'draft') return false;
    if (filter.state === 'translations' && Object.values(row.translations).every(s => s === 'ok')) return false;
    if (filter.ids && !filter.ids.has(row.id)) return false;
    return true;
  });
  const renderBulk = () => {
    bulk.hidden = selected.size === 0;
    fill(bulk, h('b', {}, `${selected.size} selected`),
      h('button.primary', { onclick: () => bulkStatus(site, [...selected], 'published') }, 'Publish & show to visitors'),
      h('button', { onclick: () => bulkStatus(site, [...selected], 'draft') }, 'Hide from visitors'),
      h('button', { onclick: () => publish(site, [...selected].map(id => `exhibits/${id}.yaml`)) }, 'Publish changes only'),
      h('button.link', { onclick: () => { selected.clear(); renderRows(visible()); renderBulk(); } }, 'Clear selection'));
  };
  const search = h('input', { type: 'search', placeholder: 'Search every language: titles, texts, FAQs…', 'aria-label': 'Search' });
  const results = h('div');
  let timer;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = search.value.trim();
      if (!q) { filter.ids = null; fill(results); renderRows(visible()); return; }
      const { data: hits } = await api(`/sites/${site}/search?q=${encodeURIComponent(q)}`);
      filter.ids = new Set(hits.filter(hit => hit.kind === 'exhibit').map(hit => hit.id));
      renderRows(visible());
      fill(results, hits.length === 0 ? h('p.muted', {}, 'Nothing found.') : h('ul.small', {},
        hits.map(hit => h('li', {}, h('a', { href: hit.kind === 'faq' ? `/studio/sites/${site}/files/faq.yaml` : `/studio/sites/${site}/exhibits/${hit.id}` },
          hit.kind === 'faq' ? `FAQ ${hit.id}` : pick(hit.title, source)), ' ', h('span.muted', {}, `${hit.field}${hit.language ? ` (${hit.language})` : ''}: ${hit.snippet}`)))));
    }, 250);
  });
  const stateFilter = h('select', { 'aria-label': 'Show', onchange: e => { filter.state = e.target.value; renderRows(visible()); } },
    h('option', { value: 'all' }, 'All exhibits'), h('option', { value: 'changed' }, 'With unpublished changes'),
    h('option', { value: 'hidden' }, 'Hidden from visitors'), h('option', { value: 'translations' }, 'Missing or outdated translations'));
  const selectAll = h('input', { type: 'checkbox', 'aria-label': 'Select all', onchange: e => {
    visible().forEach(row => e.target.checked ? selected.add(row.id) : selected.delete(row.id));
    renderRows(visible()); renderBulk();
  } });

  fill(main, 
    h('div.page-head', {}, h('div', {}, h('h1', {}, pick(data.name, source)),
      h('p.sub', {}, pick(data.name, 'en'), ` · source language ${source.toUpperCase()} · ${data.languages.length} languages · ${data.faqs} FAQs`)),
      h('span.spacer'),
      h('a.button', { href: `/studio/sites/${site}/files/site.yaml` }, 'Site details'),
      h('a.button', { href: `/studio/sites/${site}/files/faq.yaml` }, 'FAQ'),
      h('button.primary', { onclick: () => newExhibit(site, data) }, 'New exhibit')),
    liveBar,
    problemList(data.problems, 'Problems in the drafts (they cannot be published until fixed)'),
    problemList(data.liveProblems, 'Problems in the live content (the last good version is served)'),
    h('div.toolbar', {}, search, stateFilter, h('span.spacer'),
      h('span.small.muted', {}, 'Languages: ', h('span.chip.ok', {}, 'ok'), ' ', h('span.chip.outdated', {}, 'outdated'), ' ', h('span.chip.missing', {}, 'missing'))),
    results,
    bulk,
    h('div.table-wrap', {}, h('table', {},
      h('thead', {}, h('tr', {}, h('th.check', {}, selectAll), h('th', {}, '#'), h('th', {}, 'Exhibit'), h('th', {}, 'Area'),
        h('th', {}, 'Status'), h('th', {}, 'Languages'), h('th', {}, 'Last edit'))),
      body)));
  renderRows(visible());
}

function areaName(data, id) {
  const area = data.areas.find(a => a.id === id);
  return area ? pick(area.name, data.sourceLanguage) : (id ?? '');
}

function statusBadges(row) {
  const badges = [];
  if (row.status === 'deleted') return [h('span.badge.changed', { title: 'Deleted in the draft; publish to remove it from the guide' }, 'deleted: publish to remove')];
  if (row.isNew) badges.push(h('span.badge.new', {}, 'not yet published'));
  else if (row.liveStatus === 'published') badges.push(h('span.badge.live', {}, 'live'));
  else badges.push(h('span.badge.hidden', {}, 'hidden'));
  if (row.changed && !row.isNew) badges.push(' ', h('span.badge.changed', { title: 'The draft differs from what visitors get' }, 'unpublished changes'));
  if (row.status === 'draft' && row.liveStatus === 'published') badges.push(' ', h('span.badge.changed', {}, 'to hide'));
  if (row.status === 'published' && row.liveStatus !== 'published' && !row.isNew) badges.push(' ', h('span.badge.changed', {}, 'to show'));
  return badges;
}

function renderLive(bar, data, pending, site) {
  const job = data.publication;
  bar.className = 'live-bar';
  if (job?.state === 'RUNNING') {
    bar.classList.add('pending');
    fill(bar, h('b', {}, 'Publishing…'), progress(job), h('span', {}, job.steps.map(s => s.name).join(' · ')));
    return;
  }
  const parts = [h('b', {}, 'Live for visitors'), h('span.muted', { title: `catalog version ${data.liveVersion}` }, `since ${when(data.liveSince)}`)];
  if (job?.state === 'FAILED') {
    bar.classList.add('failed');
    parts.push(h('span', {}, job.message));
  } else if (job?.state === 'DONE' && job.message) {
    parts.push(h('span', {}, job.message));
    const working = job.steps.filter(step => step.done < step.total);
    if (working.length) {
      parts.push(progress({ steps: working }), h('span.small', {}, working.map(s => `${s.name}: ${s.done} of ${s.total}`).join(' · ')));
      const here = location.pathname;
      setTimeout(async () => {
        if (location.pathname !== here) return;
        const { data: fresh } = await api(`/sites/${site}`);
        renderLive(bar, fresh, fresh.files.filter(f => f.changed), site);
      }, 1500);
    }
  }
  parts.push(h('span.spacer'));
  if (pending.length) {
    bar.classList.add('pending');
    parts.push(h('span', {}, `${pending.length} file(s) with unpublished changes`),
      h('button.primary', { onclick: () => publish(site, []) }, 'Publish all changes'));
  } else {
    parts.push(h('span', {}, 'Visitors get exactly what you see here.'));
  }
  fill(bar, ...parts);
}

function progress(job) {
  const total = job.steps.reduce((sum, s) => sum + s.total, 0) || 1;
  const done = job.steps.reduce((sum, s) => sum + s.done, 0);
  const bar = h('span');
  bar.style.width = `${Math.round(100 * done / total)}%`;
  return h('div.progress', { role: 'progressbar', 'aria-valuenow': Math.round(100 * done / total) }, bar);
}

/** Publishes (all changed files, or the given ones) and follows the progress until done. */
export async function publish(site, paths, { reload = true } = {}) {
  try {
    await api(`/sites/${site}/publication`, { method: 'POST', body: { paths } });
    toast('Publishing…');
    for (let i = 0; i < 600; i++) {
      const { data: job } = await api(`/sites/${site}/publication`);
      if (job.state !== 'RUNNING') {
        if (job.state === 'FAILED') {
          toast(job.message, 'error');
          showProblems(job);
        } else toast(job.message);
        break;
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  } catch (error) {
    toast(error.message, 'error');
  }
  if (reload) await route();
}

function showProblems(job) {
  const list = problemList(job.problems, job.message);
  if (list) main.prepend(list);
}

async function bulkStatus(site, exhibits, status) {
  try {
    const { data } = await api(`/sites/${site}/exhibits/status`, { method: 'POST', body: { exhibits, status, publish: true } });
    const job = data.publication;
    toast(job?.state === 'FAILED' ? job.message : `${exhibits.length} exhibit(s) ${status === 'published' ? 'shown to visitors' : 'hidden from visitors'}.`,
      job?.state === 'FAILED' ? 'error' : '');
  } catch (error) {
    toast(error.message, 'error');
  }
  await route();
}

function newExhibit(site, data) {
  const source = data.defaultLanguage;
  const id = h('input', { name: 'id', required: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*', placeholder: 'e.g. bronze-drum' });
  const area = h('select', { name: 'area' }, h('option', { value: '' }, '—'), data.areas.map(a => h('option', { value: a.id }, pick(a.name, data.sourceLanguage))));
  const title = h('input', { name: 'title', required: true });
  const summary = h('textarea', { name: 'summary', required: true, rows: 3 });
  const error = h('p.notice.notice-error', { hidden: true });
  const dialog = h('dialog', {}, h('form', { method: 'dialog', onsubmit: async e => {
    e.preventDefault();
    try {
      await api(`/sites/${site}/exhibits`, { method: 'POST', body: {
        id: id.value.trim(), area: area.value || null, title: { [source]: title.value }, summary: { [source]: summary.value } } });
      dialog.close();
      navigate(`/studio/sites/${site}/exhibits/${id.value.trim()}`);
    } catch (failure) {
      error.hidden = false;
      error.textContent = failure.body?.problems?.map(p => `${p.field}: ${p.message}`).join('; ') || failure.message;
    }
  } },
  h('div.dialog-body.stack', {}, h('h2', {}, 'New exhibit'), h('p.muted', {}, 'It starts hidden from visitors; publish it when it is ready.'),
    error, h('label', {}, 'Id (used in the QR label address)', id), h('label', {}, 'Area', area),
    h('label', {}, `Title (${source})`, title), h('label', {}, `Summary (${source}): what the guide says first`, summary)),
  h('div.dialog-foot', {}, h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'), h('button.primary', { type: 'submit' }, 'Create draft'))));
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
}

document.addEventListener('click', event => {
  const link = event.target.closest('a[href^="/studio"]');
  if (!link || link.target || event.metaKey || event.ctrlKey || event.shiftKey || link.hasAttribute('download')) return;
  if (link.getAttribute('href').startsWith('/studio/assets')) return;
  event.preventDefault();
  navigate(link.getAttribute('href'));
});
window.addEventListener('popstate', route);

async function start() {
  ({ data: me } = await api('/me'));
  document.getElementById('who').textContent = `${me.username} · ${me.role === 'ADMIN' ? 'administrator' : 'curator'}`;
  document.getElementById('accounts-link').hidden = me.role !== 'ADMIN';
  await route();
}
start();

/** Who is logged in: {username, role, sites}. */
const account = () => me;

export { route, account };

