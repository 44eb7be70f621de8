// Which recognizer hears the visitor, and the browser's own one (the Web Speech API).
// The guide's own recognizer (the voice socket) wherever the server has a model for the language; else
// the browser's, on the phone itself first; its remote service only where the site allows it
// (site.yaml `browserSpeech`). See docs/visitor-app.md, "Speech recognition".

/** The regional tag a browser's recognizer expects for each language the guide speaks. */
const SPEECH_TAGS = { vi: 'vi-VN', en: 'en-US', fr: 'fr-FR', zh: 'zh-CN', ko: 'ko-KR', ja: 'ja-JP', de: 'de-DE', es: 'es-ES' };

const speechTag = (language) => SPEECH_TAGS[language] || language;

function BrowserRecognition() {
  return window.SpeechRecognition || window.webkitSpeechRecognition || null;
}

/**
 * How `language` will be heard at `site` on this phone:
 * - `{kind: 'server'}`: the guide's own recognizer (audio goes to the guide only);
 * - `{kind: 'browser', onDevice: true, install}`: the browser's recognizer on the phone (`install`: its
 *   language pack must be installed first);
 * - `{kind: 'browser', onDevice: false}`: the browser's remote service (allowed by the site);
 * - `{kind: 'none'}`: nothing can hear it here: the visitor types.
 */
export async function chooseRecognizer(language, site) {
  // (a site description kept from before the guide said what it hears: as then, the guide listens)
  if (!site.heardLanguages || site.heardLanguages.includes(language)) return { kind: 'server' };
  const Recognition = BrowserRecognition();
  if (!Recognition || site.browserSpeech === 'off') return { kind: 'none' };
  const remoteAllowed = site.browserSpeech === 'remote-allowed';
  const langs = [speechTag(language)];
  if (typeof Recognition.available !== 'function') {
    // a browser that cannot say where it recognizes (older Chrome, Safari) may send the voice away
    return remoteAllowed ? { kind: 'browser', onDevice: false } : { kind: 'none' };
  }
  const onDevice = await availability(Recognition, { langs, processLocally: true });
  if (onDevice === 'available') return { kind: 'browser', onDevice: true, install: false };
  if (onDevice === 'downloadable' || onDevice === 'downloading') return { kind: 'browser', onDevice: true, install: true };
  if (!remoteAllowed) return { kind: 'none' };
  const remote = await availability(Recognition, { langs, processLocally: false });
  return remote === 'unavailable' ? { kind: 'none' } : { kind: 'browser', onDevice: false };
}

async function availability(Recognition, options) {
  try {
    return await Recognition.available(options);
  } catch {
    return 'unavailable';
  }
}

/** Installs the on-device language pack (needs the visitor's gesture); true when recognition can run on the phone. */
export async function installOnDevice(language) {
  try {
    return (await BrowserRecognition().install({ langs: [speechTag(language)], processLocally: true })) === true;
  } catch {
    return false;
  }
}

/**
 * One question heard by the browser: `onPartial(text)` while the visitor speaks, `onFinal(text)` once
 * (empty when nothing was heard), `onError(code)` with the Web Speech API's error code.
 */
export class BrowserListener {
  constructor(language, onDevice, { onStart, onPartial, onFinal, onError }) {
    const recognition = new (BrowserRecognition())();
    recognition.lang = speechTag(language);
    recognition.interimResults = true;
    recognition.continuous = false;
    recognition.maxAlternatives = 1;
    if (onDevice) recognition.processLocally = true;
    let final = '';
    let failed = false;
    recognition.onstart = () => onStart();
    recognition.onresult = (event) => {
      let heard = '';
      final = '';
      for (let i = 0; i < event.results.length; i++) {
        const text = event.results[i][0].transcript;
        heard += text;
        if (event.results[i].isFinal) final += text;
      }
      onPartial(heard.trim());
    };
    recognition.onerror = (event) => {
      failed = true;
      onError(event.error);
    };
    recognition.onend = () => { if (!failed) onFinal(final.trim()); };
    this.recognition = recognition;
  }

  start() {
    this.recognition.start();
  }

  /** The visitor has finished: what was heard comes as the final result. */
  stop() {
    this.recognition.stop();
  }

  /** Drops the question: nothing more is reported. */
  abort() {
    this.recognition.onend = null;
    this.recognition.onerror = null;
    this.recognition.onresult = null;
    this.recognition.abort();
  }
}
