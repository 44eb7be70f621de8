package org.heritageguide.testing;

import java.util.Random;

/**
 * Random Unicode text of the kinds visitors and attackers send: plain words, the sites' own scripts
 * (Vietnamese, CJK, Hangul), emoji beyond the Basic Multilingual Plane, combining marks, control and
 * format characters, JSON's special characters, and halves of surrogate pairs on their own.
 */
public final class RandomText {

    private static final String[] PIECES = {
            "who built it", " ", "Khuê Văn Các", "văn miếu", "文庙", "규문각", "l'été", "\"", "\\", "/", "{", "}",
            "[", "]", ":", ",", "\n", "\r\n", "\t", "\u0000", "\u001f", "\u007f", "\u2028", "\u2029", "\u200b",
            "\u200f", "\u202e", "\ufeff", "\uffff", "\ufffd", "e\u0301", "😀", "👩‍👩‍👧", "𝄞", "</script>",
            "<img src=x onerror=alert(1)>", "%00", "../", "'; DROP TABLE", "\ud800", "\udfff", "\udbff\ud800"
    };

    private RandomText() {
    }

    /** Text of 0 to {@code maxLength} UTF-16 units (a little more when the last piece is long). */
    public static String of(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            switch (random.nextInt(4)) {
                case 0 -> text.append(PIECES[random.nextInt(PIECES.length)]);
                case 1 -> text.append((char) random.nextInt(0x10000));
                case 2 -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }
}
