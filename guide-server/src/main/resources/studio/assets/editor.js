// Editing one content file: an exhibit side by side in every language, or any file as YAML.
import { api, fill, ApiError, h, pick, problemList, toast, when } from './api.js';
import { endonym } from './language-names.js';
import { account, author, publish } from './app.js';
import { tryIt } from './preview.js';

/** Grows a text box to show all of its text. */
const grow = area => {
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight + 2}px`;
};

const clone = value => JSON.parse(JSON.stringify(value ?? {}));

/** The site's languages, source language first. */
function languagesOf(site) {
  return [site.sourceLanguage, ...site.languages.filter(l => l !== site.sourceLanguage)];
}

/** What the grid calls a field (by its name, or list.field within a list's items) and a note; else its name. */
const LABELS = {
  title: ['Title'], aliases: ['Other names', 'what visitors also call it, comma-separated'],
  summary: ['Summary', 'what the guide says first'], passages: ['Paragraph', '“tell me more”'],
  'facts.label': ['Fact', 'label'], 'facts.value': ['Fact', 'value'], location: ['Location', 'where it is'],
  'pictures.alt': ['Picture', 'alt text: what it shows, for those who cannot see it'], 'pictures.caption': ['Picture', 'caption'],
};
const LOCALIZED = ['LOCALIZED_LINE', 'LOCALIZED_TEXT', 'LOCALIZED_NAMES'];
/** [label, note] of a field; the note may be undefined. */
const labelOf = key => {
  const [label, note] = LABELS[key] ?? [key];
  return [label, note];
};

/**
 * Every localized field of an exhibit, as [path, label, note, shape], in reading order: by the server's
 * description of an exhibit's fields (GET /content-fields), a list's fields once per item.
 */
function fieldsOf(doc, description) {
  const fields = [];
  for (const field of description) {
    if (LOCALIZED.includes(field.shape)) {
      const [label, note] = labelOf(field.name);
      fields.push([field.name, label, note, field.shape]);
    } else if (field.shape === 'LOCALIZED_TEXTS') {
      const [label, note] = labelOf(field.name);
      (doc[field.name] ?? []).forEach((_, i) => fields.push([`${field.name}[${i}]`, `${label} ${i + 1}`, note, 'LOCALIZED_TEXT']));
    } else if (field.shape === 'LIST') {
      (doc[field.name] ?? []).forEach((item, i) => field.fields.filter(part => LOCALIZED.includes(part.shape)).forEach((part, j) => {
        const [label, note] = labelOf(`${field.name}.${part.name}`);
        // an item's first row names its file, if it has one (a picture)
        const named = j === 0 && item.file ? `: ${item.file}` : '';
        fields.push([`${field.name}[${i}].${part.name}`, `${label} ${i + 1}${named}`, note, part.shape]);
      }));
    }
  }
  return fields;
}

/** The lists of two versions of an exhibit, each as long as the longer one's: every item of either is compared. */
function longestLists(a, b, description) {
  const merged = { ...a };
  description.filter(field => field.shape === 'LOCALIZED_TEXTS' || field.shape === 'LIST').forEach(({ name }) => {
    merged[name] = (a[name] ?? []).length >= (b[name] ?? []).length ? a[name] : b[name];
  });
  return merged;
}

function getAt(doc, path) {
  let node = doc;
  for (const part of path.match(/[^.[\]]+/g)) {
    if (node == null) return undefined;
    node = node[/^\d+$/.test(part) ? Number(part) : part];
  }
  return node;
}

function ensureAt(doc, path) {
  let node = doc;
  for (const part of path.match(/[^.[\]]+/g)) {
    const key = /^\d+$/.test(part) ? Number(part) : part;
    if (node[key] == null || typeof node[key] !== 'object') node[key] = {};
    node = node[key];
  }
  return node;
}

export async function exhibitEditor(main, siteId, exhibitId, tab = 'edit') {
  const path = `exhibits/${exhibitId}.yaml`;
  const [{ data: site }, { data: file, etag }, { data: contentFields }] = await Promise.all([
    api(`/sites/${siteId}`), api(`/sites/${siteId}/files/${path}`), api('/content-fields')]);
  const state = { doc: clone(file.data), etag: etag ?? file.etag, saved: JSON.stringify(file.data), file, fields: contentFields.exhibit };
  const liveOf = () => state.file.publishedData ?? null;
  const languages = languagesOf(site);
  const source = site.sourceLanguage;
  const row = site.exhibits.find(e => e.id === exhibitId);
  document.title = `${pick(state.doc.title, source)} · Heritage Guide Studio`;

  const problemsBox = h('div');
  const message = h('input', { name: 'message', placeholder: 'What did you change? (optional)', 'aria-label': 'Revision message' });
  const dirtyNote = h('span.small.muted');
  const markDirty = () => { dirtyNote.textContent = JSON.stringify(state.doc) === state.saved ? '' : 'Unsaved changes'; };
  const panels = { edit: h('div'), yaml: h('div'), history: h('div'), try: h('div') };

  const renderGrid = (fieldProblems = {}) => {
    const translations = state.file.translations ?? {};
    const meta = h('div.meta-fields', {},
      h('label', {}, 'Status', h('select', { name: 'status', onchange: e => { state.doc.status = e.target.value; markDirty(); } },
        h('option', { value: 'published', selected: state.doc.status === 'published' }, 'Shown to visitors'),
        h('option', { value: 'draft', selected: state.doc.status !== 'published' }, 'Hidden (draft)'))),
      h('label', {}, 'Area', h('select', { name: 'area', onchange: e => { state.doc.area = e.target.value || null; markDirty(); } },
        h('option', { value: '' }, '—'),
        site.areas.map(a => h('option', { value: a.id, selected: a.id === state.doc.area }, pick(a.name, source))))),
      h('label', {}, 'Tour order', h('input', { type: 'number', min: 1, name: 'order', value: state.doc.order ?? '',
        oninput: e => { state.doc.order = e.target.value === '' ? null : Number(e.target.value); markDirty(); } })),
      h('label', {}, 'Related exhibits (ids, comma-separated)', h('input', { name: 'related', value: (state.doc.related ?? []).join(', '),
        oninput: e => { state.doc.related = e.target.value.split(',').map(s => s.trim()).filter(Boolean); markDirty(); } })));
    const head = h('tr', {}, h('th', {}, 'Field'), languages.map(language => {
      const status = language === source ? 'source' : translations[language]?.state ?? 'ok';
      return h('th.lang', { 'data-lang': language }, h('div.lang-head', {}, endonym(language),
        h(`span.chip.${status}`, {}, language === source ? 'source' : status)));
    }));
    const rows = fieldsOf(state.doc, state.fields).map(([field, label, note, shape]) => {
      const problem = fieldProblems[field] ?? fieldProblems[field.replace(/\.(label|value)$/, '')];
      return h('tr', { 'data-field': field },
        h('td.field', {}, label, note ? h('small', {}, note) : null, problem ? h('div.field-problem', {}, problem) : null,
          thumbnail(field),
          /^passages\[\d+\]$/.test(field) ? h('button.link.small', { onclick: () => { state.doc.passages.splice(Number(field.match(/\d+/)[0]), 1); markDirty(); renderGrid(); } }, 'remove') : null),
        languages.map(language => {
          const texts = getAt(state.doc, field) ?? {};
          const mark = translations[language]?.fields?.[field];
          const live = liveOf();
          // other names are a list per language, edited as one comma-separated line
          const names = shape === 'LOCALIZED_NAMES';
          const shown = text => names ? (text ?? []).join(', ') : text;
          const liveText = live ? shown((getAt(live, field) ?? {})[language]) : undefined;
          const value = shown(texts[language]) ?? '';
          const area = h(`textarea${mark ? `.${mark}` : ''}${live && String(liveText ?? '') !== String(value) ? '.changed' : ''}`, {
            name: `${field}.${language}`, lang: language, rows: shape === 'LOCALIZED_TEXT' ? 4 : 1,
            'aria-label': `${label} ${note ?? ''} (${language})`, value,
            // a field the source language leaves empty too is optional, not a translation missing
            placeholder: names || language === source || !texts[source] ? '' : `Missing: translate from ${source.toUpperCase()}`,
            title: live && String(liveText ?? '') !== String(value) ? 'Differs from the live version' : '',
            oninput: e => {
              ensureAt(state.doc, field)[language] = names
                ? e.target.value.split(/[,，、]/).map(name => name.trim()).filter(Boolean) : e.target.value;
              grow(e.target); markDirty();
            },
          });
          return h('td', {}, area, mark ? h(`div.hint.${mark}`, {}, mark === 'missing' ? 'Missing translation' : `The ${source.toUpperCase()} text changed since this was translated`) : null);
        }));
    });
    fill(panels.edit, meta,
      h('div.table-wrap', {}, h('table.grid-table', {}, h('thead', {}, head), h('tbody', {}, rows))),
      h('div.toolbar', {},
        h('button', { onclick: () => { (state.doc.passages ??= []).push({}); markDirty(); renderGrid(); } }, 'Add a paragraph'),
        h('button', { onclick: () => { (state.doc.facts ??= []).push({ label: {}, value: {} }); markDirty(); renderGrid(); } }, 'Add a fact')),
      pictureForm());
    requestAnimationFrame(() => panels.edit.querySelectorAll('textarea').forEach(grow));
  };

  /** Beside a picture's alt text: the picture itself, at the small size visitors' phones get, and its credit. */
  const thumbnail = field => {
    const at = field.match(/^pictures\[(\d+)\]\.alt$/);
    const picture = at && state.doc.pictures?.[Number(at[1])];
    if (!picture?.file) return null;
    const missing = h('p.small.muted', { hidden: true }, 'No preview: the file cannot be read as a picture.');
    const img = h('img.picture-thumb', {
      src: `/api/v1/studio/sites/${encodeURIComponent(siteId)}/pictures/${encodeURIComponent(picture.file)}?w=320`,
      // its alt text is the row's own fields, beside it; loaded at once: an exhibit has a few pictures, and a
      // curator scrolling to them should not wait
      alt: '', decoding: 'async',
      onerror: () => { img.hidden = true; missing.hidden = false; },
    });
    return h('figure.picture-thumb', {}, img, missing, picture.credit ? h('figcaption.small.muted', {}, picture.credit) : null);
  };

  const save = async ({ overwrite } = {}) => {
    try {
      const { data: saved, etag: newEtag } = await api(`/sites/${siteId}/files/${path}`, {
        method: 'PUT', body: { data: state.doc, message: message.value }, etag: overwrite ?? state.etag });
      state.etag = newEtag ?? saved.etag;
      await reload();
      toast('Draft saved. Visitors still get the live version until you publish.');
      return true;
    } catch (error) {
      if (error.status === 409) conflict(error.body, state, save, reload);
      else if (error.status === 422) {
        const byField = {};
        error.body.problems.forEach(p => { byField[p.field] = p.message; });
        fill(problemsBox, problemList(error.body.problems, error.body.message));
        renderGrid(byField);
      } else toast(error.message, 'error');
      return false;
    }
  };
  /** Adding a picture: the file with its credit and alt text in the source language; the other languages are then edited above. */
  const pictureForm = () => {
    const file = h('input', { type: 'file', name: 'file', accept: 'image/jpeg,image/png,image/webp', required: true });
    const alt = h('input', { name: 'alt', lang: source, required: true });
    const credit = h('input', { name: 'credit', required: true, placeholder: 'e.g. Photo: Nguyễn Văn A, CC BY 4.0' });
    const problems = h('div');
    return h('form.picture-form', { onsubmit: async event => {
      event.preventDefault();
      if (JSON.stringify(state.doc) !== state.saved && !(await save())) return;
      const body = new FormData();
      body.append('file', file.files[0]);
      body.append(`alt.${source}`, alt.value);
      body.append('credit', credit.value);
      try {
        await api(`/sites/${siteId}/exhibits/${exhibitId}/pictures`, { method: 'POST', body });
        toast('Picture added to the draft. Translate its alt text and caption, then publish.');
        await reload();
      } catch (error) {
        fill(problems, error.body?.problems ? problemList(error.body.problems, error.body.message)
          : h('p.problems', { role: 'alert' }, error.message));
      }
    } },
    h('h2', {}, 'Add a picture'),
    h('p.small.muted', {}, 'JPEG, PNG or WebP, at most 15 MB. Only pictures you may publish, with their credit and licence.'),
    problems,
    h('label', {}, 'Picture', file),
    h('label', {}, `What it shows (alt text, ${endonym(source)})`, alt),
    h('label', {}, 'Credit', credit),
    h('button', { type: 'submit', 'data-action': 'upload-picture' }, 'Upload'));
  };

  let shown = tab;
  const reload = () => exhibitEditor(main, siteId, exhibitId, shown);
  const renderYaml = () => yamlPanel(panels.yaml, siteId, path, state, reload);

  const tabs = tabStrip(panels, name => {
    shown = name;
    main.querySelector('.savebar')?.toggleAttribute('hidden', name !== 'edit');
    if (name === 'history') historyPanel(panels.history, siteId, path, state, reload);
    if (name === 'try') tryIt(panels.try, siteId, exhibitId, site, state);
    if (name === 'yaml') renderYaml();
  });
  renderGrid(Object.fromEntries((file.problems ?? []).map(p => [p.field, p.message])));

  fill(main, 
    h('div.editor-head', {}, h('div', {}, h('div.small', {}, h('a', { href: `/studio/sites/${siteId}` }, pick(site.name, source)), ' / exhibits'),
      h('h1', {}, pick(state.doc.title, source)), h('div.small.muted', {}, `${exhibitId} · `, row ? statusText(row) : '')),
    h('span.spacer'),
    h('a.button', { href: `/studio/sites/${siteId}/labels?exhibit=${exhibitId}` }, 'QR label')),
    problemsBox, problemList(file.problems, 'Problems in this draft'),
    tabs, ...Object.values(panels),
    h('div.savebar', {}, message,
      h('button.primary', { onclick: () => save(), 'data-action': 'save' }, 'Save draft'),
      h('button', { 'data-action': 'publish', onclick: async () => {
        if (JSON.stringify(state.doc) !== state.saved && !(await save())) return;
        await publish(siteId, [path], { reload: false });
        await reload();
      } }, 'Publish this exhibit'),
      dirtyNote, h('span.spacer'),
      state.file.changed && state.file.publishedYaml ? h('button', { 'data-action': 'discard', onclick: async () => {
        if (!confirm('Go back to the live version? Your draft stays in the history.')) return;
        try {
          await api(`/sites/${siteId}/files/${path}`, { method: 'PUT', etag: state.etag,
            body: { yaml: state.file.publishedYaml, message: 'Back to the live version' } });
          await reload();
          toast('The draft is the live version again.');
        } catch (error) {
          toast(error.message, 'error');
        }
      } }, 'Discard changes') : null,
      h('button.danger', { 'data-action': 'delete', onclick: async () => {
        if (!confirm('Delete this exhibit? Visitors keep it until you publish; it stays in the history.')) return;
        try {
          await api(`/sites/${siteId}/files/${path}`, { method: 'DELETE', etag: state.etag });
          toast('Deleted from the draft. Publish to remove it from the guide.');
          history.pushState({}, '', `/studio/sites/${siteId}`);
          window.dispatchEvent(new PopStateEvent('popstate'));
        } catch (error) {
          toast(error.body?.problems?.map(p => `${p.file}: ${p.message}`).join('; ') || error.message, 'error');
        }
      } }, 'Delete exhibit')));
  if (tab !== 'edit') tabs.querySelector(`[data-tab="${tab}"]`)?.click();
  document.onkeydown = event => {
    if ((event.ctrlKey || event.metaKey) && event.key === 's' && location.pathname.includes('/exhibits/')) {
      event.preventDefault();
      save();
    }
  };
}

function statusText(row) {
  if (row.isNew) return 'not yet published';
  const live = row.liveStatus === 'published' ? 'live for visitors' : 'hidden from visitors';
  return row.changed ? `${live} · unpublished changes` : live;
}

function tabStrip(panels, onShow) {
  const names = { edit: 'Side by side', yaml: 'YAML', history: 'History', try: 'Try it' };
  const buttons = Object.keys(panels).map(name => h('button', { role: 'tab', 'data-tab': name, 'aria-selected': name === 'edit' ? 'true' : 'false',
    onclick: () => {
      buttons.forEach(b => b.setAttribute('aria-selected', String(b.dataset.tab === name)));
      Object.entries(panels).forEach(([key, panel]) => { panel.hidden = key !== name; });
      onShow(name);
    } }, names[name] ?? name));
  Object.entries(panels).forEach(([key, panel]) => { panel.hidden = key !== 'edit'; });
  return h('div.tabs', { role: 'tablist' }, buttons);
}

function yamlPanel(panel, siteId, path, state, reload) {
  const text = h('textarea.yaml', { spellcheck: 'false', 'aria-label': `${path} as YAML`, value: state.file.yaml ?? '' });
  const problems = h('div');
  fill(panel, h('p.small.muted', {}, 'The file exactly as it is kept. Check finds every problem with its line and field.'),
    problems, text,
    h('div.toolbar', {},
      h('button', { onclick: async () => {
        const { data } = await api(`/sites/${siteId}/validate?path=${encodeURIComponent(path)}`, { method: 'POST', body: { yaml: text.value } });
        fill(problems, data.problems.length ? problemList(data.problems) : h('p.notice.notice-info', {}, 'No problems found.'));
      } }, 'Check'),
      h('button.primary', { onclick: async () => {
        try {
          await api(`/sites/${siteId}/files/${path}`, { method: 'PUT', body: { yaml: text.value }, etag: state.etag });
          await reload();
          toast('Draft saved.');
        } catch (error) {
          if (error.status === 409) conflict(error.body, { ...state, doc: null, yaml: text.value }, () => {}, reload);
          else if (error.status === 422) fill(problems, problemList(error.body.problems, error.body.message));
          else toast(error.message, 'error');
        }
      } }, 'Save YAML as draft')));
}

async function historyPanel(panel, siteId, path, state, reload) {
  const { data } = await api(`/sites/${siteId}/history?path=${encodeURIComponent(path)}`);
  fill(panel, h('p.small.muted', {}, 'Every save is kept. Restoring makes an earlier version the draft again, as a new revision: nothing is lost.'),
    h('div.table-wrap', {}, h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'When'), h('th', {}, 'Who'), h('th', {}, 'What'), h('th', {}, ''), h('th', {}, ''))),
      h('tbody', {}, data.revisions.map(entry => h('tr', { 'data-revision': entry.revision.id },
        h('td', {}, when(entry.revision.at)), h('td', {}, author(entry.revision.author)), h('td', {}, entry.revision.message),
        h('td', {}, entry.live ? h('span.badge.live', {}, 'live') : null, ' ', entry.current ? h('span.badge.new', {}, 'current draft') : null),
        h('td', {}, h('div.row', {},
          h('button', { onclick: () => showRevision(siteId, path, entry, state) }, 'View'),
          entry.current || !entry.etag ? null : h('button', { 'data-action': 'restore', onclick: async () => {
            try {
              await api(`/sites/${siteId}/restore`, { method: 'POST', body: { path, revision: entry.revision.id }, etag: state.etag });
              await reload();
              toast(`Restored the version of ${when(entry.revision.at)} as the draft.`);
            } catch (error) {
              toast(error.message, 'error');
            }
          } }, 'Restore')))))))));
}

async function showRevision(siteId, path, entry, state) {
  const { data } = await api(`/sites/${siteId}/revisions/${entry.revision.id}?path=${encodeURIComponent(path)}`);
  modal(`Version of ${when(entry.revision.at)} by ${entry.revision.author}`,
    h('div.compare', {}, h('div', {}, h('b', {}, 'That version'), h('pre', {}, data.yaml)),
      h('div', {}, h('b', {}, 'Current draft'), h('pre', {}, state.file.yaml ?? ''))), []);
}

/** Someone saved first: show both versions, field by field, and let the curator choose. */
function conflict(body, state, save, reload) {
  const theirs = body.current ?? {};
  const differences = [];
  if (state.doc && theirs.data) {
    for (const [field, label] of fieldsOf(longestLists(theirs.data, state.doc, state.fields), state.fields)) {
      const a = getAt(theirs.data, field) ?? {};
      const b = getAt(state.doc, field) ?? {};
      for (const language of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (String(a[language] ?? '') !== String(b[language] ?? '')) differences.push([`${label} (${language})`, a[language] ?? '', b[language] ?? '']);
      }
    }
  }
  const content = h('div', {}, h('p.notice.notice-error', {}, body.message),
    theirs.author ? h('p.small.muted', {}, `Their save: ${theirs.author}, ${when(theirs.at)} — “${theirs.message ?? ''}”`) : null,
    differences.length
      ? h('div', {}, h('div.compare', {}, h('b', {}, `Their version (${theirs.author ?? 'saved'})`), h('b', {}, 'Your version (not saved yet)')),
        differences.map(([label, a, b]) => h('div.diff-field', {}, h('div.small', {}, h('b', {}, label)),
          h('div.compare', {}, h('pre.was', {}, a || '—'), h('pre.now', {}, b || '—')))))
      : h('div.compare', {}, h('div', {}, h('b', {}, 'Their version'), h('pre', {}, theirs.yaml ?? '')),
        h('div', {}, h('b', {}, 'Your version'), h('pre', {}, state.yaml ?? ''))));
  modal('Someone else saved this exhibit', content, [
    ['Use their version', async () => { await reload(); toast('Loaded their version; yours was not saved.'); }],
    state.doc ? ['Keep my version', () => save({ overwrite: theirs.etag }), 'primary'] : null,
  ].filter(Boolean), 'conflict');
}


function modal(title, content, actions, name = 'modal') {
  const dialog = h('dialog', { 'data-dialog': name }, h('div.dialog-body', {}, h('h2', {}, title), content),
    h('div.dialog-foot', {}, h('button', { onclick: () => dialog.close() }, 'Close'),
      actions.map(([label, action, kind]) => h(`button${kind ? `.${kind}` : ''}`, { onclick: async () => { dialog.close(); await action(); } }, label))));
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
}

/** site.yaml or faq.yaml: as YAML, with checks, history and publishing. */
export async function fileEditor(main, siteId, file) {
  const { data, etag } = await api(`/sites/${siteId}/files/${file}`);
  const state = { file: data, etag: etag ?? data.etag, doc: null };
  const panels = { yaml: h('div'), history: h('div') };
  const reload = async () => {
    const { data: fresh, etag: freshEtag } = await api(`/sites/${siteId}/files/${file}`);
    state.file = fresh;
    state.etag = freshEtag ?? fresh.etag;
    yamlPanel(panels.yaml, siteId, file, state, reload);
  };
  yamlPanel(panels.yaml, siteId, file, state, reload);
  const strip = tabStrip(panels, name => { if (name === 'history') historyPanel(panels.history, siteId, file, state, reload); });
  strip.querySelector('[data-tab="yaml"]').setAttribute('aria-selected', 'true');
  panels.yaml.hidden = false;
  fill(main, h('div.editor-head', {}, h('div', {},
    h('div.small', {}, h('a', { href: `/studio/sites/${siteId}` }, siteId), ' / ', file),
    h('h1', {}, file === 'faq.yaml' ? 'Frequently asked questions' : 'Site details'),
    h('div.small.muted', {}, data.changed ? 'Unpublished changes' : 'Same as the live version')), h('span.spacer'),
  h('button', { onclick: async () => { await publish(siteId, [file], { reload: false }); await reload(); } }, 'Publish this file')),
  problemList(data.problems), file === 'site.yaml' ? browserSpeechSetting(siteId, state, reload) : null,
  strip, ...Object.values(panels));
}

const BROWSER_SPEECH = {
  'on-device': 'On the phone only: nothing the visitor says leaves the phone',
  'remote-allowed': 'On the phone, else the browser\'s online service (the visitor is told first)',
  off: 'Never: visitors the guide cannot hear type',
};

/**
 * Whether visitors whose language the guide cannot hear may talk through their browser's recognizer
 * (site.yaml `browserSpeech`): a privacy decision, so only an administrator changes it; curators see it.
 */
function browserSpeechSetting(siteId, state, reload) {
  let current = state.file.data?.browserSpeech ?? 'on-device';
  const label = 'Speech recognition in visitors\' browsers';
  const explanation = h('p.small.muted', {}, 'For languages the guide has no speech model for. ',
    'The online service belongs to the browser\'s maker (Google, Apple…): the visitor\'s voice goes there.');
  if (account()?.role !== 'ADMIN') {
    return h('section.setting', {}, h('p', {}, h('b', {}, label, ': '), BROWSER_SPEECH[current] ?? current,
      ' (an administrator decides)'), explanation);
  }
  const select = h('select', { name: 'browserSpeech', onchange: async () => {
    const line = `browserSpeech: ${select.value}`;
    const yaml = /^browserSpeech:.*$/m.test(state.file.yaml)
      ? state.file.yaml.replace(/^browserSpeech:.*$/m, line)
      : `${state.file.yaml.replace(/\n*$/, '\n')}${line}\n`;
    try {
      await api(`/sites/${siteId}/files/site.yaml`, { method: 'PUT', etag: state.etag,
        body: { yaml, message: `Speech recognition in visitors' browsers: ${select.value}` } });
      current = select.value;
      toast('Saved as a draft: publish site.yaml for visitors to get it.');
      await reload();
    } catch (error) {
      toast(error.message, 'error');
      select.value = current;
    }
  } }, Object.entries(BROWSER_SPEECH).map(([value, text]) => h('option', { value, selected: value === current }, text)));
  return h('section.setting', {}, h('label', {}, h('b', {}, label), select), explanation);
}

export { ApiError };
