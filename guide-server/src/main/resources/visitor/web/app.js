// The visitor web app: the page a QR label opens. Voice first (hold or tap the big button), typing
// always possible, answers shown as captions and spoken. See docs/visitor-app.md, and docs/api.md for
// the server side. This module makes each part of the app once, joins them, and starts the page.

import { memory, ApiError } from './api.js';
import { useLanguage, translate } from './i18n.js';
import { $, scrollBehavior } from './dom.js';
import { Dock, retryAction } from './dock.js';
import { Visit } from './visit.js';
import { Speaker } from './speaking.js';
import { Conversation } from './conversation.js';
import { VoiceQuestions } from './voice-questions.js';
import { ExhibitPage } from './exhibit-page.js';
import { LanguageChoice } from './language.js';

const body = document.body;

// the parts call each other only through what they are given here; a callback may name a part made
// after it, since it runs only once the page has started
const dock = new Dock({ holding: () => questions.holding });
const visit = new Visit({
  place: {
    site: body.dataset.site || null,
    exhibit: body.dataset.exhibit || null,
    sig: body.dataset.sig || null,
    handoff: body.dataset.session || null,
  },
  language: document.documentElement.lang || 'en',
  dock,
  onRenewed: () => {
    questions.hangUp();
    conversation.save();
  },
});
const speaker = new Speaker(dock);
const conversation = new Conversation({ visit, dock, speaker, stopListening: () => questions.drop() });
const questions = new VoiceQuestions({ visit, dock, speaker, conversation });
const page = new ExhibitPage(visit, { onChoose: (exhibit) => goToExhibit(exhibit) });
const languages = new LanguageChoice(visit, {
  onApplied: async () => {
    renderAll();
    await questions.decideRecognizer();
    dock.translate();
  },
});

/** The page stops here: it says why itself (labelProblem). */
class Stopped extends Error {}

start().catch((failure) => {
  if (failure instanceof Stopped) return;
  console.error(failure);
  dock.showProblem('error.generic', [], [retryAction(() => location.reload())]);
});

async function start() {
  if (memory.experienced()) body.dataset.experienced = 'true';
  registerServiceWorker();
  bindControls();
  await useLanguage(visit.language);
  translate();

  if (!visit.place.site) {
    const end = await visit.findPlace();
    if (end) return page.showEnd(...end);
  }
  memory.keepPlace(visit.place.site, visit.place.exhibit);
  // the exhibit shows as soon as the site's description is here (kept by the service worker on a
  // second visit), even if the conversation cannot be opened yet on a bad connection
  const opening = visit.openSession().then(inItsLanguage, labelProblem);
  opening.catch(() => {});
  await visit.loadSite().catch(labelProblem);
  renderAll();
  await questions.decideRecognizer();
  keepForNextVisit();
  const session = await opening;
  renderAll();
  conversation.restore(session);
  body.dataset.ready = 'true';
  // a wrong label's page leads here to the site's exhibits
  if (location.hash === '#exhibits' && visit.siteData && visit.siteData.exhibits.length) page.openPanel($('exhibits-dialog'), $('open-exhibits'));
}

/** The app speaks the conversation's language (a kiosk's, or the one picked on an earlier page). */
async function inItsLanguage(session) {
  if (session.language !== visit.language) await languages.apply(session.language);
  return session;
}

function labelProblem(failure) {
  if (failure instanceof ApiError && failure.status === 429) {
    dock.showProblem('error.too-many', [], [retryAction(() => location.reload())]);
    throw new Stopped();
  }
  if (failure instanceof ApiError && ['label-not-recognised', 'exhibit-not-found', 'site-not-found'].includes(failure.code)) {
    page.showUnknownLabel(failure.code !== 'site-not-found');
    throw new Stopped();
  }
  throw failure;
}

function renderAll() {
  if (page.ended) return;
  page.render();
  languages.render();
  conversation.renderSuggestions();
  dock.showProblemAgain();
}

async function goToExhibit(id) {
  if (!visit.session || id === visit.session.exhibit) return;
  speaker.stop();
  try {
    const moved = await visit.moveTo(id);
    page.renderExhibit();
    page.renderExhibitList();
    conversation.arriveAt(id, moved);
    window.scrollTo({ top: 0, behavior: scrollBehavior() });
    $('exhibit-title').focus({ preventScroll: true });
  } catch (failure) {
    console.error(failure);
    dock.showProblem('error.generic');
  }
}

function bindControls() {
  questions.bindControls($('ask'));

  $('stop').addEventListener('click', () => {
    speaker.stop();
    $('ask').focus();
  });

  $('type-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('question');
    const text = input.value;
    if (!text.trim() || !visit.session) return;
    input.value = '';
    conversation.ask(text);
  });

  for (const [button, dialog] of [['open-exhibits', 'exhibits-dialog'], ['open-info', 'info-dialog']]) {
    $(button).addEventListener('click', () => page.openPanel($(dialog), $(button)));
  }
  document.querySelectorAll('dialog').forEach((dialog) => {
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog || event.target.closest('[data-close]')) page.closePanel(dialog);
    });
  });

  // the first tap (not a question, not a language) unlocks audio and says the greeting aloud
  const firstGesture = (event) => {
    if (event.type === 'keydown' && (event.key === 'Tab' || event.key === 'Shift' || event.key === 'Escape')) return;
    document.removeEventListener('pointerup', firstGesture, true);
    document.removeEventListener('keydown', firstGesture, true);
    speaker.unlock();
    const asking = event.target.closest && event.target.closest('#ask, #type-form, [data-asks]');
    if (!asking) conversation.speakGreeting();
  };
  document.addEventListener('pointerup', firstGesture, true);
  document.addEventListener('keydown', firstGesture, true);

  const dockElement = $('dock');
  const measure = () => document.documentElement.style.setProperty('--dock-height', `${dockElement.offsetHeight}px`);
  if (window.ResizeObserver) new ResizeObserver(measure).observe(dockElement);
  measure();
}

/**
 * Puts the site's descriptions (the site, each exhibit) in the service worker's cache, so that the next
 * label opens at once even on a bad connection. Only descriptions: never sessions, answers or audio.
 */
function keepForNextVisit() {
  if (!('serviceWorker' in navigator) || !window.caches || !visit.siteData) return;
  const site = visit.place.site;
  navigator.serviceWorker.ready.then(async () => {
    const cache = await caches.open('hg-sites');
    const urls = [`/api/v1/sites/${encodeURIComponent(site)}`,
      ...visit.siteData.exhibits.map((e) => `/api/v1/sites/${encodeURIComponent(site)}/exhibits/${encodeURIComponent(e.id)}`)];
    for (const url of urls) {
      if (!(await cache.match(url))) await cache.add(url).catch(() => {});
    }
    body.dataset.kept = 'true';
  }).catch(() => {});
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
