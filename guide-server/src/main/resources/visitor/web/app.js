// The visitor web app: the page a QR label opens. Voice first (hold or tap the big button), typing
// always possible, answers shown as captions and spoken. See docs/api.md for the server side.

import { api, memory, ApiError, NetworkError } from './api.js';
import { useLanguage, currentLanguage, t, translate, endonym, languageName, pick, setText } from './i18n.js';
import { Player } from './player.js';
import { Microphone, MicrophoneError, VoiceSocket, microphoneSupported } from './voice.js';
import { chooseRecognizer, installOnDevice, BrowserListener } from './recognition.js';

/** A press shorter than this is a tap (toggle); longer is hold-to-talk. */
const HOLD_MS = 350;
/** Tap-to-talk stops by itself after this long, in case the server never hears the end. */
const MAX_UTTERANCE_MS = 30000;
/** If a spoken answer's audio has not started streaming after this long, its file is fetched instead. */
const AUDIO_GRACE_MS = 1500;
/** Past this, a question that got no answer is reported as failed. */
const ANSWER_TIMEOUT_MS = 25000;

const $ = (id) => document.getElementById(id);
const body = document.body;
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

const place = {
  site: body.dataset.site || null,
  exhibit: body.dataset.exhibit || null,
  sig: body.dataset.sig || null,
  handoff: body.dataset.session || null,
};

let language = document.documentElement.lang || 'en';
let siteData = null;
let exhibitData = null;
let session = null;
let log = [];
let asked = new Set();
let state = 'idle';
let greeting = null;
let problem = null;
/** Who hears the visitor's questions in their language (recognition.js): the guide, the browser, or no one. */
let recognizer = { kind: 'server' };
/** Languages the server said it cannot hear (WS `no-speech-model`), remembered for this visit. */
const noSpeech = new Set(remembered('hg.no-speech') || []);

function remembered(key) {
  try { return JSON.parse(sessionStorage.getItem(key)); } catch { return null; }
}

const player = new Player({
  onStart: () => {
    body.dataset.played = String(Number(body.dataset.played || 0) + 1);
    setState('speaking');
  },
  onIdle: () => { if (state === 'speaking') setState('idle'); },
  onCut: () => { body.dataset.cut = String(Number(body.dataset.cut || 0) + 1); },
});
const microphone = new Microphone();
const socket = new VoiceSocket({
  url: () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/v1/sessions/${encodeURIComponent(session.id)}/voice`,
  onMessage: (message) => onVoiceMessage(message),
  onAudio: (data) => onVoiceAudio(data),
  onClose: () => onVoiceClosed(),
});

// ---------------------------------------------------------------- start

start().catch((failure) => {
  if (failure instanceof Stopped) return;
  console.error(failure);
  showProblem('error.generic', [], [retryAction(() => location.reload())]);
});

async function start() {
  if (memory.experienced()) body.dataset.experienced = 'true';
  registerServiceWorker();
  bindControls();
  await useLanguage(language);
  translate();

  if (!place.site) {
    const found = await findPlace();
    if (!found) return;
  }
  memory.keepPlace(place.site, place.exhibit);
  // the exhibit shows as soon as the site's description is here (kept by the service worker on a
  // second visit), even if the conversation cannot be opened yet on a bad connection
  const opening = openSession();
  opening.catch(() => {});
  await loadSite().catch(labelProblem);
  renderAll();
  await decideRecognizer();
  keepForNextVisit();
  await opening;
  renderAll();
  log = memory.log(session.id);
  log.forEach((item) => {
    item.element = renderItem(item);
    $('log').append(item.element);
  });
  if (session.greeting && session.greeting.text) {
    if (log.length) addItem({ kind: 'place', exhibit: session.exhibit }, { reveal: false });
    greeting = addItem({ kind: 'guide', text: session.greeting.text, language: session.language, audioUrl: session.greeting.audioUrl },
      { reveal: false });
  }
  renderSuggestions();
  body.dataset.ready = 'true';
  // a wrong label's page leads here to the site's exhibits
  if (location.hash === '#exhibits' && siteData && siteData.exhibits.length) openPanel($('exhibits-dialog'), $('open-exhibits'));
}

/** A page without a label in its address: a kiosk hand-off (/c/{id}), or the installed app's start page. */
async function findPlace() {
  const handoff = place.handoff || (location.pathname.match(/^\/c\/([^/]+)$/) || [])[1];
  const label = location.pathname.match(/^\/v\/([^/]+)\/([^/]+)$/);
  const siteOnly = location.pathname.match(/^\/v\/([^/]+)$/);
  if (handoff) {
    try {
      const view = await retrying(() => api.session(decodeURIComponent(handoff)));
      memory.keepSession(view.site, view.id);
      Object.assign(place, { site: view.site, exhibit: view.exhibit, handoff: view.id });
      return true;
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) {
        showEnd('handoff.expired.title', 'handoff.expired.body');
        return false;
      }
      throw failure;
    }
  }
  if (label) {
    Object.assign(place, { site: decodeURIComponent(label[1]), exhibit: decodeURIComponent(label[2]),
      sig: new URLSearchParams(location.search).get('s') });
    return true;
  }
  if (siteOnly) {
    place.site = decodeURIComponent(siteOnly[1]);
    return true;
  }
  const last = memory.lastPlace();
  if (last && last.site) {
    Object.assign(place, { site: last.site, exhibit: last.exhibit });
    return true;
  }
  showEnd('app.name', 'start.scan');
  return false;
}

/** A page with nothing to do but say something: an expired hand-off, an unknown label, no site yet. */
function showEnd(titleKey, bodyKey) {
  body.dataset.ended = 'true';
  document.title = t(titleKey);
  $('exhibit-title').textContent = t(titleKey);
  $('exhibit-summary').textContent = t(bodyKey);
  $('exhibit-area').textContent = '';
  $('site-name').textContent = '';
  $('dock').hidden = true;
  body.dataset.ready = 'true';
}

async function loadSite() {
  const [site, exhibit] = await Promise.all([
    retrying(() => api.site(place.site)),
    place.exhibit ? retrying(() => api.exhibit(place.site, place.exhibit)).catch(() => null) : null,
  ]);
  siteData = site;
  exhibitData = exhibit;
}

/** Continues this browser's conversation at the site (moving it to this label), or opens one. */
async function openSession() {
  const known = place.handoff || memory.sessionId(place.site);
  if (known) {
    try {
      const change = place.handoff ? null : { exhibit: place.exhibit || undefined, sig: place.sig || undefined };
      session = change && change.exhibit ? await retrying(() => api.changeSession(known, change)) : await retrying(() => api.session(known));
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.code === 'session-not-found')) return labelProblem(failure);
      memory.forgetLog(known);
      session = null;
    }
  }
  if (!session) {
    try {
      session = await retrying(() => api.openSession({
        site: place.site, exhibit: place.exhibit || undefined, sig: place.sig || undefined,
        language: memory.chosenLanguage() || language,
      }));
    } catch (failure) {
      return labelProblem(failure);
    }
  }
  memory.keepSession(place.site, session.id);
  if (session.language !== language) await applyLanguage(session.language);
  return session;
}

function labelProblem(failure) {
  if (failure instanceof ApiError && failure.status === 429) {
    showProblem('error.too-many', [], [retryAction(() => location.reload())]);
    throw new Stopped();
  }
  if (failure instanceof ApiError && ['label-not-recognised', 'exhibit-not-found', 'site-not-found'].includes(failure.code)) {
    showEnd('app.name', 'error.label-not-recognised');
    $('exhibit-title').textContent = '';
    if (failure.code !== 'site-not-found') {
      // as the server's page does: the way on to the site's exhibits
      const found = siteData && pick(siteData.name, chain());
      const more = document.createElement('a');
      more.className = 'more-link';
      more.href = `/v/${encodeURIComponent(place.site)}#exhibits`;
      more.textContent = t('exhibits.see-all', found ? found.text : place.site);
      $('exhibit-summary').after(more);
    }
    throw new Stopped();
  }
  throw failure;
}

class Stopped extends Error {}

/** Opens a new conversation at the same place when the old one expired: the visitor does not notice. */
async function renewSession() {
  const atLabel = session.exhibit && session.exhibit === place.exhibit;
  const renewed = await api.openSession({
    site: session.site, exhibit: session.exhibit || undefined, sig: atLabel && place.sig ? place.sig : undefined,
    language: session.language,
  });
  socket.close();
  memory.forgetLog(session.id);
  session = renewed;
  memory.keepSession(place.site, session.id);
  saveLog();
}

/** Runs a call on the session; if the session expired, renews it and runs the call again. */
async function withSession(call) {
  try {
    return await call(session.id);
  } catch (failure) {
    if (failure instanceof ApiError && failure.code === 'session-not-found') {
      await renewSession();
      return call(session.id);
    }
    throw failure;
  }
}

/** Retries a request until the network is back, saying so meanwhile; other errors are thrown. */
async function retrying(request) {
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await request();
      if (attempt > 0) setConnection('error.reconnected', 3000);
      return result;
    } catch (failure) {
      if (!(failure instanceof NetworkError)) throw failure;
      setConnection('error.offline');
      await waitForNetwork(Math.min(1000 * 2 ** attempt, 10000));
    }
  }
}

function waitForNetwork(delay) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, delay);
    window.addEventListener('online', done);
  });
}

let connectionTimer = 0;
function setConnection(key, clearAfter = 0) {
  setStatusText(key ? t(key) : '', clearAfter);
  const status = $('status');
  status.dataset.key = key || '';
  status.classList.toggle('offline', key === 'error.offline');
}

/** A short state in the dock's status line (a screen reader says it politely). */
function setStatusText(text, clearAfter = 0) {
  clearTimeout(connectionTimer);
  const status = $('status');
  status.dataset.key = '';
  status.classList.remove('offline');
  status.textContent = text;
  if (clearAfter) connectionTimer = setTimeout(() => setConnection(null), clearAfter);
}

// ---------------------------------------------------------------- rendering

/** As the server's Site.fallbackChain: the visitor's language, the site's fallback languages, its default, English. */
function chain() {
  const candidates = [language, ...(siteData?.fallbackLanguages ?? []), siteData?.defaultLanguage, 'en'];
  return [...new Set(candidates.filter(Boolean))];
}

function renderAll() {
  if (body.dataset.ended) return; // the page only says something now (showEnd)
  renderSite();
  renderExhibit();
  renderLanguages();
  renderSuggestions();
  renderExhibitList();
  renderInfo();
  if (problem) showProblem(problem.key, problem.args, problem.actions, problem.text);
}

function renderSite() {
  if (!siteData) return;
  setText($('site-name'), pick(siteData.name, chain()));
  $('open-exhibits').hidden = !siteData.exhibits.length;
  $('open-info').hidden = false;
}

function renderExhibit() {
  const summary = exhibitData ? exhibitData : null;
  const exhibitId = session ? session.exhibit : place.exhibit;
  const entry = siteData && exhibitId ? siteData.exhibits.find((e) => e.id === exhibitId) : null;
  const title = entry ? pick(entry.title, chain()) : siteData ? pick(siteData.name, chain()) : null;
  if (title) setText($('exhibit-title'), title);
  const area = entry && siteData.areas.find((a) => a.id === entry.area);
  setText($('exhibit-area'), area ? pick(area.name, chain()) : null);
  const text = summary ? pick(summary.summary, chain()) : siteData ? pick(siteData.intro, chain()) : null;
  setText($('exhibit-summary'), text);
  // said at the top, in the visitor's words, when what follows is not in their language
  const shownIn = [text, title].find((found) => found && found.language !== language);
  const untranslated = $('exhibit-untranslated');
  untranslated.hidden = !shownIn;
  if (shownIn) {
    untranslated.dataset.i18n = 'exhibit.untranslated';
    untranslated.dataset.i18nArgs = JSON.stringify([languageName(language), languageName(shownIn.language)]);
    untranslated.textContent = t('exhibit.untranslated', languageName(language), languageName(shownIn.language));
  }
  renderPicture();
  const siteName = siteData ? pick(siteData.name, chain()) : null;
  document.title = [title && title.text, siteName && siteName.text].filter((x, i, all) => x && all.indexOf(x) === i).join(' · ');
}

/** The exhibit's first picture, at the width the phone needs, described in the visitor's language. */
function renderPicture() {
  const picture = exhibitData && exhibitData.pictures && exhibitData.pictures[0];
  const figure = $('exhibit-picture');
  const img = $('exhibit-picture-img');
  figure.hidden = !picture;
  if (!picture) {
    img.removeAttribute('srcset');
    img.removeAttribute('src');
    return;
  }
  // the page keeps the picture's place before it loads: nothing below it jumps
  img.width = picture.width;
  img.height = picture.height;
  img.sizes = '(min-width: 40rem) 37.5rem, calc(100vw - 2.5rem)';
  img.srcset = picture.sizes.map((size) => `${size.url} ${size.width}w`).join(', ');
  img.src = picture.sizes[Math.min(1, picture.sizes.length - 1)].url;
  const alt = pick(picture.alt, chain());
  img.alt = alt ? alt.text : '';
  if (alt && alt.language !== document.documentElement.lang) img.lang = alt.language;
  else img.removeAttribute('lang');
  setText($('exhibit-picture-caption'), pick(picture.caption, chain()));
  $('exhibit-picture-credit').textContent = picture.credit;
}

function renderLanguages() {
  const nav = $('languages');
  const list = nav.querySelector('ul');
  list.replaceChildren();
  const languages = siteData ? siteData.languages : [];
  nav.hidden = languages.length < 2;
  for (const code of languages) {
    const button = document.createElement('button');
    button.type = 'button';
    button.lang = code;
    button.textContent = endonym(code);
    button.setAttribute('aria-pressed', String(code === language));
    button.dataset.asks = 'language';
    button.addEventListener('click', () => switchLanguage(code));
    const item = document.createElement('li');
    item.append(button);
    list.append(item);
  }
}

function renderSuggestions() {
  const section = $('suggestions');
  const list = $('suggestion-list');
  list.replaceChildren();
  if (!session) return;
  const curated = (exhibitData && exhibitData.suggestions && exhibitData.suggestions[language]) || [];
  const answeredOnce = log.some((item) => item.kind === 'answer' && item.answered);
  const generic = session.exhibit ? ['suggest.what', 'suggest.next'].map((key) => t(key)) : [t('suggest.next')];
  const more = t('suggest.more');
  const candidates = answeredOnce ? [more, ...curated, ...generic] : [...curated, ...generic, more];
  const chosen = [];
  for (const question of candidates) {
    if (chosen.length === 3) break;
    if (!chosen.includes(question) && (question === more || !asked.has(question.toLowerCase()))) chosen.push(question);
  }
  for (const question of chosen) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chip';
    button.textContent = question;
    button.dataset.asks = 'suggestion';
    button.addEventListener('click', () => askTyped(question));
    const item = document.createElement('li');
    item.append(button);
    list.append(item);
  }
  section.hidden = chosen.length === 0;
  list.scrollLeft = 0;
}

function renderExhibitList() {
  const container = $('exhibits-body');
  container.replaceChildren();
  if (!siteData) return;
  const groups = new Map();
  for (const area of siteData.areas) groups.set(area.id, { name: pick(area.name, chain()), exhibits: [] });
  const other = { name: { text: t('exhibits.other'), language: currentLanguage() }, exhibits: [] };
  for (const exhibit of siteData.exhibits) (groups.get(exhibit.area) || other).exhibits.push(exhibit);
  for (const group of [...groups.values(), other]) {
    if (!group.exhibits.length) continue;
    const heading = document.createElement('h3');
    setText(heading, group.name);
    const list = document.createElement('ul');
    list.className = 'exhibit-list';
    for (const exhibit of group.exhibits) {
      const button = document.createElement('button');
      button.type = 'button';
      const title = document.createElement('span');
      const found = pick(exhibit.title, chain());
      setText(title, found);
      button.append(title);
      if (found && found.language !== language) {
        // a title not translated yet says which language it is in, rather than mixing languages silently
        const shownIn = document.createElement('span');
        shownIn.className = 'shown-in';
        shownIn.textContent = languageName(found.language);
        button.append(shownIn);
      }
      if (exhibit.id === (session ? session.exhibit : place.exhibit)) {
        button.setAttribute('aria-current', 'location');
        const here = document.createElement('span');
        here.className = 'here';
        here.textContent = t('exhibits.here');
        button.append(here);
      }
      button.addEventListener('click', () => {
        closePanel($('exhibits-dialog'));
        goToExhibit(exhibit.id);
      });
      const item = document.createElement('li');
      item.append(button);
      list.append(item);
    }
    container.append(heading, list);
  }
}

const INFO_TOPICS = ['hours', 'tickets', 'toilets', 'accessibility', 'photography', 'dressCode', 'cafe', 'contact'];

function renderInfo() {
  const container = $('info-body');
  container.replaceChildren();
  if (!siteData) return;
  const sections = [['info.about', siteData.intro]];
  for (const topic of INFO_TOPICS) if (siteData.visitorInfo[topic]) sections.push([`info.${topic}`, siteData.visitorInfo[topic]]);
  for (const [key, texts] of sections) {
    const found = pick(texts, chain());
    if (!found) continue;
    const heading = document.createElement('h3');
    heading.textContent = t(key);
    const text = document.createElement('p');
    setText(text, found);
    container.append(heading, text);
  }
}

/** A string of the app that a language switch translates again in place (the log is a live region: no re-rendering). */
function translated(tag, className, key, ...args) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.dataset.i18n = key;
  if (args.length) el.dataset.i18nArgs = JSON.stringify(args);
  el.textContent = t(key, ...args);
  return el;
}

function renderItem(item) {
  const li = document.createElement('li');
  li.className = `turn ${item.kind}${item.kind === 'answer' && !item.answered ? ' unanswered' : ''}`;
  if (item.kind === 'place') {
    const entry = siteData && siteData.exhibits.find((e) => e.id === item.exhibit);
    const title = entry ? pick(entry.title, chain()) : null;
    li.append(translated('p', '', 'log.now-at', title ? title.text : item.exhibit || ''));
    return li;
  }
  li.append(translated('p', 'who visually-hidden', item.kind === 'question' ? 'log.you' : 'log.guide'));
  if (item.notice) {
    const notice = document.createElement('p');
    notice.className = 'answer-notice';
    notice.textContent = item.notice;
    li.append(notice);
  }
  const text = document.createElement('p');
  text.className = 'text';
  setText(text, { text: item.text, language: item.language || language });
  li.append(text);
  if (item.kind === 'question' && item.pending) li.append(translated('p', 'meta pending', 'log.sending'));
  if (item.kind === 'answer' && item.sources && item.sources.length) {
    li.append(translated('p', 'meta', 'log.source', item.sources.map(sourceTitle).join(', ')));
  }
  if (item.audio || item.audioUrl || (item.kind === 'guide' && browserVoice(item.language))) {
    const replay = document.createElement('button');
    replay.type = 'button';
    replay.className = 'replay';
    replay.dataset.i18nAriaLabel = 'log.replay-label';
    replay.setAttribute('aria-label', t('log.replay-label'));
    replay.innerHTML = '<svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18"><path fill="currentColor" d="M8 5.5v13a1 1 0 0 0 1.52.85l10.5-6.5a1 1 0 0 0 0-1.7L9.52 4.65A1 1 0 0 0 8 5.5Z"/></svg>';
    const label = translated('span', '', 'log.replay');
    label.setAttribute('aria-hidden', 'true');
    replay.append(label);
    replay.addEventListener('click', () => speak(item));
    li.querySelector('.who').after(replay);
  }
  return li;
}

function sourceTitle(source) {
  if (typeof source === 'string') return source;
  if (source.title && typeof source.title === 'object') {
    const found = pick(source.title, chain());
    return found ? found.text : source.exhibit;
  }
  if (source.title) return source.title;
  const entry = siteData && siteData.exhibits.find((e) => e.id === source.exhibit);
  const found = entry && pick(entry.title, chain());
  return found ? found.text : source.exhibit || '';
}

function addItem(item, { reveal = true } = {}) {
  log.push(item);
  const li = renderItem(item);
  $('log').append(li);
  item.element = li;
  saveLog();
  if (reveal) revealLatest();
  return item;
}

function settle(item) {
  item.pending = false;
  if (item.element) item.element.querySelector('.pending')?.remove();
  saveLog();
}

function saveLog() {
  if (!session) return;
  memory.keepLog(session.id, log.map(({ element, buffer, pending, spoken, ...kept }) => kept));
}

/** Scrolls so the newest item shows above the dock: all of it if it fits, else its beginning. */
function revealLatest() {
  const last = $('log').lastElementChild;
  if (!last) return;
  const box = last.getBoundingClientRect();
  const dock = $('dock').getBoundingClientRect();
  const visibleBottom = Math.min(window.innerHeight, dock.top) - 16;
  if (box.bottom <= visibleBottom) return;
  const by = Math.min(box.bottom - visibleBottom, box.top - 16);
  if (by > 0) window.scrollBy({ top: by, behavior: reducedMotion.matches ? 'auto' : 'smooth' });
}

/**
 * A problem the visitor must know about, in their language, with what they can do next. `text`, when
 * given, is the server's own explanation (already in the visitor's language), shown instead of `key`'s.
 */
function showProblem(key, args = [], actions = [], text = null) {
  problem = { key, args, actions, text };
  $('notice-text').textContent = text || t(key, ...args);
  const buttons = $('notice-actions');
  buttons.replaceChildren();
  for (const action of [...actions, { key: 'action.dismiss', run: () => {} }]) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t(action.key);
    button.addEventListener('click', () => {
      clearProblem();
      action.run();
    });
    buttons.append(button);
  }
  $('notice').hidden = false;
}

function clearProblem() {
  problem = null;
  $('notice').hidden = true;
}

const typeAction = { key: 'action.type', run: () => $('question').focus() };
const retryAction = (run) => ({ key: 'action.retry', run });

function setState(next) {
  state = next;
  body.dataset.state = next;
  const listening = next === 'listening' || next === 'starting';
  const ask = $('ask');
  ask.setAttribute('aria-pressed', String(listening));
  const label = $('ask-label');
  // "starting": the microphone is opening and no sound has arrived yet, so nothing said now would be heard
  const key = next === 'starting' ? 'ask.starting'
    : listening ? (utterance && utterance.mode === 'hold' ? 'ask.listening-hold' : 'ask.listening-tap')
      : next === 'speaking' ? 'ask.interrupt' : 'ask.hold';
  label.dataset.i18n = key;
  label.textContent = t(key);
  $('stop').hidden = next !== 'speaking';
  $('listening').hidden = !(listening || next === 'thinking');
  if (next === 'thinking') $('partial').textContent = t('ask.thinking');
  if (!listening) $('level').style.setProperty('--level', '0');
}

// ---------------------------------------------------------------- language

async function switchLanguage(code) {
  if (code === language) return;
  memory.chooseLanguage(code);
  await applyLanguage(code);
  if (session) {
    try {
      session = await retrying(() => withSession((id) => api.changeSession(id, { language: code })));
    } catch (failure) {
      console.error(failure);
    }
  }
}

async function applyLanguage(code) {
  await useLanguage(code);
  language = code;
  document.documentElement.lang = code;
  translate();
  renderAll();
  await decideRecognizer();
  setState(state);
  const status = $('status');
  if (status.dataset.key) status.textContent = t(status.dataset.key);
}

// ---------------------------------------------------------------- moving around

async function goToExhibit(id) {
  if (!session || id === session.exhibit) return;
  player.stop();
  try {
    const [moved, exhibit] = await Promise.all([
      retrying(() => withSession((sessionId) => api.changeSession(sessionId, { exhibit: id }))),
      retrying(() => api.exhibit(place.site, id)).catch(() => null),
    ]);
    session = moved;
    exhibitData = exhibit;
    asked = new Set();
    renderExhibit();
    renderExhibitList();
    addItem({ kind: 'place', exhibit: id });
    if (moved.greeting && moved.greeting.text) {
      speak(addItem({ kind: 'guide', text: moved.greeting.text, language: moved.language, audioUrl: moved.greeting.audioUrl }));
    }
    renderSuggestions();
    window.scrollTo({ top: 0, behavior: reducedMotion.matches ? 'auto' : 'smooth' });
    $('exhibit-title').focus({ preventScroll: true });
  } catch (failure) {
    console.error(failure);
    showProblem('error.generic');
  }
}

// ---------------------------------------------------------------- speaking aloud

/** Plays what the guide said: its streamed recording, its file, or (for a greeting with no file) the browser's voice. */
async function speak(item) {
  player.unlock();
  cancelBrowserVoice();
  try {
    if (item.buffer) {
      player.playBuffer(item.buffer);
    } else if (item.audioUrl) {
      const buffer = await player.playUrl(item.audioUrl);
      if (buffer) item.buffer = buffer;
    } else if (item.kind === 'guide') {
      speakWithBrowser(item.text, item.language);
    }
  } catch (failure) {
    console.error(failure);
    showProblem('error.audio');
  }
}

function browserVoice(code) {
  const synthesis = window.speechSynthesis;
  if (!synthesis || !window.SpeechSynthesisUtterance) return null;
  return synthesis.getVoices().find((v) => v.lang && v.lang.toLowerCase().split(/[-_]/)[0] === code) || null;
}

function speakWithBrowser(text, code) {
  const voice = browserVoice(code);
  if (!voice) return;
  const synthesis = window.speechSynthesis;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.onstart = () => setState('speaking');
  utterance.onend = () => { if (state === 'speaking') setState('idle'); };
  synthesis.speak(utterance);
}

function cancelBrowserVoice() {
  if (window.speechSynthesis && window.speechSynthesis.speaking) window.speechSynthesis.cancel();
}

function stopSpeaking() {
  cancelBrowserVoice();
  player.stop();
  if (state === 'speaking') setState('idle');
}

// ---------------------------------------------------------------- asking by voice

let utterance = null;
let utteranceNumber = 0;
let awaitingTranscript = false;
let answerItem = null;
let answerStream = null;
let audioFallbackTimer = 0;
let answerTimer = 0;
let reconnecting = false;

async function beginAsking(mode) {
  clearProblem();
  player.unlock();
  stopSpeaking();
  if (utterance && !utterance.stopped) return;
  if (!session) return; // still opening the conversation (the status line says why if it is slow)
  if (recognizer.kind === 'browser') return beginBrowserAsking(mode);
  if (recognizer.kind === 'none') return showProblem('voice.none', [languageName(language)], [typeAction]);
  if (!microphoneSupported()) return showProblem('error.mic-unsupported', [], [typeAction]);
  const current = { number: ++utteranceNumber, chunks: [], sent: 0, started: false, stopped: false, mode, liveAt: 0, transcript: null };
  utterance = current;
  setState('starting');
  $('partial').textContent = '';
  sendUtterance(current);
  try {
    await microphone.start(player.context, (pcm) => onMicrophoneChunk(current, pcm), showLevel);
  } catch (failure) {
    if (utterance === current) {
      utterance = null;
      awaitingTranscript = false;
      socket.close(); // frees the server's listener at once
      setState('idle');
    }
    if (failure instanceof MicrophoneError && failure.kind === 'cancelled') return;
    console.warn('microphone', failure, failure && failure.cause);
    if (failure instanceof MicrophoneError) {
      showProblem(`error.mic-${failure.kind}`, [], [typeAction]);
      if (failure.kind !== 'unsupported') $('question').focus({ preventScroll: true });
    } else {
      console.error(failure);
      showProblem('error.mic-unsupported', [], [typeAction]);
    }
    return;
  }
  if (utterance !== current || current.stopped) {
    microphone.release();
    return;
  }
  current.liveAt = player.unlocked ? performance.now() : 0;
  if (current.chunks.length) setState('listening');
  current.limit = setTimeout(() => finishAsking(current), MAX_UTTERANCE_MS);
}

function onMicrophoneChunk(current, pcm) {
  if (!current.liveAt && player.unlocked) current.liveAt = performance.now();
  current.chunks.push(pcm);
  if (state === 'starting' && utterance === current && !current.stopped) setState('listening');
  if (current.connected && !current.started && utterance === current && socket.open) {
    beginSending(current);
  } else if (current.started && socket.open && current.sent === current.chunks.length - 1) {
    socket.sendAudio(pcm);
    current.sent = current.chunks.length;
  }
}

function showLevel(level) {
  $('level').style.setProperty('--level', Math.min(1, level * 6).toFixed(2));
}

/** Sends an utterance (again, after a reconnection) from its first chunk. */
async function sendUtterance(current) {
  try {
    await socket.connect();
  } catch {
    return voiceUnreachable(current);
  }
  if (utterance !== current) return;
  current.sent = 0;
  current.started = false;
  current.connected = true;
  awaitingTranscript = true;
  // `start` goes with the first sound, not before: the guide gives a question a few seconds to begin
  // (no-speech), and the phone may still be asking the visitor for the microphone
  if (current.chunks.length) beginSending(current);
  else if (current.stopped) failVoice('error.not-heard', [], [typeAction]);
}

function beginSending(current) {
  socket.send({ type: 'start', sampleRate: 16000 });
  current.started = true;
  while (current.sent < current.chunks.length) socket.sendAudio(current.chunks[current.sent++]);
  if (current.stopped) socket.send({ type: 'stop' });
}

async function finishAsking(current = utterance) {
  if (!current || current.stopped) return;
  current.stopped = true;
  clearTimeout(current.limit);
  if (current.browser) {
    if (!current.listener) {
      // let go while the language pack was still being installed: nothing was heard yet
      utterance = null;
      setState('idle');
      return;
    }
    current.listener.stop();
    setState('thinking');
    watchForAnswer();
    return;
  }
  await microphone.stop();
  if (utterance !== current) return;
  if (current.started && socket.open) {
    while (current.sent < current.chunks.length) socket.sendAudio(current.chunks[current.sent++]);
    socket.send({ type: 'stop' });
  } else if (current.connected && socket.open) {
    if (!current.chunks.length) return failVoice('error.not-heard', [], [typeAction]);
    beginSending(current);
  }
  setState('thinking');
  watchForAnswer();
}

function watchForAnswer() {
  clearTimeout(answerTimer);
  answerTimer = setTimeout(() => {
    if (state !== 'thinking') return;
    utterance = null;
    setState('idle');
    showProblem('error.generic', [], [typeAction]);
  }, ANSWER_TIMEOUT_MS);
}

function onVoiceMessage(message) {
  switch (message.type) {
    case 'partial':
      if (utterance && !utterance.transcript && message.text) $('partial').textContent = message.text;
      break;
    case 'transcript':
      onTranscript(message.text || '');
      break;
    case 'answer':
      if (awaitingTranscript) break; // an answer to a question the visitor talked over
      onVoiceAnswer(message);
      break;
    case 'audio':
      if (awaitingTranscript || !answerItem) break;
      clearTimeout(audioFallbackTimer);
      answerStream = player.startStream();
      break;
    case 'audio-end':
      if (answerStream) {
        answerStream.end();
        const recording = answerStream.recording();
        if (recording && answerItem) {
          answerItem.buffer = recording;
        }
        answerStream = null;
      }
      break;
    case 'ready':
      // the guide hears this language but cannot speak it: answers will come as text only
      if (message.speaks === false && message.notice) setStatusText(message.notice, 8000);
      break;
    case 'error':
      onVoiceError(message);
      break;
    default:
      break;
  }
}

function onVoiceAudio(data) {
  if (answerStream && !awaitingTranscript) answerStream.feed(data);
}

function onTranscript(text) {
  awaitingTranscript = false;
  const current = utterance;
  if (current && !current.stopped) {
    current.stopped = true;
    clearTimeout(current.limit);
    microphone.stop();
  }
  if (!text.trim()) {
    utterance = null;
    setState('idle');
    showProblem('error.not-heard', [], [typeAction]);
    return;
  }
  if (current) current.transcript = text;
  noteAsked(text);
  addItem({ kind: 'question', text: text.charAt(0).toLocaleUpperCase(language) + text.slice(1), language, channel: 'voice' });
  setState('thinking');
  watchForAnswer();
}

function onVoiceAnswer(answer) {
  clearTimeout(answerTimer);
  utterance = null;
  answerItem = showAnswer(answer, true);
  clearTimeout(audioFallbackTimer);
  if (answer.audioUrl) {
    const item = answerItem;
    audioFallbackTimer = setTimeout(() => {
      if (answerItem === item && !answerStream) speak(item);
    }, AUDIO_GRACE_MS);
  }
  if (state === 'thinking') setState('idle');
}

function onVoiceError(error) {
  awaitingTranscript = false;
  const current = utterance;
  if (!current) return; // e.g. the server closing an idle connection: nothing the visitor is waiting for
  if (error.code === 'session-not-found' && current) {
    current.renewing = true;
    renewSession()
      .then(() => { current.renewing = false; return sendUtterance(current); })
      .catch(() => failVoice('error.generic', [], [typeAction]));
    return;
  }
  if (error.code === 'no-speech-model') {
    noSpeech.add(language);
    try { sessionStorage.setItem('hg.no-speech', JSON.stringify([...noSpeech])); } catch { /* not kept: asked again next page */ }
    failVoice('error.no-speech-model', [languageName(language)], [typeAction]);
    return decideRecognizer(); // the browser may hear it instead
  }
  if (error.code === 'busy') return failVoice('error.busy', [], [retryAction(() => beginAsking('tap')), typeAction]);
  if (error.code === 'no-speech') return failVoice('error.not-heard', [], [typeAction]);
  if (error.code === 'too-many-requests') return failVoice('error.too-many', [], [typeAction]);
  // anything else the server explains itself, in the visitor's language (e.g. a question too long)
  failVoice('error.generic', [], [typeAction], error.message);
}

function failVoice(key, args = [], actions = [], text = null) {
  if (utterance) {
    clearTimeout(utterance.limit);
    if (utterance.browser) utterance.listener?.abort();
    else microphone.release();
  }
  utterance = null;
  clearTimeout(answerTimer);
  setState('idle');
  showProblem(key, args, actions, text);
}

/** The socket dropped: a question still on its way is sent again once the connection is back. */
function onVoiceClosed() {
  const current = utterance;
  if (answerStream) {
    answerStream.end();
    answerStream = null;
  }
  if (!current || current.renewing) return;
  if (current.transcript) {
    utterance = null;
    askTyped(current.transcript, { shown: true });
    return;
  }
  voiceUnreachable(current);
}

async function voiceUnreachable(current) {
  if (reconnecting || utterance !== current) return;
  reconnecting = true;
  setConnection('error.offline');
  try {
    let refused = 0;
    for (let attempt = 0; utterance === current; attempt++) {
      if (navigator.onLine !== false) {
        let reachable = false;
        try {
          await withSession((id) => api.session(id));
          reachable = true;
          await socket.connect();
          setConnection('error.reconnected', 3000);
          reconnecting = false;
          if (utterance === current) sendUtterance(current);
          return;
        } catch (failure) {
          if ((failure instanceof ApiError && failure.code !== 'session-not-found') || (reachable && ++refused >= 3)) {
            // the server answers but will not take voice: typing still works
            reconnecting = false;
            setConnection(null);
            return failVoice('error.busy', [], [typeAction]);
          }
        }
      }
      await waitForNetwork(Math.min(1000 * 2 ** attempt, 10000));
    }
  } finally {
    reconnecting = false;
    // the visitor gave up on that question (or it failed): nothing is waiting for the connection any more
    if (utterance !== current && $('status').dataset.key === 'error.offline') setConnection(null);
  }
}

// ---------------------------------------------------------------- asking through the browser's recognizer

/** Chooses who hears the visitor in their language, and shows the controls that fit: no hold button when no one can. */
async function decideRecognizer() {
  if (!siteData) return;
  const deciding = language;
  const site = noSpeech.has(language) ? { ...siteData, heardLanguages: [] } : siteData;
  const chosen = await chooseRecognizer(language, site);
  if (deciding !== language) return;
  recognizer = chosen;
  renderVoice();
}

function renderVoice() {
  const none = recognizer.kind === 'none';
  body.dataset.voice = recognizer.kind === 'browser' ? (recognizer.onDevice ? 'on-device' : 'remote') : recognizer.kind;
  $('ask-row').hidden = none;
  const hint = $('ask-hint');
  hint.dataset.i18n = none ? 'voice.none' : 'ask.hint';
  if (none) hint.dataset.i18nArgs = JSON.stringify([languageName(language)]);
  else delete hint.dataset.i18nArgs;
  hint.textContent = none ? t('voice.none', languageName(language)) : t('ask.hint');
  if (none) $('question').setAttribute('aria-describedby', 'ask-hint');
  else $('question').removeAttribute('aria-describedby');
}

async function beginBrowserAsking(mode) {
  if (!recognizer.onDevice && !memory.toldOfRemoteSpeech()) {
    // before the voice first leaves the phone, the visitor is told where it goes, and may type instead
    return showProblem('voice.remote-notice', [languageName(language)], [
      { key: 'action.continue', run: () => { memory.rememberToldOfRemoteSpeech(); beginAsking('tap'); } }, typeAction]);
  }
  const current = { number: ++utteranceNumber, browser: true, stopped: false, mode, liveAt: 0, transcript: null, listener: null };
  utterance = current;
  setState('starting');
  $('partial').textContent = '';
  if (recognizer.install) {
    $('partial').textContent = t('voice.installing', languageName(language));
    const installed = await installOnDevice(language);
    if (utterance !== current) return;
    if (!installed) {
      utterance = null;
      setState('idle');
      recognizer = siteData.browserSpeech === 'remote-allowed' ? { kind: 'browser', onDevice: false } : { kind: 'none' };
      renderVoice();
      return recognizer.kind === 'none' ? showProblem('voice.none', [languageName(language)], [typeAction]) : beginBrowserAsking('tap');
    }
    recognizer = { ...recognizer, install: false };
    $('partial').textContent = '';
  }
  current.listener = new BrowserListener(language, recognizer.onDevice, {
    onStart: () => {
      current.liveAt = performance.now();
      if (utterance === current && !current.stopped) setState('listening');
    },
    onPartial: (text) => { if (utterance === current && text) $('partial').textContent = text; },
    onFinal: (text) => onBrowserTranscript(current, text),
    onError: (code) => onBrowserError(current, code),
  });
  try {
    current.listener.start();
  } catch (failure) {
    console.error(failure);
    return failVoice('error.generic', [], [typeAction]);
  }
  current.limit = setTimeout(() => finishAsking(current), MAX_UTTERANCE_MS);
}

function onBrowserTranscript(current, text) {
  if (utterance !== current) return;
  clearTimeout(current.limit);
  clearTimeout(answerTimer);
  utterance = null;
  if (!text) {
    setState('idle');
    showProblem('error.not-heard', [], [typeAction]);
    return;
  }
  askTyped(text, { spoken: true });
}

/** The Web Speech API's error codes, told in the visitor's words. */
function onBrowserError(current, code) {
  if (utterance !== current || code === 'aborted') return;
  if (code === 'no-speech') return failVoice('error.not-heard', [], [typeAction]);
  if (code === 'audio-capture') return failVoice('error.mic-absent', [], [typeAction]);
  if (code === 'not-allowed') {
    failVoice('error.mic-denied', [], [typeAction]);
    return $('question').focus({ preventScroll: true });
  }
  if (code === 'network' || code === 'service-not-allowed') return failVoice('voice.unreachable', [], [typeAction]);
  if (code === 'language-not-supported') {
    failVoice('voice.none', [languageName(language)], [typeAction]);
    recognizer = { kind: 'none' };
    return renderVoice();
  }
  failVoice('error.generic', [], [typeAction]);
}

// ---------------------------------------------------------------- asking by typing

let typing = Promise.resolve();

/**
 * Asks `text` over HTTP: typed, or (`spoken`) what the browser's own recognizer heard, which the guide
 * counts as a voice question.
 */
function askTyped(text, { shown = false, spoken = false } = {}) {
  const question = text.trim();
  if (!question) return typing;
  clearProblem();
  player.unlock();
  stopSpeaking();
  if (utterance) {
    // typing while speaking: what was said so far is dropped, not answered as well
    if (utterance.browser) utterance.listener?.abort();
    else microphone.release();
    clearTimeout(utterance.limit);
    utterance = null;
    awaitingTranscript = false;
    socket.close();
  }
  noteAsked(question);
  const item = shown ? null : addItem({
    kind: 'question', text: spoken ? question.charAt(0).toLocaleUpperCase(language) + question.slice(1) : question,
    language, channel: spoken ? 'voice' : 'text', pending: true,
  });
  setState('thinking');
  typing = typing.then(async () => {
    try {
      const answer = await retrying(() => withSession((id) => api.ask(id, question, spoken)));
      if (item) settle(item);
      const shownAnswer = showAnswer(answer);
      setState('idle');
      if (answer.audioUrl) await speak(shownAnswer);
    } catch (failure) {
      setState('idle');
      if (item) settle(item);
      if (failure instanceof ApiError && failure.status === 429) {
        showProblem('error.too-many', [], [retryAction(() => askTyped(question, { shown: true }))]);
      } else if (failure instanceof ApiError && (failure.status === 503 || failure.code === 'busy')) {
        showProblem('error.busy', [], [retryAction(() => askTyped(question, { shown: true }))]);
      } else {
        console.error(failure);
        showProblem('error.generic', [], [retryAction(() => askTyped(question, { shown: true }))]);
      }
    }
  });
  return typing;
}

function noteAsked(text) {
  asked.add(text.trim().toLowerCase());
  memory.becomeExperienced();
  body.dataset.experienced = 'true';
}

function showAnswer(answer, streamed = false) {
  const item = addItem({
    kind: 'answer', text: answer.text, language: answer.language || language, answered: answer.answered !== false,
    sources: answer.sources || [], audioUrl: answer.audioUrl || null, notice: answer.notice || null, audio: streamed,
  });
  renderSuggestions();
  revealLatest();
  return item;
}

// ---------------------------------------------------------------- controls

function bindControls() {
  const ask = $('ask');
  let press = null;
  let handledByPointer = false;

  const pressStart = (kind) => {
    const listening = utterance && !utterance.stopped;
    press = { at: performance.now(), finishing: listening, kind };
    if (!listening) beginAsking('hold');
  };
  const pressEnd = () => {
    if (!press) return;
    player.unlock();
    const { at, finishing } = press;
    press = null;
    if (finishing) return finishAsking();
    const current = utterance;
    if (!current || current.stopped) return;
    const now = performance.now();
    const held = current.liveAt && now - at >= HOLD_MS && now - current.liveAt >= 250;
    if (held) {
      finishAsking(current);
    } else {
      current.mode = 'tap';
      setState(state);
    }
  };

  ask.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    handledByPointer = true;
    try { ask.setPointerCapture(event.pointerId); } catch { /* synthetic pointer */ }
    pressStart('pointer');
  });
  ask.addEventListener('pointerup', () => {
    pressEnd();
    setTimeout(() => { handledByPointer = false; }, 600);
  });
  ask.addEventListener('pointercancel', pressEnd);
  ask.addEventListener('contextmenu', (event) => event.preventDefault());
  ask.addEventListener('click', (event) => {
    if (handledByPointer) {
      handledByPointer = false;
      return;
    }
    event.preventDefault();
    // a screen reader's double tap or a switch: a plain click toggles
    if (utterance && !utterance.stopped) finishAsking();
    else beginAsking('tap');
  });
  ask.addEventListener('keydown', (event) => {
    if (event.key !== ' ' && event.key !== 'Enter') return;
    event.preventDefault();
    if (event.repeat || press) return;
    pressStart('key');
  });
  ask.addEventListener('keyup', (event) => {
    if (event.key !== ' ' && event.key !== 'Enter') return;
    event.preventDefault();
    pressEnd();
  });

  $('stop').addEventListener('click', () => {
    stopSpeaking();
    $('ask').focus();
  });

  $('type-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('question');
    const text = input.value;
    if (!text.trim() || !session) return;
    input.value = '';
    askTyped(text);
  });

  for (const [button, dialog] of [['open-exhibits', 'exhibits-dialog'], ['open-info', 'info-dialog']]) {
    $(button).addEventListener('click', () => openPanel($(dialog), $(button)));
  }
  document.querySelectorAll('dialog').forEach((dialog) => {
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog || event.target.closest('[data-close]')) closePanel(dialog);
    });
  });

  // the first tap (not a question, not a language) unlocks audio and says the greeting aloud
  const firstGesture = (event) => {
    if (event.type === 'keydown' && (event.key === 'Tab' || event.key === 'Shift' || event.key === 'Escape')) return;
    document.removeEventListener('pointerup', firstGesture, true);
    document.removeEventListener('keydown', firstGesture, true);
    player.unlock();
    const asking = event.target.closest && event.target.closest('#ask, #type-form, [data-asks]');
    if (!asking && greeting && !greeting.spoken) {
      greeting.spoken = true;
      speak(greeting);
    }
  };
  document.addEventListener('pointerup', firstGesture, true);
  document.addEventListener('keydown', firstGesture, true);

  document.addEventListener('visibilitychange', () => {
    if (document.hidden && utterance && !utterance.stopped) finishAsking();
  });

  const dock = $('dock');
  const measure = () => document.documentElement.style.setProperty('--dock-height', `${dock.offsetHeight}px`);
  if (window.ResizeObserver) new ResizeObserver(measure).observe(dock);
  measure();
}

/**
 * Puts the site's descriptions (the site, each exhibit) in the service worker's cache, so that the next
 * label opens at once even on a bad connection. Only descriptions: never sessions, answers or audio.
 */
function keepForNextVisit() {
  if (!('serviceWorker' in navigator) || !window.caches || !siteData) return;
  navigator.serviceWorker.ready.then(async () => {
    const cache = await caches.open('hg-sites');
    const urls = [`/api/v1/sites/${encodeURIComponent(place.site)}`,
      ...siteData.exhibits.map((e) => `/api/v1/sites/${encodeURIComponent(place.site)}/exhibits/${encodeURIComponent(e.id)}`)];
    for (const url of urls) {
      if (!(await cache.match(url))) await cache.add(url).catch(() => {});
    }
    body.dataset.kept = 'true';
  }).catch(() => {});
}

/** Opens a full-screen panel (a modal dialog; on browsers without <dialog>, the same look without the modality). */
function openPanel(dialog, opener) {
  dialog.opener = opener;
  if (typeof dialog.showModal === 'function') {
    dialog.showModal();
  } else {
    dialog.setAttribute('open', '');
    dialog.classList.add('fallback');
    dialog.querySelector('[data-close]').focus();
  }
}

function closePanel(dialog) {
  if (typeof dialog.close === 'function') dialog.close();
  else dialog.removeAttribute('open');
  if (dialog.opener && document.contains(dialog.opener)) dialog.opener.focus({ preventScroll: true });
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/visitor-sw.js', { scope: '/' }).catch((failure) => console.warn(failure));
  });
}

window.addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof Stopped) event.preventDefault();
});
