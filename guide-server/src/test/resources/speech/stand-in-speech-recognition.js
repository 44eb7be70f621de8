// A STAND-IN for the browser's SpeechRecognition (Web Speech API), for the visitor app's browser tests:
// no recognizer service can be reached from the test machines, so this plays what a real one would
// report, as the test scripts it, and records how the app used it. Not a recognizer: it hears nothing.
//
// Injected before the page's own scripts with its settings in window.__standInSpeechSettings:
//   onDevice: what available({processLocally: true}) answers ('available', 'downloadable', 'unavailable')
//   remote:   what available({processLocally: false}) answers
//   installs: whether install() succeeds
// The test drives it with window.__standInSpeech.say(words) (a partial result), .fail(code), and reads
// window.__standInSpeech.starts (each start: {lang, processLocally, interimResults}), .installs, .asked.
(() => {
  const settings = window.__standInSpeechSettings;
  const state = { starts: [], installs: [], asked: [], active: null };
  window.__standInSpeech = state;

  class StandInSpeechRecognition {
    constructor() {
      this.lang = '';
      this.interimResults = false;
      this.continuous = false;
      this.maxAlternatives = 1;
      this.processLocally = false;
      this.heard = '';
      this.ended = false;
    }

    static available(options) {
      state.asked.push({ langs: [...options.langs], processLocally: options.processLocally === true });
      return Promise.resolve(options.processLocally ? settings.onDevice : settings.remote);
    }

    static install(options) {
      state.installs.push({ langs: [...options.langs], processLocally: options.processLocally === true });
      if (settings.installs) settings.onDevice = 'available';
      return Promise.resolve(settings.installs === true);
    }

    start() {
      if (state.active === this) throw new DOMException('already started', 'InvalidStateError');
      state.starts.push({ lang: this.lang, processLocally: this.processLocally === true, interimResults: this.interimResults });
      state.active = this;
      setTimeout(() => this.onstart && this.onstart(), 20);
    }

    stop() {
      this.finish(() => {
        if (this.heard) this.report(this.heard, true);
      });
    }

    abort() {
      this.finish(() => this.onerror && this.onerror({ error: 'aborted' }));
    }

    finish(last) {
      if (this.ended) return;
      this.ended = true;
      if (state.active === this) state.active = null;
      setTimeout(() => {
        last();
        if (this.onend) this.onend();
      }, 30);
    }

    report(words, isFinal) {
      const result = [{ transcript: words, confidence: 0.9 }];
      result.isFinal = isFinal;
      if (this.onresult) this.onresult({ resultIndex: 0, results: [result] });
    }
  }

  state.say = (words) => {
    const recognition = state.active;
    if (!recognition) throw new Error('the stand-in is not listening');
    recognition.heard = words;
    if (recognition.interimResults) recognition.report(words, false);
  };
  state.fail = (code) => {
    const recognition = state.active;
    if (!recognition) throw new Error('the stand-in is not listening');
    recognition.ended = true;
    state.active = null;
    if (recognition.onerror) recognition.onerror({ error: code });
    if (recognition.onend) recognition.onend();
  };

  if (settings) {
    window.SpeechRecognition = StandInSpeechRecognition;
    window.webkitSpeechRecognition = StandInSpeechRecognition;
  } else {
    // a phone whose browser has no recognizer at all
    delete window.SpeechRecognition;
    delete window.webkitSpeechRecognition;
  }
})();
