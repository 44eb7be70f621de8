// The name of a language in its own script, for the visitor app and the studio alike: the studio serves this
// same file as /studio/assets/language-names.js (studio.StudioPageController), so that there is one of it.

/**
 * A language's name in its own script: "Tiếng Việt", "Français", "中文", from the browser's CLDR data (the
 * kiosk takes them from Java's), so that no list of languages is kept here.
 */
export function endonym(language) {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(language);
    return name ? name.charAt(0).toLocaleUpperCase(language) + name.slice(1) : language;
  } catch {
    return language;
  }
}
