package org.heritageguide.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.heritageguide.i18n.Languages;
import org.heritageguide.i18n.TextBundle;
import org.heritageguide.site.Localized;
import org.heritageguide.site.Site;
import org.springframework.stereotype.Component;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

/**
 * What the guide itself says (greetings, "I don't know", notices), per language, from
 * {@code i18n/<language>/guide.properties}, so that a translator can add a language without code.
 * A phrase missing in a language falls back to English.
 */
@Component
public final class GuidePhrases {

    private static final String FALLBACK = Languages.FALLBACK;
    private final Map<String, Properties> bundles = new ConcurrentHashMap<>();

    /** Whether the guide has its own phrases in this language. */
    public boolean has(String language) {
        return !bundle(language).isEmpty();
    }

    public String say(String language, String key, Object... arguments) {
        String pattern = bundle(language).getProperty(key);
        if (pattern == null) {
            pattern = bundle(FALLBACK).getProperty(key);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("No phrase '" + key + "' in i18n/en/guide.properties");
        }
        Object[] fitted = arguments.clone();
        for (int i = 0; i < fitted.length; i++) {
            if (fitted[i] instanceof String name) {
                int at = pattern.indexOf("{" + i + "}");
                if (at >= 0) {
                    String before = pattern.substring(0, at);
                    String[] fit = fitName(language, before, name);
                    pattern = fit[0] + pattern.substring(at);
                    fitted[i] = fit[1];
                }
            }
        }
        return new MessageFormat(pattern, Locale.forLanguageTag(language)).format(fitted);
    }

    /**
     * Names listed as one ("the Kite building, the Bronze Drum building, and Hmong house"), as the language joins
     * them: the first is fitted where {@link #say} puts the list, each of the others is inside a sentence.
     */
    public String list(String language, List<String> names) {
        List<String> fitted = new ArrayList<>();
        for (String name : names) {
            fitted.add(fitted.isEmpty() ? name : withArticleInSentence(language, name));
        }
        return ListFormatter.getInstance(ULocale.forLanguageTag(language)).format(fitted);
    }

    private String withArticleInSentence(String language, String name) {
        return leadingArticle(language, name)
                .map(article -> article.toLowerCase(Locale.forLanguageTag(language)) + name.substring(article.length()))
                .orElse(name);
    }

    /** The article a name begins with, as the phrase files list them ({@code grammar.articles}), if it has one. */
    private Optional<String> leadingArticle(String language, String name) {
        for (String article : bundle(language).getProperty("grammar.articles", "").split("\\|")) {
            if (!article.isEmpty() && name.startsWith(article.endsWith("'") ? article : article + " ")) {
                return Optional.of(article);
            }
        }
        return Optional.empty();
    }

    /**
     * A name put inside a sentence: its leading article lower-cased ("You are at the doctoral stelae") and,
     * where the language contracts it with the word before, contracted ("Près du bâtiment du Tambour de
     * bronze", not "Près de Le bâtiment"). The articles and contractions are in the phrase files
     * ({@code grammar.articles}, {@code grammar.contractions}). Returns the text before and the name.
     */
    private String[] fitName(String language, String before, String name) {
        String trimmed = before.stripTrailing();
        Optional<String> article = leadingArticle(language, name);
        if (trimmed.isEmpty() || trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?")
                || article.isEmpty()) {
            return new String[] {before, name};
        }
        String lower = article.get().toLowerCase(Locale.forLanguageTag(language));
        String rest = name.substring(article.get().length());
        int space = trimmed.lastIndexOf(' ');
        String lastWord = trimmed.substring(space + 1);
        for (String contraction : bundle(language).getProperty("grammar.contractions", "").split("\\|")) {
            String[] rule = contraction.split("=", 2);
            if (rule.length == 2 && rule[0].equals(lastWord + " " + lower.strip())) {
                return new String[] {trimmed.substring(0, space + 1), rule[1] + rest};
            }
        }
        return new String[] {before, lower + rest};
    }

    /**
     * The guide's welcome to a visitor who opened a conversation at a site, or scanned an exhibit's
     * label ({@code exhibitId} not null), in their language.
     */
    public String greeting(Site site, String exhibitId, String language) {
        String siteName = site.name().firstOf(site.fallbackChain(language)).orElseThrow().text();
        if (exhibitId == null) {
            return say(language, "greeting.site", siteName);
        }
        String exhibitTitle = site.exhibit(exhibitId).flatMap(e -> e.title().firstOf(site.fallbackChain(language)))
                .map(Localized.Translation::text).orElse(exhibitId);
        return say(language, "greeting.exhibit", siteName, exhibitTitle);
    }

    /** The name of a language, as said in another one ({@code "Vietnamese"}, {@code "tiếng Việt"}...). */
    public String languageName(String language, String inLanguage) {
        String key = "language.name." + language;
        String name = bundle(inLanguage).getProperty(key);
        return name != null ? name : Locale.forLanguageTag(language).getDisplayLanguage(Locale.forLanguageTag(inLanguage));
    }

    private Properties bundle(String language) {
        return bundles.computeIfAbsent(language, l -> TextBundle.load(TextBundle.GUIDE, l));
    }
}
