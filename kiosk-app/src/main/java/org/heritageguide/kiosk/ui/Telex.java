package org.heritageguide.kiosk.ui;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Vietnamese typed the Telex way, as nearly every Vietnamese user types: "Chu Vawn An" gives "Chu Văn An",
 * "nhaf" gives "nhà". Letters change the word being typed (the letters before the caret):
 * {@code aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, uow ươ, dd đ, w alone ư}; the tone keys {@code s f r x j}
 * put the acute, grave, hook, tilde or dot below on the word and {@code z} takes it off. Pressing a
 * key that made a mark again undoes it and types the letter ("aaa" is "aa", "ass" is "as"). Marks
 * may come after the final consonant ("Vanw" is "Văn", "Cacs" is "Các"), and the tone moves as the
 * word grows ("hoaf" is "hòa", then "n" makes "hoàn").
 *
 * <p>The tone goes where Vietnamese spelling puts it: on the vowel with a mark of its own (ê, ơ, â…;
 * ơ in ươ), else on the last vowel before a final consonant, else the middle of three vowels, else
 * the first of two. For open oa, oe and uy that is the traditional place, "hòa", "thủy", "khỏe", as the
 * sites' own content writes them and as Vietnamese keyboards do by default (the guide folds
 * diacritics when it searches, so "hoà" would find the same). "qu" and "gi" before a vowel are
 * consonants ("quý", "giá").
 *
 * <p>Plain Java, on text only. Written here because no input method can be had as a library: ICU
 * transliterates but has no Telex, and no Telex engine is published on Maven Central.
 */
final class Telex {

    /** The five tones and the combining mark that writes each (none: level tone, no mark). */
    enum Tone {
        NONE(""), ACUTE("\u0301"), GRAVE("\u0300"), HOOK("\u0309"), TILDE("\u0303"), DOT("\u0323");

        final String mark;

        Tone(String mark) {
            this.mark = mark;
        }

        static Tone ofKey(char key) {
            return switch (Character.toLowerCase(key)) {
                case 's' -> ACUTE;
                case 'f' -> GRAVE;
                case 'r' -> HOOK;
                case 'x' -> TILDE;
                case 'j' -> DOT;
                default -> null;
            };
        }

        static Tone of(String mark) {
            for (Tone tone : values()) {
                if (tone != NONE && tone.mark.equals(mark)) {
                    return tone;
                }
            }
            return null;
        }
    }

    private static final String CIRCUMFLEX = "\u0302";
    private static final String BREVE = "\u0306";
    private static final String HORN = "\u031B";
    private static final String VOWELS = "aeiouy";

    private Telex() {
    }

    /** {@code text} after {@code key} is typed at its end, Telex applied to its last word. */
    static String type(String text, char key) {
        if (!Character.isLetter(key)) {
            return text + key;
        }
        int start = lastWordStart(text);
        Word word = Word.of(text.substring(start));
        if (!word.type(key)) {
            word.letters.add(key);
        }
        return text.substring(0, start) + word;
    }

    /** {@code text} with {@code tone} on its last word: a tone key. The same tone again takes it off. */
    static String tone(String text, Tone tone) {
        int start = lastWordStart(text);
        Word word = Word.of(text.substring(start));
        if (word.nucleus().isEmpty()) {
            return text;
        }
        word.tone = word.tone == tone ? Tone.NONE : tone;
        return text.substring(0, start) + word;
    }

    private static int lastWordStart(String text) {
        int start = text.length();
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** One word as its letters without tone (each with its case and its own marks) and its tone. */
    private static final class Word {
        final List<Character> letters = new ArrayList<>();
        Tone tone = Tone.NONE;

        static Word of(String text) {
            Word word = new Word();
            for (char c : text.toCharArray()) {
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                StringBuilder kept = new StringBuilder();
                for (char part : decomposed.toCharArray()) {
                    Tone tone = Tone.of(String.valueOf(part));
                    if (tone != null) {
                        word.tone = tone;
                    } else {
                        kept.append(part);
                    }
                }
                word.letters.add(Normalizer.normalize(kept, Normalizer.Form.NFC).charAt(0));
            }
            return word;
        }

        /** Applies {@code key} as a Telex key; false if it is a plain letter here (the caller adds it). */
        boolean type(char key) {
            Tone toned = Tone.ofKey(key);
            if (toned != null) {
                if (nucleus().isEmpty()) {
                    return false;
                }
                if (tone == toned) {
                    tone = Tone.NONE;
                    return false;
                }
                tone = toned;
                return true;
            }
            return switch (Character.toLowerCase(key)) {
                case 'z' -> {
                    boolean hadTone = tone != Tone.NONE;
                    tone = Tone.NONE;
                    yield hadTone;
                }
                case 'a', 'e', 'o' -> circumflex(Character.toLowerCase(key));
                case 'w' -> horn(key);
                case 'd' -> stroke();
                default -> false;
            };
        }

        /** aa â, ee ê, oo ô (also from ă and ơ); on â, ê, ô it undoes. */
        private boolean circumflex(char base) {
            Integer at = last(base, nucleus());
            if (at == null) {
                return false;
            }
            boolean undo = CIRCUMFLEX.equals(markOf(letters.get(at)));
            letters.set(at, withMark(letters.get(at), undo ? "" : CIRCUMFLEX));
            return !undo;
        }

        /** uo ươ, else a ă or o ơ, else u ư; on what w made already it undoes; no vowel to take it: ư. */
        private boolean horn(char key) {
            List<Integer> nucleus = nucleus();
            for (int i = 0; i + 1 < nucleus.size(); i++) {
                int u = nucleus.get(i);
                int o = nucleus.get(i + 1);
                if (plain(letters.get(u)) == 'u' && plain(letters.get(o)) == 'o') {
                    boolean undo = HORN.equals(markOf(letters.get(u))) && HORN.equals(markOf(letters.get(o)));
                    letters.set(u, withMark(letters.get(u), undo ? "" : HORN));
                    letters.set(o, withMark(letters.get(o), undo ? "" : HORN));
                    return !undo;
                }
            }
            Integer at = null;
            for (int i : nucleus) {
                char plain = plain(letters.get(i));
                if (plain == 'a' || plain == 'o') {
                    at = i;
                }
            }
            if (at == null) {
                at = last('u', nucleus);
            }
            if (at == null) {
                letters.add(Character.isUpperCase(key) ? 'Ư' : 'ư');
                return true;
            }
            String made = plain(letters.get(at)) == 'a' ? BREVE : HORN;
            boolean undo = made.equals(markOf(letters.get(at)));
            if (undo && made.equals(HORN) && nucleus.equals(List.of(letters.size() - 1)) && plain(letters.get(at)) == 'u') {
                // the ư that a w made on its own: w again gives the w back ("ww" is "w")
                letters.set(at, key);
                return true;
            }
            letters.set(at, withMark(letters.get(at), undo ? "" : made));
            return !undo;
        }

        /** dd đ, on the word's first letter; on đ it undoes. */
        private boolean stroke() {
            if (letters.isEmpty()) {
                return false;
            }
            char first = letters.get(0);
            switch (first) {
                case 'd' -> letters.set(0, 'đ');
                case 'D' -> letters.set(0, 'Đ');
                case 'đ' -> letters.set(0, 'd');
                case 'Đ' -> letters.set(0, 'D');
                default -> {
                    return false;
                }
            }
            return Character.toLowerCase(first) == 'd';
        }

        /**
         * Where the vowels of the syllable are: the last run of vowels, the u of "qu" and the i of "gi"
         * before another vowel left to the consonant.
         */
        List<Integer> nucleus() {
            int from = 0;
            if (letters.size() > 2 && isVowel(letters.get(2))) {
                String initial = ("" + letters.get(0) + letters.get(1)).toLowerCase(Locale.ROOT);
                if (initial.equals("qu") || initial.equals("gi")) {
                    from = 2;
                }
            }
            int end = letters.size() - 1;
            while (end >= from && !isVowel(letters.get(end))) {
                end--;
            }
            List<Integer> nucleus = new ArrayList<>();
            for (int i = end; i >= from && isVowel(letters.get(i)); i--) {
                nucleus.add(0, i);
            }
            return nucleus;
        }

        /** The letter that carries the tone (see the class comment), or -1 if the word has no vowel. */
        private int toneAt() {
            List<Integer> nucleus = nucleus();
            if (nucleus.isEmpty()) {
                return -1;
            }
            int marked = -1;
            for (int i : nucleus) {
                if (!markOf(letters.get(i)).isEmpty()) {
                    marked = i;
                }
            }
            if (marked >= 0) {
                return marked;
            }
            int last = nucleus.get(nucleus.size() - 1);
            boolean closed = last < letters.size() - 1;
            if (nucleus.size() == 1 || closed) {
                return last;
            }
            return nucleus.size() == 3 ? nucleus.get(1) : nucleus.get(0);
        }

        private Integer last(char plain, List<Integer> among) {
            Integer found = null;
            for (int i : among) {
                if (plain(letters.get(i)) == plain) {
                    found = i;
                }
            }
            return found;
        }

        @Override
        public String toString() {
            int at = tone == Tone.NONE ? -1 : toneAt();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < letters.size(); i++) {
                char letter = letters.get(i);
                text.append(i == at ? Normalizer.normalize(letter + tone.mark, Normalizer.Form.NFC) : String.valueOf(letter));
            }
            return text.toString();
        }
    }

    private static boolean isVowel(char letter) {
        return VOWELS.indexOf(plain(letter)) >= 0;
    }

    /** The letter without its marks, lower case: 'a' for 'Ắ'. */
    private static char plain(char letter) {
        return Character.toLowerCase(Normalizer.normalize(String.valueOf(letter), Normalizer.Form.NFD).charAt(0));
    }

    /** The letter's own mark (circumflex, breve, horn), or "" (letters here carry no tone). */
    private static String markOf(char letter) {
        String decomposed = Normalizer.normalize(String.valueOf(letter), Normalizer.Form.NFD);
        return decomposed.length() > 1 ? decomposed.substring(1) : "";
    }

    private static char withMark(char letter, String mark) {
        char base = Normalizer.normalize(String.valueOf(letter), Normalizer.Form.NFD).charAt(0);
        return Normalizer.normalize(base + mark, Normalizer.Form.NFC).charAt(0);
    }
}
