// The dock at the bottom of the page: the status line (the connection), a problem with what the visitor
// can do about it, the ask button's state, and the words heard so far.

import { t } from './i18n.js';
import { $ } from './dom.js';

/** What a visitor can do about a problem: type the question instead. */
export const typeAction = { key: 'action.type', run: () => $('question').focus() };
export const retryAction = (run) => ({ key: 'action.retry', run });

export class Dock {
  /** `holding()`: whether the visitor is holding the button down while speaking (rather than having tapped it). */
  constructor({ holding }) {
    this.holding = holding;
    /** 'idle', 'starting' (the microphone is opening), 'listening', 'thinking' or 'speaking'. */
    this.state = 'idle';
    this.problem = null;
    this.statusTimer = 0;
  }

  setState(next) {
    this.state = next;
    document.body.dataset.state = next;
    const listening = next === 'listening' || next === 'starting';
    $('ask').setAttribute('aria-pressed', String(listening));
    const label = $('ask-label');
    // "starting": the microphone is opening and no sound has arrived yet, so nothing said now would be heard
    const key = next === 'starting' ? 'ask.starting'
      : listening ? (this.holding() ? 'ask.listening-hold' : 'ask.listening-tap')
        : next === 'speaking' ? 'ask.interrupt' : 'ask.hold';
    label.dataset.i18n = key;
    label.textContent = t(key);
    $('stop').hidden = next !== 'speaking';
    $('listening').hidden = !(listening || next === 'thinking');
    if (next === 'thinking') this.showHeard(t('ask.thinking'));
    if (!listening) $('level').style.setProperty('--level', '0');
  }

  /** Shows the state and the status line again in the language just chosen. */
  translate() {
    this.setState(this.state);
    const status = $('status');
    if (status.dataset.key) status.textContent = t(status.dataset.key);
  }

  /** The words heard so far (or what the guide is doing with them). */
  showHeard(text) {
    $('partial').textContent = text;
  }

  showLevel(level) {
    $('level').style.setProperty('--level', Math.min(1, level * 6).toFixed(2));
  }

  /** The connection's state in the status line: 'error.offline', 'error.reconnected', or null for nothing. */
  setConnection(key, clearAfter = 0) {
    this.setStatusText(key ? t(key) : '', clearAfter);
    const status = $('status');
    status.dataset.key = key || '';
    status.classList.toggle('offline', key === 'error.offline');
  }

  /** The connection's state the status line shows ('error.offline'...), '' when none. */
  get connection() {
    return $('status').dataset.key;
  }

  /** A short state in the dock's status line (a screen reader says it politely). */
  setStatusText(text, clearAfter = 0) {
    clearTimeout(this.statusTimer);
    const status = $('status');
    status.dataset.key = '';
    status.classList.remove('offline');
    status.textContent = text;
    if (clearAfter) this.statusTimer = setTimeout(() => this.setConnection(null), clearAfter);
  }

  /**
   * A problem the visitor must know about, in their language, with what they can do next. `text`, when
   * given, is the server's own explanation (already in the visitor's language), shown instead of `key`'s.
   */
  showProblem(key, args = [], actions = [], text = null) {
    this.problem = { key, args, actions, text };
    $('notice-text').textContent = text || t(key, ...args);
    const buttons = $('notice-actions');
    buttons.replaceChildren();
    for (const action of [...actions, { key: 'action.dismiss', run: () => {} }]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = t(action.key);
      button.addEventListener('click', () => {
        this.clearProblem();
        action.run();
      });
      buttons.append(button);
    }
    $('notice').hidden = false;
  }

  /** Shows the problem still on screen again (in the language just chosen). */
  showProblemAgain() {
    const problem = this.problem;
    if (problem) this.showProblem(problem.key, problem.args, problem.actions, problem.text);
  }

  clearProblem() {
    this.problem = null;
    $('notice').hidden = true;
  }
}
