package org.heritageguide.kiosk.ui;

import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

/**
 * The kiosk's own keyboard for the question field: a touch screen has no keys, and the desktop's
 * on-screen keyboards are not there in a locked full-screen kiosk. Latin letters only, without accents:
 * the guide folds diacritics (Vietnamese "khue van cac" finds "Khuê Văn Các"). Languages written in
 * another script need an input method the kiosk does not have; their visitors are offered their phone.
 */
final class TouchKeyboard {

    private static final List<String> ROWS = List.of("1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm,.?");

    private TouchKeyboard() {
    }

    /** Whether visitors of {@code language} can write it with this keyboard: its own name is in Latin letters. */
    static boolean writes(String language) {
        return UiTexts.languageName(language).codePoints().filter(Character::isLetter)
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }

    /** The keys, typing into {@code field}; the last row also asks and closes the keyboard. */
    static GridPane keys(TextField field, UiTexts texts, Runnable ask, Runnable close) {
        GridPane keyboard = new GridPane();
        keyboard.setId("keyboard");
        keyboard.getStyleClass().add("keyboard");
        // twenty columns: a letter takes two, so the wide keys of the last row can take three, four or eight
        for (int c = 0; c < 20; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(5);
            keyboard.getColumnConstraints().add(column);
        }
        for (int r = 0; r < ROWS.size(); r++) {
            String row = ROWS.get(r);
            for (int i = 0; i < row.length(); i++) {
                String face = row.substring(i, i + 1);
                keyboard.add(key(face, idOf(face), () -> field.replaceSelection(face)), i * 2, r, 2, 1);
            }
        }
        int last = ROWS.size();
        keyboard.add(key("⌫", "back", () -> {
            if (field.getSelection().getLength() > 0) {
                field.replaceSelection("");
            } else {
                field.deletePreviousChar();
            }
        }), 0, last, 3, 1);
        keyboard.add(key(texts.get("keyboard.space"), "space", () -> field.replaceSelection(" ")), 3, last, 9, 1);
        Button askKey = key(texts.get("ask.send"), "ask", ask);
        askKey.getStyleClass().add("key-ask");
        keyboard.add(askKey, 12, last, 4, 1);
        keyboard.add(key(texts.get("phone.close"), "close", close), 16, last, 4, 1);
        return keyboard;
    }

    private static Button key(String face, String id, Runnable action) {
        Button key = new Button(face);
        key.setId("key-" + id);
        key.getStyleClass().add("key-button");
        key.setFocusTraversable(false);
        key.setMnemonicParsing(false);
        key.setMinWidth(0);
        key.setMaxWidth(Double.MAX_VALUE);
        key.setOnAction(e -> action.run());
        return key;
    }

    private static String idOf(String face) {
        return switch (face) {
            case "'" -> "apostrophe";
            case "," -> "comma";
            case "." -> "period";
            case "?" -> "question";
            default -> face;
        };
    }
}
