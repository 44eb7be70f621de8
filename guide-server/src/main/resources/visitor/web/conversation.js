// The conversation on screen: what the visitor asked and the guide said (kept for the next label's
// page), the questions suggested, and asking in writing.

import { api, memory, ApiError } from './api.js';
import { t, pick, setText } from './i18n.js';
import { $, scrollBehavior } from './dom.js';
import { retryAction } from './dock.js';
import { browserVoice } from './speaking.js';

/** A question as heard, written as a sentence begins. */
const asWritten = (text, language) => text.charAt(0).toLocaleUpperCase(language) + text.slice(1);

export class Conversation {
  /** `stopListening()`: drops a question being asked aloud, when the visitor types instead. */
  constructor({ visit, dock, speaker, stopListening }) {
    this.visit = visit;
    this.dock = dock;
    this.speaker = speaker;
    this.stopListening = stopListening;
    /** What was said, oldest first, each with the element showing it. */
    this.items = [];
    /** The questions asked at this exhibit, not suggested again. */
    this.asked = new Set();
    this.greeting = null;
    /** The typed questions, one after the other. */
    this.typing = Promise.resolve();
  }

  /** Shows what was said before in this conversation (on an earlier label's page), then the guide's greeting. */
  restore(session) {
    this.items = memory.log(session.id);
    this.items.forEach((item) => {
      item.element = this.renderItem(item);
      $('log').append(item.element);
    });
    if (session.greeting && session.greeting.text) {
      if (this.items.length) this.add({ kind: 'place', exhibit: session.exhibit }, { reveal: false });
      this.greeting = this.add({ kind: 'guide', text: session.greeting.text, language: session.language, audioUrl: session.greeting.audioUrl },
        { reveal: false });
    }
    this.renderSuggestions();
  }

  /** The greeting, said aloud once: at the visitor's first tap (browsers keep sound off until one). */
  speakGreeting() {
    if (this.greeting && !this.greeting.spoken) {
      this.greeting.spoken = true;
      this.speaker.speak(this.greeting);
    }
  }

  /** The visitor moved to another exhibit: said in the conversation, and that exhibit's greeting spoken. */
  arriveAt(exhibit, session) {
    this.asked = new Set();
    this.add({ kind: 'place', exhibit });
    if (session.greeting && session.greeting.text) {
      this.speaker.speak(this.add({ kind: 'guide', text: session.greeting.text, language: session.language, audioUrl: session.greeting.audioUrl }));
    }
    this.renderSuggestions();
  }

  /**
   * Asks `text` over HTTP: typed, or (`spoken`) what the browser's own recognizer heard, which the guide
   * counts as a voice question. `shown`: the question is on screen already.
   */
  ask(text, { shown = false, spoken = false } = {}) {
    const question = text.trim();
    if (!question) return this.typing;
    const { visit, dock, speaker } = this;
    dock.clearProblem();
    speaker.unlock();
    speaker.stop();
    // typing while speaking: what was said so far is dropped, not answered as well
    this.stopListening();
    this.noteAsked(question);
    const language = visit.language;
    const item = shown ? null : this.add({
      kind: 'question', text: spoken ? asWritten(question, language) : question,
      language, channel: spoken ? 'voice' : 'text', pending: true,
    });
    dock.setState('thinking');
    const again = retryAction(() => this.ask(question, { shown: true }));
    this.typing = this.typing.then(async () => {
      try {
        const answer = await visit.retrying(() => visit.withSession((id) => api.ask(id, question, spoken)));
        if (item) this.settle(item);
        const shownAnswer = this.showAnswer(answer);
        dock.setState('idle');
        if (answer.audioUrl) await speaker.speak(shownAnswer);
      } catch (failure) {
        dock.setState('idle');
        if (item) this.settle(item);
        if (failure instanceof ApiError && failure.status === 429) {
          dock.showProblem('error.too-many', [], [again]);
        } else if (failure instanceof ApiError && (failure.status === 503 || failure.code === 'busy')) {
          dock.showProblem('error.busy', [], [again]);
        } else {
          console.error(failure);
          dock.showProblem('error.generic', [], [again]);
        }
      }
    });
    return this.typing;
  }

  /** A question the guide heard: shown as the visitor's. */
  addHeard(text) {
    this.noteAsked(text);
    this.add({ kind: 'question', text: asWritten(text, this.visit.language), language: this.visit.language, channel: 'voice' });
  }

  noteAsked(text) {
    this.asked.add(text.trim().toLowerCase());
    memory.becomeExperienced();
    document.body.dataset.experienced = 'true';
  }

  /** Shows the guide's answer (`streamed`: its audio comes over the voice socket) and returns its item. */
  showAnswer(answer, streamed = false) {
    const item = this.add({
      kind: 'answer', text: answer.text, language: answer.language || this.visit.language, answered: answer.answered !== false,
      sources: answer.sources || [], audioUrl: answer.audioUrl || null, notice: answer.notice || null, audio: streamed,
    });
    this.renderSuggestions();
    this.revealLatest();
    return item;
  }

  renderSuggestions() {
    const { visit } = this;
    const section = $('suggestions');
    const list = $('suggestion-list');
    list.replaceChildren();
    if (!visit.session) return;
    const exhibitData = visit.exhibitData;
    const curated = (exhibitData && exhibitData.suggestions && exhibitData.suggestions[visit.language]) || [];
    const answeredOnce = this.items.some((item) => item.kind === 'answer' && item.answered);
    const generic = visit.session.exhibit ? ['suggest.what', 'suggest.next'].map((key) => t(key)) : [t('suggest.next')];
    const more = t('suggest.more');
    const candidates = answeredOnce ? [more, ...curated, ...generic] : [...curated, ...generic, more];
    const chosen = [];
    for (const question of candidates) {
      if (chosen.length === 3) break;
      if (!chosen.includes(question) && (question === more || !this.asked.has(question.toLowerCase()))) chosen.push(question);
    }
    for (const question of chosen) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'chip';
      button.textContent = question;
      button.dataset.asks = 'suggestion';
      button.addEventListener('click', () => this.ask(question));
      const item = document.createElement('li');
      item.append(button);
      list.append(item);
    }
    section.hidden = chosen.length === 0;
    list.scrollLeft = 0;
  }

  renderItem(item) {
    const { visit } = this;
    const li = document.createElement('li');
    li.className = `turn ${item.kind}${item.kind === 'answer' && !item.answered ? ' unanswered' : ''}`;
    if (item.kind === 'place') {
      const entry = visit.siteData && visit.siteData.exhibits.find((e) => e.id === item.exhibit);
      const title = entry ? pick(entry.title, visit.chain()) : null;
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
    setText(text, { text: item.text, language: item.language || visit.language });
    li.append(text);
    if (item.kind === 'question' && item.pending) li.append(translated('p', 'meta pending', 'log.sending'));
    if (item.kind === 'answer' && item.sources && item.sources.length) {
      li.append(translated('p', 'meta', 'log.source', item.sources.map((source) => this.sourceTitle(source)).join(', ')));
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
      replay.addEventListener('click', () => this.speaker.speak(item));
      li.querySelector('.who').after(replay);
    }
    return li;
  }

  sourceTitle(source) {
    const { visit } = this;
    if (typeof source === 'string') return source;
    if (source.title && typeof source.title === 'object') {
      const found = pick(source.title, visit.chain());
      return found ? found.text : source.exhibit;
    }
    if (source.title) return source.title;
    const entry = visit.siteData && visit.siteData.exhibits.find((e) => e.id === source.exhibit);
    const found = entry && pick(entry.title, visit.chain());
    return found ? found.text : source.exhibit || '';
  }

  add(item, { reveal = true } = {}) {
    this.items.push(item);
    const li = this.renderItem(item);
    $('log').append(li);
    item.element = li;
    this.save();
    if (reveal) this.revealLatest();
    return item;
  }

  /** A question has its answer (or failed): no longer "sending". */
  settle(item) {
    item.pending = false;
    if (item.element) item.element.querySelector('.pending')?.remove();
    this.save();
  }

  save() {
    if (!this.visit.session) return;
    memory.keepLog(this.visit.session.id, this.items.map(({ element, buffer, pending, spoken, ...kept }) => kept));
  }

  /** Scrolls so the newest item shows above the dock: all of it if it fits, else its beginning. */
  revealLatest() {
    const last = $('log').lastElementChild;
    if (!last) return;
    const box = last.getBoundingClientRect();
    const dock = $('dock').getBoundingClientRect();
    const visibleBottom = Math.min(window.innerHeight, dock.top) - 16;
    if (box.bottom <= visibleBottom) return;
    const by = Math.min(box.bottom - visibleBottom, box.top - 16);
    if (by > 0) window.scrollBy({ top: by, behavior: scrollBehavior() });
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
