// The guide speaking aloud: its recordings (player.js: streamed, or a file), or the browser's own voice
// for a greeting with no file.

import { Player } from './player.js';

/** The browser's voice for `language`, if it has one. */
export function browserVoice(language) {
  const synthesis = window.speechSynthesis;
  if (!synthesis || !window.SpeechSynthesisUtterance) return null;
  return synthesis.getVoices().find((v) => v.lang && v.lang.toLowerCase().split(/[-_]/)[0] === language) || null;
}

export class Speaker {
  /** `dock` shows that the guide is speaking, and a recording that cannot be played. */
  constructor(dock) {
    this.dock = dock;
    const body = document.body;
    // the counts are for the tests, which cannot hear
    this.player = new Player({
      onStart: () => {
        body.dataset.played = String(Number(body.dataset.played || 0) + 1);
        dock.setState('speaking');
      },
      onIdle: () => this.stopped(),
      onCut: () => { body.dataset.cut = String(Number(body.dataset.cut || 0) + 1); },
    });
  }

  /** Lets the page make sound; call it inside the visitor's gesture (tap, key). */
  unlock() {
    this.player.unlock();
  }

  /** Whether sound is unlocked, and the audio context it plays in (the microphone records in it too). */
  get unlocked() {
    return this.player.unlocked;
  }

  get context() {
    return this.player.context;
  }

  /** Starts playing an answer as its audio streams in (player.js). */
  startStream() {
    return this.player.startStream();
  }

  /** Plays what the guide said: its streamed recording, its file, or (for a greeting with no file) the browser's voice. */
  async speak(item) {
    this.player.unlock();
    cancelBrowserVoice();
    try {
      if (item.buffer) {
        this.player.playBuffer(item.buffer);
      } else if (item.audioUrl) {
        const buffer = await this.player.playUrl(item.audioUrl);
        if (buffer) item.buffer = buffer;
      } else if (item.kind === 'guide') {
        this.speakWithBrowser(item.text, item.language);
      }
    } catch (failure) {
      console.error(failure);
      this.dock.showProblem('error.audio');
    }
  }

  speakWithBrowser(text, language) {
    const voice = browserVoice(language);
    if (!voice) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onstart = () => this.dock.setState('speaking');
    utterance.onend = () => this.stopped();
    window.speechSynthesis.speak(utterance);
  }

  /** Silences the guide (Stop, barge-in, another exhibit). */
  stop() {
    cancelBrowserVoice();
    this.player.stop();
    this.stopped();
  }

  stopped() {
    if (this.dock.state === 'speaking') this.dock.setState('idle');
  }
}

function cancelBrowserVoice() {
  if (window.speechSynthesis && window.speechSynthesis.speaking) window.speechSynthesis.cancel();
}
