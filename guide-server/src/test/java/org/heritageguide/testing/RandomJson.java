package org.heritageguide.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Random request bodies for a JSON endpoint: mostly objects carrying the endpoint's own fields with
 * values of every JSON type (some right, most wrong), nested shapes, numbers no type holds, strings of
 * {@link RandomText} (lone surrogates sent as JSON escapes), and now and then bytes that are no JSON at all.
 */
public final class RandomJson {

    private RandomJson() {
    }

    /**
     * @param fields      the names the endpoint reads
     * @param rightValues values that make sense in those fields (site and exhibit ids, languages, ...)
     */
    public static byte[] body(Random random, List<String> fields, List<String> rightValues) {
        return switch (random.nextInt(20)) {
            case 0 -> new byte[0];
            case 1 -> broken(random, fields, rightValues);
            case 2 -> value(random, fields, rightValues, 3).getBytes(StandardCharsets.UTF_8);
            default -> object(random, fields, rightValues, 3).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] broken(Random random, List<String> fields, List<String> rightValues) {
        byte[] json = object(random, fields, rightValues, 2).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(4)) {
            case 0 -> out.write(json, 0, random.nextInt(json.length)); // cut short
            case 1 -> { // bytes that are not UTF-8 inside a string
                out.writeBytes("{\"text\": \"".getBytes(StandardCharsets.UTF_8));
                out.writeBytes(new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xff});
                out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            }
            case 2 -> { // a byte order mark, then the JSON
                out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
                out.writeBytes(json);
            }
            default -> out.writeBytes(RandomText.of(random, 40).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String object(Random random, List<String> fields, List<String> rightValues, int depth) {
        StringBuilder json = new StringBuilder("{");
        int size = random.nextInt(fields.size() + 2);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                json.append(',');
            }
            String name = random.nextInt(5) == 0 ? RandomText.of(random, 8) : fields.get(random.nextInt(fields.size()));
            json.append(string(name)).append(':').append(value(random, fields, rightValues, depth - 1));
        }
        return json.append('}').toString();
    }

    private static String value(Random random, List<String> fields, List<String> rightValues, int depth) {
        int kind = random.nextInt(depth > 0 ? 10 : 8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> List.of("0", "-0", "42", "-1", "1e400", "-1e400", "1e-400", "3.14", "123456789012345678901234567890")
                    .get(random.nextInt(9));
            case 3, 4 -> string(rightValues.get(random.nextInt(rightValues.size())));
            case 5, 6, 7 -> string(RandomText.of(random, random.nextInt(8) == 0 ? 600 : 60));
            case 8 -> "[" + value(random, fields, rightValues, depth - 1) + "," + value(random, fields, rightValues, depth - 1) + "]";
            default -> object(random, fields, rightValues, depth - 1);
        };
    }

    /** A JSON string: quotes, backslashes, control characters and lone surrogates escaped, the rest as is. */
    static String string(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                json.append(c).append(text.charAt(++i));
            } else if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
