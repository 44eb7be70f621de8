package org.heritageguide.kiosk.ui;

import java.util.List;
import java.util.function.UnaryOperator;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The kiosk's own keyboard for the question field: a touch screen has no keys, and the desktop's
 * on-screen keyboards are not there in a locked full-screen kiosk. It types the languages written in
 * Latin letters, and says which. Vietnamese by Telex ({@link Telex}, on by default for a Vietnamese
 * visitor, a key turns it off) or with a row of the five tones and â ă ê ô ơ ư đ; English and French
 * without accents, which the guide folds. Languages written in another script need an input method the
 * kiosk does not have; their visitors pick a suggested question or continue on their phone.
 */
final class TouchKeyboard {

    private static final List<String> ROWS = List.of("1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm,.?");
    /**
     * The tone keys, each showing its tone on an a, in their own colour: they put the tone on the word
     * being typed. (A mark on a dotted circle, as some keyboards show them, is drawn beside the circle by
     * JavaFX, which does not place combining marks.)
     */
    private static final List<ToneKey> TONES = List.of(new ToneKey("á", "acute", Telex.Tone.ACUTE),
            new ToneKey("à", "grave", Telex.Tone.GRAVE), new ToneKey("ả", "hook", Telex.Tone.HOOK),
            new ToneKey("ã", "tilde", Telex.Tone.TILDE), new ToneKey("ạ", "dot", Telex.Tone.DOT));
    private static final List<LetterKey> VIETNAMESE_LETTERS = List.of(new LetterKey("â", "a-circumflex"),
            new LetterKey("ă", "a-breve"), new LetterKey("ê", "e-circumflex"), new LetterKey("ô", "o-circumflex"),
            new LetterKey("ơ", "o-horn"), new LetterKey("ư", "u-horn"), new LetterKey("đ", "d-stroke"));

    private record ToneKey(String face, String id, Telex.Tone tone) {
    }

    private record LetterKey(String face, String id) {
    }

    private final TextField field;
    private final UiTexts texts;
    private boolean telex;
    private Button telexKey;

    private TouchKeyboard(TextField field, UiTexts texts) {
        this.field = field;
        this.texts = texts;
        this.telex = texts.language().equals("vi");
    }

    /** Whether visitors of {@code language} can write it with this keyboard: its own name is in Latin letters. */
    static boolean writes(String language) {
        return UiTexts.languageName(language).codePoints().filter(Character::isLetter)
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }

    /** Those of {@code languages} this keyboard types, by their own names ("Tiếng Việt · English · Français"). */
    static String typed(List<String> languages) {
        return String.join(" · ", languages.stream().filter(TouchKeyboard::writes).map(UiTexts::languageName).toList());
    }

    /**
     * The keyboard, typing into {@code field} (Telex applies to what it types), under a line naming the
     * site's {@code languages} it can type; the last row also asks and closes the keyboard.
     */
    static VBox keys(TextField field, UiTexts texts, List<String> languages, Runnable ask, Runnable close) {
        return new TouchKeyboard(field, texts).build(languages, ask, close);
    }

    private VBox build(List<String> languages, Runnable ask, Runnable close) {
        field.setTextFormatter(new TextFormatter<>(telexFilter()));
        GridPane keys = new GridPane();
        keys.getStyleClass().add("keyboard");
        // twenty columns: a letter takes two, so the wide keys of the last row can take three, four or nine
        for (int c = 0; c < 20; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(5);
            keys.getColumnConstraints().add(column);
        }
        for (int r = 0; r < ROWS.size(); r++) {
            String row = ROWS.get(r);
            for (int i = 0; i < row.length(); i++) {
                String face = row.substring(i, i + 1);
                keys.add(key(face, idOf(face), () -> field.replaceSelection(face)), i * 2, r, 2, 1);
            }
        }
        HBox vietnamese = new HBox();
        vietnamese.getStyleClass().add("keyboard-row");
        for (ToneKey tone : TONES) {
            Button key = key(tone.face(), "tone-" + tone.id(), () -> beforeCaret(text -> Telex.tone(text, tone.tone())));
            key.getStyleClass().add("key-tone");
            vietnamese.getChildren().add(key);
        }
        for (LetterKey letter : VIETNAMESE_LETTERS) {
            vietnamese.getChildren().add(key(letter.face(), letter.id(), () -> field.replaceSelection(letter.face())));
        }
        vietnamese.getChildren().forEach(key -> HBox.setHgrow(key, Priority.ALWAYS));
        keys.add(vietnamese, 0, ROWS.size(), 20, 1);

        int last = ROWS.size() + 1;
        keys.add(key("⌫", "back", () -> {
            if (field.getSelection().getLength() > 0) {
                field.replaceSelection("");
            } else {
                field.deletePreviousChar();
            }
        }), 0, last, 3, 1);
        keys.add(key(texts.get("keyboard.space"), "space", () -> field.replaceSelection(" ")), 3, last, 9, 1);
        Button askKey = key(texts.get("ask.send"), "ask", ask);
        askKey.getStyleClass().add("key-ask");
        keys.add(askKey, 12, last, 4, 1);
        keys.add(key(texts.get("phone.close"), "close", close), 16, last, 4, 1);

        Label types = KioskView.label(texts.get("keyboard.types") + " " + typed(languages), "keyboard-types");
        types.setId("keyboard-types");
        types.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(types, Priority.ALWAYS);
        telexKey = key("", "telex", this::toggleTelex);
        telexKey.getStyleClass().add("key-telex");
        telexKey.setMinWidth(Region.USE_PREF_SIZE);
        telexKey.setMaxWidth(Region.USE_PREF_SIZE);
        showTelex();
        HBox about = new HBox(types, telexKey);
        about.setAlignment(Pos.CENTER_LEFT);
        about.getStyleClass().add("keyboard-row");
        VBox keyboard = new VBox(about, keys);
        keyboard.setId("keyboard");
        keyboard.setAlignment(Pos.CENTER_LEFT);
        keyboard.getStyleClass().add("keyboard-box");
        return keyboard;
    }

    /** A letter typed at the caret with Telex on changes the word before it ("aa" becomes "â"). */
    private UnaryOperator<TextFormatter.Change> telexFilter() {
        return change -> {
            String added = change.getText();
            if (telex && change.isContentChange() && change.getRangeStart() == change.getRangeEnd()
                    && added.length() == 1 && Character.isLetter(added.charAt(0))) {
                String before = change.getControlText().substring(0, change.getRangeStart());
                String typed = Telex.type(before, added.charAt(0));
                int same = sharedStart(before, typed);
                change.setRange(same, change.getRangeStart());
                change.setText(typed.substring(same));
                change.selectRange(typed.length(), typed.length());
            }
            return change;
        };
    }

    /** Replaces the text before the caret by what {@code edit} makes of it (a tone key). */
    private void beforeCaret(UnaryOperator<String> edit) {
        int caret = field.getCaretPosition();
        String before = field.getText().substring(0, caret);
        String edited = edit.apply(before);
        int same = sharedStart(before, edited);
        field.replaceText(same, caret, edited.substring(same));
    }

    private static int sharedStart(String a, String b) {
        int same = 0;
        while (same < a.length() && same < b.length() && a.charAt(same) == b.charAt(same)) {
            same++;
        }
        return same;
    }

    private void toggleTelex() {
        telex = !telex;
        showTelex();
    }

    private void showTelex() {
        telexKey.setText(texts.get(telex ? "keyboard.telexOn" : "keyboard.telexOff"));
        telexKey.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("on"), telex);
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
