package org.heritageguide.speech.tts;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heritageguide.i18n.TextBundle;

import com.ibm.icu.text.DecimalFormatSymbols;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;

/**
 * Rewrites a text the way it is read aloud in its language, before a voice reads it: times
 * ({@code 08:00–17:00}), ranges, prices ({@code 70,000 VND}), years ({@code 1805}) and other numbers
 * become words. The words come from ICU's spell-out rules; the phrasing from
 * {@code i18n/<language>/spoken.properties}, so that a language is added without code. A language
 * without that file still gets its numbers spelled out.
 */
final class SpokenText {

    /** Part of every audio cache key: change it when the rules change, so that audio is rendered again. */
    static final String VERSION = "1";

    private static final Map<String, Rules> RULES = new ConcurrentHashMap<>();
    private static final String DASH = "\\s*[\u2013\u2014-]\\s*";
    private static final Pattern CLOCK = Pattern.compile("(?<![\\d:.,])([01]?\\d|2[0-3]):([0-5]\\d)(?![\\d:])");
    private static final Pattern PREFIX_CURRENCY = Pattern.compile("(US\\$|\\$|€)\\s?(\\d[\\d.,]*\\d|\\d)");
    /** A letter that may not touch a number being read (Chinese and Korean write 1805年, 70,000동). */
    private static final String WORD_LETTER = "[\\p{L}&&[^\\p{IsHan}\\p{IsHangul}\\p{IsHiragana}\\p{IsKatakana}]]";

    private SpokenText() {
    }

    static String normalize(String language, String text) {
        Rules rules = RULES.computeIfAbsent(language, Rules::load);
        String spoken = text.replace('\u00A0', ' ').replace('\u202F', ' ');
        spoken = rules.speakRanges(spoken);
        spoken = rules.speakTimes(spoken);
        spoken = rules.speakPrices(spoken);
        spoken = rules.speakNumbers(spoken);
        if (rules.ascii) {
            spoken = rules.toAscii(spoken);
        }
        return spoken.replace("\u00AD", "").replace('\u3007', '\u96F6').replaceAll("\\s{2,}", " ")
                .replaceAll("(?<!\\.)\\.\\.(?!\\.)", ".").trim();
    }

    private static final class Rules {
        final ULocale locale;
        final Properties phrases;
        final RuleBasedNumberFormat spellout;
        final Pattern time;
        final Pattern number;
        final Pattern range;
        final Pattern price;
        final Pattern year;
        final String yearRule;
        final Pattern yearContext;
        final char decimal;
        final String grouping;
        final boolean ascii;
        final Transliterator toAscii;

        Rules(String language, Properties phrases) {
            this.locale = new ULocale(language);
            this.phrases = phrases;
            this.spellout = new RuleBasedNumberFormat(locale, RuleBasedNumberFormat.SPELLOUT);
            String timePattern = phrases.getProperty("time.pattern");
            this.time = timePattern == null ? CLOCK : Pattern.compile(CLOCK.pattern() + "|" + timePattern);
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
            this.decimal = symbols.getDecimalSeparator();
            char group = symbols.getGroupingSeparator();
            // a space (as French writes 70 000) or the locale's own separator; CJK writes 70,000
            this.grouping = Character.isSpaceChar(group) || group == '\u00A0' || group == '\u202F'
                    ? " " : Pattern.quote(String.valueOf(group));
            String digits = "\\d{1,3}(?:" + grouping + "\\d{3})+(?!\\d)|\\d+";
            String fraction = "(?:" + Pattern.quote(String.valueOf(decimal)) + "\\d+)?";
            this.number = Pattern.compile("(?<![\\d" + WORD_LETTER + "])(" + digits + ")(" + fraction + ")(?![\\d" + WORD_LETTER + "])");
            String operand = "(?:\\d{1,2}[:h]\\d{2}|" + digits + ")";
            this.range = Pattern.compile("(?<![\\d\\p{L}])(" + operand + ")" + DASH + "(" + operand + ")(?![\\d])");
            this.price = Pattern.compile("(" + digits + ")(" + fraction + ")\\s?(VND|₫|đ|USD|EUR|€)(?![\\p{L}])");
            this.yearRule = phrases.getProperty("year.rule");
            String followedBy = phrases.getProperty("year.followedBy");
            this.year = Pattern.compile("^(1[1-9]\\d\\d|20\\d\\d)$");
            this.yearContext = followedBy == null ? null : Pattern.compile("^\\s?" + Pattern.quote(followedBy));
            this.ascii = Boolean.parseBoolean(phrases.getProperty("ascii", "false"));
            this.toAscii = ascii ? Transliterator.getInstance("Latin-ASCII") : null;
        }

        static Rules load(String language) {
            return new Rules(language, TextBundle.load(TextBundle.SPOKEN, language));
        }

        String speakRanges(String text) {
            String pattern = phrases.getProperty("range");
            if (pattern == null) {
                return text;
            }
            return replace(range, text, m -> format(pattern, speakTimes(m.group(1)), speakTimes(m.group(2))));
        }

        String speakTimes(String text) {
            return replace(time, text, m -> {
                String hourText = m.group(1) != null ? m.group(1) : m.group(3);
                String minuteText = m.group(1) != null ? m.group(2) : m.group(4);
                int hour = Integer.parseInt(hourText);
                int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
                if (hour > 23 || minute > 59) {
                    return m.group();
                }
                if (minute == 0 && hour == 0 && phrases.containsKey("time.midnight")) {
                    return phrases.getProperty("time.midnight");
                }
                if (minute == 0 && hour == 12 && phrases.containsKey("time.noon")) {
                    return phrases.getProperty("time.noon");
                }
                String pattern = phrases.getProperty(minute == 0 ? "time.hour" : "time.minutes");
                if (pattern == null) {
                    return m.group();
                }
                int hour12 = hour % 12 == 0 ? 12 : hour % 12;
                return format(pattern, hour, minute, hour12, hour < 12 ? "am" : "pm");
            });
        }

        String speakPrices(String text) {
            String suffixed = PREFIX_CURRENCY.matcher(text)
                    .replaceAll(m -> Matcher.quoteReplacement(m.group(2) + " " + (m.group(1).equals("€") ? "EUR" : "USD")));
            return replace(price, suffixed, m -> {
                String code = switch (m.group(3)) {
                    case "₫", "đ" -> "VND";
                    case "€" -> "EUR";
                    default -> m.group(3);
                };
                String pattern = phrases.getProperty("currency." + code);
                return pattern == null ? m.group() : format(pattern, spell(m.group(1), m.group(2), null));
            });
        }

        String speakNumbers(String text) {
            Matcher m = number.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String after = text.substring(m.end());
                m.appendReplacement(out, Matcher.quoteReplacement(spell(m.group(1), m.group(2), after)));
            }
            m.appendTail(out);
            return out.toString();
        }

        private String spell(String digits, String fraction, String after) {
            String plain = digits.replaceAll(grouping, "");
            boolean grouped = !plain.equals(digits);
            if (yearRule != null && !grouped && fraction.isEmpty() && year.matcher(plain).matches()
                    && (yearContext == null || (after != null && yearContext.matcher(after).find()))) {
                return spellout.format(Long.parseLong(plain), yearRule);
            }
            if (plain.length() > 15) {
                return digits;
            }
            if (fraction.isEmpty()) {
                return spellout.format(Long.parseLong(plain));
            }
            return spellout.format(new BigDecimal(plain + "." + fraction.substring(1)));
        }

        String toAscii(String text) {
            return toAscii.transliterate(text);
        }

        private String format(String pattern, Object... arguments) {
            return new MessageFormat(pattern, locale).format(arguments);
        }

        private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> speak) {
            Matcher m = pattern.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(speak.apply(m)));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
