// The visit: where the visitor is (site, exhibit, label), in which language, what the site and the
// exhibit say, and the conversation the guide keeps for them (the session), with the server calls about
// them, retried while the network is away.

import { api, memory, ApiError, NetworkError } from './api.js';

export class Visit {
  /**
   * `place`: the site, exhibit, label signature and kiosk hand-off the page was opened with. `dock` says
   * when the network is away. `onRenewed()`: an expired conversation was replaced by a new one.
   */
  constructor({ place, language, dock, onRenewed }) {
    this.place = place;
    this.language = language;
    this.dock = dock;
    this.onRenewed = onRenewed;
    this.siteData = null;
    this.exhibitData = null;
    this.session = null;
  }

  /** The exhibit the visitor is at: the conversation's once it is open, else the label's. */
  get exhibitId() {
    return this.session ? this.session.exhibit : this.place.exhibit;
  }

  /** As the server's Site.fallbackChain: the visitor's language, the site's fallback languages, its default, English. */
  chain() {
    const candidates = [this.language, ...(this.siteData?.fallbackLanguages ?? []), this.siteData?.defaultLanguage, 'en'];
    return [...new Set(candidates.filter(Boolean))];
  }

  /**
   * For a page without a label in its address: a kiosk hand-off (/c/{id}), or the installed app's start
   * page. Resolves with nothing once the place is known, or with what the page says instead
   * ([title key, text key]) when there is nowhere to go.
   */
  async findPlace() {
    const place = this.place;
    const handoff = place.handoff || (location.pathname.match(/^\/c\/([^/]+)$/) || [])[1];
    const label = location.pathname.match(/^\/v\/([^/]+)\/([^/]+)$/);
    const siteOnly = location.pathname.match(/^\/v\/([^/]+)$/);
    if (handoff) {
      try {
        const view = await this.retrying(() => api.session(decodeURIComponent(handoff)));
        memory.keepSession(view.site, view.id);
        Object.assign(place, { site: view.site, exhibit: view.exhibit, handoff: view.id });
        return null;
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 404) return ['handoff.expired.title', 'handoff.expired.body'];
        throw failure;
      }
    }
    if (label) {
      Object.assign(place, { site: decodeURIComponent(label[1]), exhibit: decodeURIComponent(label[2]),
        sig: new URLSearchParams(location.search).get('s') });
      return null;
    }
    if (siteOnly) {
      place.site = decodeURIComponent(siteOnly[1]);
      return null;
    }
    const last = memory.lastPlace();
    if (last && last.site) {
      Object.assign(place, { site: last.site, exhibit: last.exhibit });
      return null;
    }
    return ['app.name', 'start.scan'];
  }

  async loadSite() {
    const place = this.place;
    const [site, exhibit] = await Promise.all([
      this.retrying(() => api.site(place.site)),
      place.exhibit ? this.retrying(() => api.exhibit(place.site, place.exhibit)).catch(() => null) : null,
    ]);
    this.siteData = site;
    this.exhibitData = exhibit;
  }

  /** Continues this browser's conversation at the site (moving it to this label), or opens one. */
  async openSession() {
    const place = this.place;
    const known = place.handoff || memory.sessionId(place.site);
    let session = null;
    if (known) {
      try {
        const change = place.handoff ? null : { exhibit: place.exhibit || undefined, sig: place.sig || undefined };
        session = change && change.exhibit ? await this.retrying(() => api.changeSession(known, change)) : await this.retrying(() => api.session(known));
      } catch (failure) {
        if (!(failure instanceof ApiError && failure.code === 'session-not-found')) throw failure;
        memory.forgetLog(known);
      }
    }
    if (!session) {
      session = await this.retrying(() => api.openSession({
        site: place.site, exhibit: place.exhibit || undefined, sig: place.sig || undefined,
        language: memory.chosenLanguage() || this.language,
      }));
    }
    this.session = session;
    memory.keepSession(place.site, session.id);
    return session;
  }

  /** Opens a new conversation at the same place when the old one expired: the visitor does not notice. */
  async renewSession() {
    const expired = this.session;
    const atLabel = expired.exhibit && expired.exhibit === this.place.exhibit;
    const renewed = await api.openSession({
      site: expired.site, exhibit: expired.exhibit || undefined, sig: atLabel && this.place.sig ? this.place.sig : undefined,
      language: expired.language,
    });
    memory.forgetLog(expired.id);
    this.session = renewed;
    memory.keepSession(this.place.site, renewed.id);
    this.onRenewed();
  }

  /** Runs a call on the session; if the session expired, renews it and runs the call again. */
  async withSession(call) {
    try {
      return await call(this.session.id);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'session-not-found') {
        await this.renewSession();
        return call(this.session.id);
      }
      throw failure;
    }
  }

  /** Moves the conversation to another of the site's exhibits; resolves with the moved session. */
  async moveTo(exhibit) {
    const [moved, exhibitData] = await Promise.all([
      this.retrying(() => this.withSession((id) => api.changeSession(id, { exhibit }))),
      this.retrying(() => api.exhibit(this.place.site, exhibit)).catch(() => null),
    ]);
    this.session = moved;
    this.exhibitData = exhibitData;
    return moved;
  }

  /** Tells the guide the visitor's new language, so that it answers in it. */
  async speakIn(language) {
    if (!this.session) return;
    try {
      this.session = await this.retrying(() => this.withSession((id) => api.changeSession(id, { language })));
    } catch (failure) {
      console.error(failure);
    }
  }

  /** Retries a request until the network is back, saying so meanwhile; other errors are thrown. */
  async retrying(request) {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await request();
        if (attempt > 0) this.dock.setConnection('error.reconnected', 3000);
        return result;
      } catch (failure) {
        if (!(failure instanceof NetworkError)) throw failure;
        this.dock.setConnection('error.offline');
        await waitForNetwork(Math.min(1000 * 2 ** attempt, 10000));
      }
    }
  }
}

/** Resolves when the browser says it is online again, or after `delay` ms at the latest. */
export function waitForNetwork(delay) {
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
