// Asking aloud: the big button (hold it while speaking, or tap to start and to stop), the visitor's voice
// to whoever hears their language (the guide over the voice socket, or the browser's own recognizer:
// recognition.js), and the answer, spoken as its audio streams back.

import { api, memory, ApiError } from './api.js';
import { t, languageName } from './i18n.js';
import { $ } from './dom.js';
import { typeAction, retryAction } from './dock.js';
import { waitForNetwork } from './visit.js';
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
const NO_SPEECH_KEY = 'hg.no-speech';

export class VoiceQuestions {
  constructor({ visit, dock, speaker, conversation }) {
    this.visit = visit;
    this.dock = dock;
    this.speaker = speaker;
    this.conversation = conversation;
    /** The question being asked aloud (its audio, how far it was sent, its transcript), or null. */
    this.utterance = null;
    /** Set from sending a question until its transcript comes: an answer meanwhile is to an earlier question. */
    this.awaitingTranscript = false;
    this.answerItem = null;
    this.answerStream = null;
    this.audioFallbackTimer = 0;
    this.answerTimer = 0;
    this.reconnecting = false;
    /** Who hears the visitor's questions in their language (recognition.js): the guide, the browser, or no one. */
    this.recognizer = { kind: 'server' };
    /** Languages the server said it cannot hear (WS `no-speech-model`), remembered for this visit. */
    this.noSpeech = new Set(remembered(NO_SPEECH_KEY) || []);
    this.microphone = new Microphone();
    this.socket = new VoiceSocket({
      url: () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/v1/sessions/${encodeURIComponent(visit.session.id)}/voice`,
      onMessage: (message) => this.onVoiceMessage(message),
      onAudio: (data) => this.onVoiceAudio(data),
      onClose: () => this.onVoiceClosed(),
    });
  }

  /** Whether the visitor is holding the button down while speaking (rather than having tapped it). */
  get holding() {
    return !!this.utterance && this.utterance.mode === 'hold';
  }

  get listening() {
    return !!this.utterance && !this.utterance.stopped;
  }

  /** The ask button (pointer, key, a screen reader's click), and the page hidden while the visitor speaks. */
  bindControls(ask) {
    let press = null;
    let handledByPointer = false;

    const pressStart = (kind) => {
      const listening = this.listening;
      press = { at: performance.now(), finishing: listening, kind };
      if (!listening) this.beginAsking('hold');
    };
    const pressEnd = () => {
      if (!press) return;
      this.speaker.unlock();
      const { at, finishing } = press;
      press = null;
      if (finishing) return this.finishAsking();
      const current = this.utterance;
      if (!current || current.stopped) return;
      const now = performance.now();
      const held = current.liveAt && now - at >= HOLD_MS && now - current.liveAt >= 250;
      if (held) {
        this.finishAsking(current);
      } else {
        current.mode = 'tap';
        this.dock.setState(this.dock.state);
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
      if (this.listening) this.finishAsking();
      else this.beginAsking('tap');
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

    document.addEventListener('visibilitychange', () => {
      if (document.hidden && this.listening) this.finishAsking();
    });
  }

  // ---------------------------------------------------------------- who hears the visitor

  /** Chooses who hears the visitor in their language, and shows the controls that fit: no hold button when no one can. */
  async decideRecognizer() {
    const { visit } = this;
    if (!visit.siteData) return;
    const deciding = visit.language;
    const site = this.noSpeech.has(deciding) ? { ...visit.siteData, heardLanguages: [] } : visit.siteData;
    const chosen = await chooseRecognizer(deciding, site);
    if (deciding !== visit.language) return;
    this.recognizer = chosen;
    this.renderVoice();
  }

  renderVoice() {
    const { recognizer } = this;
    const language = this.visit.language;
    const none = recognizer.kind === 'none';
    document.body.dataset.voice = recognizer.kind === 'browser' ? (recognizer.onDevice ? 'on-device' : 'remote') : recognizer.kind;
    $('ask-row').hidden = none;
    const hint = $('ask-hint');
    hint.dataset.i18n = none ? 'voice.none' : 'ask.hint';
    if (none) hint.dataset.i18nArgs = JSON.stringify([languageName(language)]);
    else delete hint.dataset.i18nArgs;
    hint.textContent = none ? t('voice.none', languageName(language)) : t('ask.hint');
    if (none) $('question').setAttribute('aria-describedby', 'ask-hint');
    else $('question').removeAttribute('aria-describedby');
  }

  // ---------------------------------------------------------------- asking the guide over the voice socket

  async beginAsking(mode) {
    const { dock, speaker } = this;
    dock.clearProblem();
    speaker.unlock();
    speaker.stop();
    if (this.listening) return;
    if (!this.visit.session) return; // still opening the conversation (the status line says why if it is slow)
    if (this.recognizer.kind === 'browser') return this.beginBrowserAsking(mode);
    if (this.recognizer.kind === 'none') return dock.showProblem('voice.none', [languageName(this.visit.language)], [typeAction]);
    if (!microphoneSupported()) return dock.showProblem('error.mic-unsupported', [], [typeAction]);
    const current = { chunks: [], sent: 0, started: false, stopped: false, mode, liveAt: 0, transcript: null };
    this.utterance = current;
    dock.setState('starting');
    dock.showHeard('');
    this.sendUtterance(current);
    try {
      await this.microphone.start(speaker.context, (pcm) => this.onMicrophoneChunk(current, pcm), (level) => dock.showLevel(level));
    } catch (failure) {
      if (this.utterance === current) {
        this.utterance = null;
        this.awaitingTranscript = false;
        this.socket.close(); // frees the server's listener at once
        dock.setState('idle');
      }
      if (failure instanceof MicrophoneError && failure.kind === 'cancelled') return;
      console.warn('microphone', failure, failure && failure.cause);
      if (failure instanceof MicrophoneError) {
        dock.showProblem(`error.mic-${failure.kind}`, [], [typeAction]);
        if (failure.kind !== 'unsupported') $('question').focus({ preventScroll: true });
      } else {
        console.error(failure);
        dock.showProblem('error.mic-unsupported', [], [typeAction]);
      }
      return;
    }
    if (this.utterance !== current || current.stopped) {
      this.microphone.release();
      return;
    }
    current.liveAt = speaker.unlocked ? performance.now() : 0;
    if (current.chunks.length) dock.setState('listening');
    current.limit = setTimeout(() => this.finishAsking(current), MAX_UTTERANCE_MS);
  }

  onMicrophoneChunk(current, pcm) {
    const { socket } = this;
    if (!current.liveAt && this.speaker.unlocked) current.liveAt = performance.now();
    current.chunks.push(pcm);
    if (this.dock.state === 'starting' && this.utterance === current && !current.stopped) this.dock.setState('listening');
    if (current.connected && !current.started && this.utterance === current && socket.open) {
      this.beginSending(current);
    } else if (current.started && socket.open && current.sent === current.chunks.length - 1) {
      socket.sendAudio(pcm);
      current.sent = current.chunks.length;
    }
  }

  /** Sends an utterance (again, after a reconnection) from its first chunk. */
  async sendUtterance(current) {
    try {
      await this.socket.connect();
    } catch {
      return this.voiceUnreachable(current);
    }
    if (this.utterance !== current) return;
    current.sent = 0;
    current.started = false;
    current.connected = true;
    this.awaitingTranscript = true;
    // `start` goes with the first sound, not before: the guide gives a question a few seconds to begin
    // (no-speech), and the phone may still be asking the visitor for the microphone
    if (current.chunks.length) this.beginSending(current);
    else if (current.stopped) this.failVoice('error.not-heard', [], [typeAction]);
  }

  beginSending(current) {
    const { socket } = this;
    socket.send({ type: 'start', sampleRate: 16000 });
    current.started = true;
    while (current.sent < current.chunks.length) socket.sendAudio(current.chunks[current.sent++]);
    if (current.stopped) socket.send({ type: 'stop' });
  }

  async finishAsking(current = this.utterance) {
    if (!current || current.stopped) return;
    const { socket, dock } = this;
    current.stopped = true;
    clearTimeout(current.limit);
    if (current.browser) {
      if (!current.listener) {
        // let go while the language pack was still being installed: nothing was heard yet
        this.utterance = null;
        dock.setState('idle');
        return;
      }
      current.listener.stop();
      dock.setState('thinking');
      this.watchForAnswer();
      return;
    }
    await this.microphone.stop();
    if (this.utterance !== current) return;
    if (current.started && socket.open) {
      while (current.sent < current.chunks.length) socket.sendAudio(current.chunks[current.sent++]);
      socket.send({ type: 'stop' });
    } else if (current.connected && socket.open) {
      if (!current.chunks.length) return this.failVoice('error.not-heard', [], [typeAction]);
      this.beginSending(current);
    }
    dock.setState('thinking');
    this.watchForAnswer();
  }

  watchForAnswer() {
    clearTimeout(this.answerTimer);
    this.answerTimer = setTimeout(() => {
      if (this.dock.state !== 'thinking') return;
      this.utterance = null;
      this.dock.setState('idle');
      this.dock.showProblem('error.generic', [], [typeAction]);
    }, ANSWER_TIMEOUT_MS);
  }

  onVoiceMessage(message) {
    switch (message.type) {
      case 'partial':
        if (this.utterance && !this.utterance.transcript && message.text) this.dock.showHeard(message.text);
        break;
      case 'transcript':
        this.onTranscript(message.text || '');
        break;
      case 'answer':
        if (this.awaitingTranscript) break; // an answer to a question the visitor talked over
        this.onVoiceAnswer(message);
        break;
      case 'audio':
        if (this.awaitingTranscript || !this.answerItem) break;
        clearTimeout(this.audioFallbackTimer);
        this.answerStream = this.speaker.startStream();
        break;
      case 'audio-end':
        if (this.answerStream) {
          this.answerStream.end();
          const recording = this.answerStream.recording();
          if (recording && this.answerItem) {
            this.answerItem.buffer = recording;
          }
          this.answerStream = null;
        }
        break;
      case 'ready':
        // the guide hears this language but cannot speak it: answers will come as text only
        if (message.speaks === false && message.notice) this.dock.setStatusText(message.notice, 8000);
        break;
      case 'error':
        this.onVoiceError(message);
        break;
      default:
        break;
    }
  }

  onVoiceAudio(data) {
    if (this.answerStream && !this.awaitingTranscript) this.answerStream.feed(data);
  }

  onTranscript(text) {
    const { dock } = this;
    this.awaitingTranscript = false;
    const current = this.utterance;
    if (current && !current.stopped) {
      current.stopped = true;
      clearTimeout(current.limit);
      this.microphone.stop();
    }
    if (!text.trim()) {
      this.utterance = null;
      dock.setState('idle');
      dock.showProblem('error.not-heard', [], [typeAction]);
      return;
    }
    if (current) current.transcript = text;
    this.conversation.addHeard(text);
    dock.setState('thinking');
    this.watchForAnswer();
  }

  onVoiceAnswer(answer) {
    clearTimeout(this.answerTimer);
    this.utterance = null;
    const item = this.conversation.showAnswer(answer, true);
    this.answerItem = item;
    clearTimeout(this.audioFallbackTimer);
    if (answer.audioUrl) {
      this.audioFallbackTimer = setTimeout(() => {
        if (this.answerItem === item && !this.answerStream) this.speaker.speak(item);
      }, AUDIO_GRACE_MS);
    }
    if (this.dock.state === 'thinking') this.dock.setState('idle');
  }

  onVoiceError(error) {
    this.awaitingTranscript = false;
    const current = this.utterance;
    if (!current) return; // e.g. the server closing an idle connection: nothing the visitor is waiting for
    if (error.code === 'session-not-found') {
      current.renewing = true;
      this.visit.renewSession()
        .then(() => { current.renewing = false; return this.sendUtterance(current); })
        .catch(() => this.failVoice('error.generic', [], [typeAction]));
      return;
    }
    const language = this.visit.language;
    if (error.code === 'no-speech-model') {
      this.noSpeech.add(language);
      try { sessionStorage.setItem(NO_SPEECH_KEY, JSON.stringify([...this.noSpeech])); } catch { /* not kept: asked again next page */ }
      this.failVoice('error.no-speech-model', [languageName(language)], [typeAction]);
      return this.decideRecognizer(); // the browser may hear it instead
    }
    if (error.code === 'busy') return this.failVoice('error.busy', [], [retryAction(() => this.beginAsking('tap')), typeAction]);
    if (error.code === 'no-speech') return this.failVoice('error.not-heard', [], [typeAction]);
    if (error.code === 'too-many-requests') return this.failVoice('error.too-many', [], [typeAction]);
    // anything else the server explains itself, in the visitor's language (e.g. a question too long)
    this.failVoice('error.generic', [], [typeAction], error.message);
  }

  failVoice(key, args = [], actions = [], text = null) {
    const current = this.utterance;
    if (current) {
      clearTimeout(current.limit);
      if (current.browser) current.listener?.abort();
      else this.microphone.release();
    }
    this.utterance = null;
    clearTimeout(this.answerTimer);
    this.dock.setState('idle');
    this.dock.showProblem(key, args, actions, text);
  }

  /** The socket dropped: a question still on its way is sent again once the connection is back. */
  onVoiceClosed() {
    const current = this.utterance;
    if (this.answerStream) {
      this.answerStream.end();
      this.answerStream = null;
    }
    if (!current || current.renewing) return;
    if (current.transcript) {
      this.utterance = null;
      this.conversation.ask(current.transcript, { shown: true });
      return;
    }
    this.voiceUnreachable(current);
  }

  async voiceUnreachable(current) {
    const { visit, dock } = this;
    if (this.reconnecting || this.utterance !== current) return;
    this.reconnecting = true;
    dock.setConnection('error.offline');
    try {
      let refused = 0;
      for (let attempt = 0; this.utterance === current; attempt++) {
        if (navigator.onLine !== false) {
          let reachable = false;
          try {
            await visit.withSession((id) => api.session(id));
            reachable = true;
            await this.socket.connect();
            dock.setConnection('error.reconnected', 3000);
            this.reconnecting = false;
            if (this.utterance === current) this.sendUtterance(current);
            return;
          } catch (failure) {
            if ((failure instanceof ApiError && failure.code !== 'session-not-found') || (reachable && ++refused >= 3)) {
              // the server answers but will not take voice: typing still works
              this.reconnecting = false;
              dock.setConnection(null);
              return this.failVoice('error.busy', [], [typeAction]);
            }
          }
        }
        await waitForNetwork(Math.min(1000 * 2 ** attempt, 10000));
      }
    } finally {
      this.reconnecting = false;
      // the visitor gave up on that question (or it failed): nothing is waiting for the connection any more
      if (this.utterance !== current && dock.connection === 'error.offline') dock.setConnection(null);
    }
  }

  // ---------------------------------------------------------------- asking through the browser's recognizer

  async beginBrowserAsking(mode) {
    const { visit, dock } = this;
    if (!this.recognizer.onDevice && !memory.toldOfRemoteSpeech()) {
      // before the voice first leaves the phone, the visitor is told where it goes, and may type instead
      return dock.showProblem('voice.remote-notice', [languageName(visit.language)], [
        { key: 'action.continue', run: () => { memory.rememberToldOfRemoteSpeech(); this.beginAsking('tap'); } }, typeAction]);
    }
    const current = { browser: true, stopped: false, mode, liveAt: 0, transcript: null, listener: null };
    this.utterance = current;
    dock.setState('starting');
    dock.showHeard('');
    if (this.recognizer.install) {
      dock.showHeard(t('voice.installing', languageName(visit.language)));
      const installed = await installOnDevice(visit.language);
      if (this.utterance !== current) return;
      if (!installed) {
        this.utterance = null;
        dock.setState('idle');
        this.recognizer = visit.siteData.browserSpeech === 'remote-allowed' ? { kind: 'browser', onDevice: false } : { kind: 'none' };
        this.renderVoice();
        return this.recognizer.kind === 'none'
          ? dock.showProblem('voice.none', [languageName(visit.language)], [typeAction]) : this.beginBrowserAsking('tap');
      }
      this.recognizer = { ...this.recognizer, install: false };
      dock.showHeard('');
    }
    current.listener = new BrowserListener(visit.language, this.recognizer.onDevice, {
      onStart: () => {
        current.liveAt = performance.now();
        if (this.utterance === current && !current.stopped) dock.setState('listening');
      },
      onPartial: (text) => { if (this.utterance === current && text) dock.showHeard(text); },
      onFinal: (text) => this.onBrowserTranscript(current, text),
      onError: (code) => this.onBrowserError(current, code),
    });
    try {
      current.listener.start();
    } catch (failure) {
      console.error(failure);
      return this.failVoice('error.generic', [], [typeAction]);
    }
    current.limit = setTimeout(() => this.finishAsking(current), MAX_UTTERANCE_MS);
  }

  onBrowserTranscript(current, text) {
    if (this.utterance !== current) return;
    clearTimeout(current.limit);
    clearTimeout(this.answerTimer);
    this.utterance = null;
    if (!text) {
      this.dock.setState('idle');
      this.dock.showProblem('error.not-heard', [], [typeAction]);
      return;
    }
    this.conversation.ask(text, { spoken: true });
  }

  /** The Web Speech API's error codes, told in the visitor's words. */
  onBrowserError(current, code) {
    if (this.utterance !== current || code === 'aborted') return;
    if (code === 'no-speech') return this.failVoice('error.not-heard', [], [typeAction]);
    if (code === 'audio-capture') return this.failVoice('error.mic-absent', [], [typeAction]);
    if (code === 'not-allowed') {
      this.failVoice('error.mic-denied', [], [typeAction]);
      return $('question').focus({ preventScroll: true });
    }
    if (code === 'network' || code === 'service-not-allowed') return this.failVoice('voice.unreachable', [], [typeAction]);
    if (code === 'language-not-supported') {
      this.failVoice('voice.none', [languageName(this.visit.language)], [typeAction]);
      this.recognizer = { kind: 'none' };
      return this.renderVoice();
    }
    this.failVoice('error.generic', [], [typeAction]);
  }

  // ---------------------------------------------------------------- giving way

  /** The visitor typed while speaking: what was said so far is dropped, not answered as well. */
  drop() {
    const current = this.utterance;
    if (!current) return;
    if (current.browser) current.listener?.abort();
    else this.microphone.release();
    clearTimeout(current.limit);
    this.utterance = null;
    this.awaitingTranscript = false;
    this.socket.close();
  }

  /** The conversation was renewed: the socket of the expired one is closed (the next question opens one). */
  hangUp() {
    this.socket.close();
  }
}

function remembered(key) {
  try { return JSON.parse(sessionStorage.getItem(key)); } catch { return null; }
}
