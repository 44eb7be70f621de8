// The top of the page: the site, the exhibit (its area, title, summary, picture, and a word when it is not
// in the visitor's language); the two panels, the site's exhibits and the visitor information; and what
// the page says when there is no exhibit to show.

import { t, currentLanguage, languageName, pick, setText } from './i18n.js';
import { $ } from './dom.js';

const INFO_TOPICS = ['hours', 'tickets', 'toilets', 'accessibility', 'photography', 'dressCode', 'cafe', 'shop', 'contact'];

export class ExhibitPage {
  /** `onChoose(exhibitId)`: the visitor picked an exhibit in the list. */
  constructor(visit, { onChoose }) {
    this.visit = visit;
    this.onChoose = onChoose;
  }

  /** Whether the page only says something now (showEnd). */
  get ended() {
    return !!document.body.dataset.ended;
  }

  render() {
    this.renderSite();
    this.renderExhibit();
    this.renderExhibitList();
    this.renderInfo();
  }

  renderSite() {
    const site = this.visit.siteData;
    if (!site) return;
    setText($('site-name'), pick(site.name, this.visit.chain()));
    $('open-exhibits').hidden = !site.exhibits.length;
    $('open-info').hidden = false;
  }

  renderExhibit() {
    const { siteData, exhibitData, exhibitId, language } = this.visit;
    const chain = this.visit.chain();
    const entry = siteData && exhibitId ? siteData.exhibits.find((e) => e.id === exhibitId) : null;
    const title = entry ? pick(entry.title, chain) : siteData ? pick(siteData.name, chain) : null;
    if (title) setText($('exhibit-title'), title);
    const area = entry && siteData.areas.find((a) => a.id === entry.area);
    setText($('exhibit-area'), area ? pick(area.name, chain) : null);
    const text = exhibitData ? pick(exhibitData.summary, chain) : siteData ? pick(siteData.intro, chain) : null;
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
    this.renderPicture();
    const siteName = siteData ? pick(siteData.name, chain) : null;
    document.title = [title && title.text, siteName && siteName.text].filter((x, i, all) => x && all.indexOf(x) === i).join(' · ');
  }

  /** The exhibit's first picture, at the width the phone needs, described in the visitor's language. */
  renderPicture() {
    const { exhibitData } = this.visit;
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
    const alt = pick(picture.alt, this.visit.chain());
    img.alt = alt ? alt.text : '';
    if (alt && alt.language !== document.documentElement.lang) img.lang = alt.language;
    else img.removeAttribute('lang');
    setText($('exhibit-picture-caption'), pick(picture.caption, this.visit.chain()));
    $('exhibit-picture-credit').textContent = picture.credit;
  }

  renderExhibitList() {
    const { siteData, exhibitId, language } = this.visit;
    const chain = this.visit.chain();
    const container = $('exhibits-body');
    container.replaceChildren();
    if (!siteData) return;
    const groups = new Map();
    for (const area of siteData.areas) groups.set(area.id, { name: pick(area.name, chain), exhibits: [] });
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
        const found = pick(exhibit.title, chain);
        setText(title, found);
        button.append(title);
        if (found && found.language !== language) {
          // a title not translated yet says which language it is in, rather than mixing languages silently
          const shownIn = document.createElement('span');
          shownIn.className = 'shown-in';
          shownIn.textContent = languageName(found.language);
          button.append(shownIn);
        }
        if (exhibit.id === exhibitId) {
          button.setAttribute('aria-current', 'location');
          const here = document.createElement('span');
          here.className = 'here';
          here.textContent = t('exhibits.here');
          button.append(here);
        }
        button.addEventListener('click', () => {
          this.closePanel($('exhibits-dialog'));
          this.onChoose(exhibit.id);
        });
        const item = document.createElement('li');
        item.append(button);
        list.append(item);
      }
      container.append(heading, list);
    }
  }

  renderInfo() {
    const site = this.visit.siteData;
    const container = $('info-body');
    container.replaceChildren();
    if (!site) return;
    const sections = [['info.about', site.intro]];
    for (const topic of INFO_TOPICS) if (site.visitorInfo[topic]) sections.push([`info.${topic}`, site.visitorInfo[topic]]);
    for (const [key, texts] of sections) {
      const found = pick(texts, this.visit.chain());
      if (!found) continue;
      const heading = document.createElement('h3');
      heading.textContent = t(key);
      const text = document.createElement('p');
      setText(text, found);
      container.append(heading, text);
    }
  }

  /** A page with nothing to do but say something: an expired hand-off, an unknown label, no site yet. */
  showEnd(titleKey, textKey) {
    const body = document.body;
    body.dataset.ended = 'true';
    document.title = t(titleKey);
    $('exhibit-title').textContent = t(titleKey);
    $('exhibit-summary').textContent = t(textKey);
    $('exhibit-area').textContent = '';
    $('site-name').textContent = '';
    $('dock').hidden = true;
    body.dataset.ready = 'true';
  }

  /** A label the site does not know; `siteKnown`: the way on to the site's exhibits, as the server's page has. */
  showUnknownLabel(siteKnown) {
    this.showEnd('app.name', 'error.label-not-recognised');
    $('exhibit-title').textContent = '';
    if (!siteKnown) return;
    const { siteData, place } = this.visit;
    const found = siteData && pick(siteData.name, this.visit.chain());
    const more = document.createElement('a');
    more.className = 'more-link';
    more.href = `/v/${encodeURIComponent(place.site)}#exhibits`;
    more.textContent = t('exhibits.see-all', found ? found.text : place.site);
    $('exhibit-summary').after(more);
  }

  /** Opens a full-screen panel (a modal dialog; on browsers without <dialog>, the same look without the modality). */
  openPanel(dialog, opener) {
    dialog.opener = opener;
    if (typeof dialog.showModal === 'function') {
      dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
      dialog.classList.add('fallback');
      dialog.querySelector('[data-close]').focus();
    }
  }

  closePanel(dialog) {
    if (typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
    if (dialog.opener && document.contains(dialog.opener)) dialog.opener.focus({ preventScroll: true });
  }
}
