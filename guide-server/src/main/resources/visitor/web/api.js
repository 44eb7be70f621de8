// The guide's HTTP API (docs/api.md) and what the browser remembers between pages.

/** The server answered with an error: `code` is its machine-readable reason ("session-not-found", ...). */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** The request did not reach the server (offline, connection dropped). */
export class NetworkError extends Error {}

async function call(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (failure) {
    throw new NetworkError(failure.message);
  }
  if (!response.ok) {
    let error = {};
    try { error = await response.json(); } catch { /* not JSON: a proxy's page */ }
    throw new ApiError(response.status, error.error || `http-${response.status}`, error.message || response.statusText);
  }
  return response.json();
}

const path = (...parts) => parts.map(encodeURIComponent).join('/');

export const api = {
  site: (site) => call('GET', `/api/v1/sites/${path(site)}`),
  exhibit: (site, exhibit) => call('GET', `/api/v1/sites/${path(site, 'exhibits', exhibit)}`),
  session: (id) => call('GET', `/api/v1/sessions/${path(id)}`),
  openSession: (request) => call('POST', '/api/v1/sessions', request),
  changeSession: (id, change) => call('PATCH', `/api/v1/sessions/${path(id)}`, change),
  /** `spoken`: the text is what the browser's own recognizer heard (a voice question). */
  ask: (id, text, spoken = false) => call('POST', `/api/v1/sessions/${path(id)}/turns`, spoken ? { text, spoken } : { text }),
};

/** localStorage, which a browser may refuse (private mode, full disk): then nothing is remembered. */
function stored(key) {
  try { return JSON.parse(localStorage.getItem(key)); } catch { return null; }
}
function store(key, value) {
  try {
    if (value === null || value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch { /* storage refused: the app works, it just forgets */ }
}

const MAX_LOG = 40;

export const memory = {
  /** The conversation this browser has at `site`, kept so that the next label continues it. */
  sessionId: (site) => stored(`hg.session.${site}`),
  keepSession: (site, id) => store(`hg.session.${site}`, id),
  /** The last site and exhibit visited, for the installed app's start page. */
  lastPlace: () => stored('hg.place'),
  keepPlace: (site, exhibit) => store('hg.place', { site, exhibit }),
  /** What was said in a conversation, so it is still on screen on the next label's page. */
  log: (id) => stored(`hg.log.${id}`) || [],
  keepLog: (id, items) => store(`hg.log.${id}`, items.slice(-MAX_LOG)),
  forgetLog: (id) => store(`hg.log.${id}`, null),
  /** The language the visitor picked, also as a cookie so the server renders the next page in it. */
  chooseLanguage(language) {
    store('hg.lang', language);
    document.cookie = `hg-lang=${encodeURIComponent(language)}; path=/; max-age=31536000; SameSite=Lax`;
  },
  chosenLanguage: () => stored('hg.lang'),
  /** Whether this visitor has asked something before (then the how-to hint is not shown again). */
  experienced: () => stored('hg.experienced') === true,
  becomeExperienced: () => store('hg.experienced', true),
  /** Whether the visitor was told that the browser's remote recognizer hears them (told once, before its first use). */
  toldOfRemoteSpeech: () => stored('hg.remote-speech-told') === true,
  rememberToldOfRemoteSpeech: () => store('hg.remote-speech-told', true),
};
