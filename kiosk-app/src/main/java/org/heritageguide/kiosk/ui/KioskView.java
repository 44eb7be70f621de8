package org.heritageguide.kiosk.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.heritageguide.kiosk.guide.ExhibitDetail;
import org.heritageguide.kiosk.guide.SiteInfo;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * Everything the visitor sees. One full-screen stack: the current screen (welcome, conversation,
 * exhibits, visitor information), the "guide cannot answer" banner, and the overlays (hand-off QR code,
 * "are you still there?", goodbye, operator PIN). Controls sit in the lower part of the screen, within
 * reach from a wheelchair; all sizes are in em of a root font that follows the screen and the visitor's
 * text size. It only shows: what a touch means is up to {@link KioskActions}.
 */
public final class KioskView {

    /** What the visitor's touches ask the kiosk to do. */
    public interface KioskActions {
        void chooseLanguage(String language);

        void ask(String question);

        void talkPressed();

        void talkReleased();

        void askAbout(String exhibit);

        void showHandoff();

        void changeLanguage(String language);

        void finish();

        Optional<ExhibitDetail> exhibit(String exhibit);

        /** The address to load something the server gave as a path (a picture's size) from. */
        String address(String path);
    }

    static final double[] TEXT_SCALES = {1.0, 1.25, 1.5};

    private final KioskActions actions;
    private final StackPane root = new StackPane();
    private final BorderPane screen = new BorderPane();
    private final VBox offlineBanner = new VBox();
    private final Label offlineTitle = new Label();
    private final Label offlineDetail = new Label();
    private final StackPane overlay = new StackPane();

    private SiteInfo site;
    private boolean online = true;
    private UiTexts texts = UiTexts.of("en");
    private int textScale;

    private VBox transcript;
    private ScrollPane transcriptScroll;
    private Button talkButton;
    private TextField questionField;
    private Button askButton;
    private Label statusLine;
    private HBox statusRow;
    /** The row of the guide's latest greeting. */
    private Node greeting;
    private HBox typingRow;
    private FlowPane conversationNavigation;
    private VBox controls;
    private FlowPane suggestions;
    private String exhibitInFocus;
    private Node keyboard;
    private Node conversationScreen;

    public KioskView(KioskActions actions) {
        this.actions = actions;
        root.getStyleClass().add("kiosk");
        root.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        offlineBanner.setId("offline-banner");
        offlineBanner.getStyleClass().add("offline-banner");
        offlineTitle.getStyleClass().add("offline-title");
        offlineDetail.getStyleClass().add("offline-detail");
        offlineTitle.setWrapText(true);
        offlineDetail.setWrapText(true);
        offlineBanner.getChildren().addAll(offlineTitle, offlineDetail);
        offlineBanner.setVisible(false);
        offlineBanner.setManaged(false);
        overlay.setId("overlay");
        overlay.setVisible(false);
        overlay.getStyleClass().add("scrim");
        BorderPane.setAlignment(offlineBanner, Pos.CENTER);
        root.getChildren().addAll(screen, overlay);
        root.widthProperty().addListener((o, a, b) -> applyFontSize());
        root.heightProperty().addListener((o, a, b) -> applyFontSize());
        showWelcome();
    }

    public Parent root() {
        return root;
    }

    /** The stack the operator's corner and PIN pad are added to. */
    StackPane stack() {
        return root;
    }

    public void setSite(SiteInfo site) {
        this.site = site;
    }

    public UiTexts texts() {
        return texts;
    }

    // ---------------------------------------------------------------- welcome

    public void showWelcome() {
        texts = UiTexts.of(site == null ? "en" : site.defaultLanguage());
        textScale = 0;
        applyFontSize();
        hideOverlay();
        VBox top = new VBox();
        top.getStyleClass().add("welcome-top");
        if (site == null) {
            Label waiting = label(UiTexts.of("en").get("offline.nothingKept"), "welcome-invite");
            top.getChildren().add(waiting);
            screen.setTop(null);
            screen.setCenter(withId(top, "welcome"));
            screen.setBottom(null);
            return;
        }
        Label name = label(site.text(site.name(), site.defaultLanguage()), "welcome-site");
        Label city = label(site.text(site.city(), site.defaultLanguage()), "welcome-city");
        FlowPane otherNames = unbrokenRow(site.languages().stream()
                .filter(l -> !l.equals(site.defaultLanguage()))
                .map(l -> site.name().get(l)).filter(n -> n != null && !n.isBlank()).distinct().toList(), "welcome-other-names");
        otherNames.setId("welcome-other-names");
        otherNames.getStyleClass().add("welcome-other-names-row");
        FlowPane invite = unbrokenRow(site.languages().stream().map(this::invitation).distinct().toList(), "welcome-invite");
        invite.setId("welcome-invite");
        invite.getStyleClass().add("welcome-invites");
        top.getChildren().addAll(name, city, otherNames);

        TilePane languages = new TilePane();
        languages.getStyleClass().add("language-tiles");
        languages.setPrefColumns(Math.min(site.languages().size(), 5));
        for (String language : site.languages()) {
            Label languageName = label(UiTexts.languageName(language), "language-name");
            languageName.setWrapText(false);
            Label languageInvite = label(invitation(language), "language-invite");
            languageInvite.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            VBox face = new VBox(languageName, languageInvite);
            face.setAlignment(Pos.CENTER);
            Button button = new Button();
            button.setGraphic(face);
            button.setId("language-" + language);
            button.getStyleClass().add("language-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(e -> actions.chooseLanguage(language));
            languages.getChildren().add(button);
        }
        VBox bottom = new VBox(invite, languages);
        bottom.getStyleClass().add("welcome-bottom");
        bottom.setAlignment(Pos.BOTTOM_CENTER);

        BorderPane welcome = new BorderPane();
        welcome.setId("welcome");
        welcome.setTop(top);
        welcome.setBottom(bottom);
        VBox bannerHolder = new VBox(offlineBanner);
        bannerHolder.setAlignment(Pos.CENTER);
        welcome.setCenter(bannerHolder);
        screen.setTop(null);
        screen.setBottom(null);
        screen.setCenter(welcome);
        conversationScreen = null;
    }

    /**
     * What a visitor of {@code language} is invited to do: talk where the guide can hear the language,
     * else type on the kiosk's keyboard where it writes the language, else pick a suggested question.
     */
    private String invitation(String language) {
        String key = site.hears(language) ? "welcome.invite"
                : TouchKeyboard.writes(language) ? "welcome.inviteTyping" : "welcome.invitePicking";
        return UiTexts.of(language).get(key);
    }

    // ---------------------------------------------------------------- conversation

    /** A new visitor in {@code language}: fresh screens, nothing of the previous visitor. */
    public void startVisit(String language) {
        transcript = new VBox();
        transcript.setId("transcript");
        transcript.getStyleClass().add("transcript");
        transcript.setStyle(readingSize());
        transcriptScroll = new ScrollPane(transcript);
        transcriptScroll.setFitToWidth(true);
        transcriptScroll.getStyleClass().add("transcript-scroll");
        transcript.heightProperty().addListener((o, a, b) -> transcriptScroll.setVvalue(1.0));
        exhibitInFocus = null;
        greeting = null;
        conversationIn(language);
    }

    /** The same visitor switched language: everything in the new language, the conversation so far kept. */
    public void switchLanguage(String language) {
        conversationIn(language);
    }

    private void conversationIn(String language) {
        texts = UiTexts.of(language);
        if (statusRow != null) {
            transcript.getChildren().remove(statusRow);
        }

        questionField = new TextField();
        questionField.setId("question-field");
        questionField.setPromptText(texts.get(TouchKeyboard.writes(language) ? "ask.placeholder" : "ask.placeholderPhone"));
        questionField.getStyleClass().add("question-field");
        HBox.setHgrow(questionField, Priority.ALWAYS);
        askButton = button(texts.get("ask.send"), "ask-button", "secondary-button");
        askButton.setOnAction(e -> submitQuestion());
        questionField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                submitQuestion();
            }
        });
        questionField.setOnMousePressed(e -> openKeyboard());
        typingRow = new HBox(questionField, askButton);
        typingRow.getStyleClass().add("typing-row");

        if (site != null && site.hears(language)) {
            talkButton = button(texts.get("talk.hold"), "talk-button", "talk-button");
            talkButton.setMaxWidth(Double.MAX_VALUE);
            talkButton.setOnMousePressed(e -> actions.talkPressed());
            talkButton.setOnMouseReleased(e -> actions.talkReleased());
        } else {
            // the guide cannot hear this language: typing (or a suggested question) is the way to ask
            talkButton = null;
        }
        suggestions = new FlowPane();
        suggestions.setId("suggestions");
        suggestions.getStyleClass().add("suggestions");
        statusLine = label("", "status-line");
        statusLine.setId("status-line");
        statusRow = new HBox(statusLine);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        FlowPane navigation = navigation(
                nav("nav.exhibits", "exhibits-button", this::showExhibits),
                nav("nav.info", "info-button", this::showInfo),
                nav("nav.phone", "phone-button", actions::showHandoff),
                nav("nav.language", "language-button", this::showLanguages),
                nav("nav.textSize", "text-size-button", this::nextTextSize),
                nav("nav.finish", "finish-button", actions::finish));

        keyboard = null;
        conversationNavigation = navigation;
        controls = new VBox();
        controls.getStyleClass().add("controls");
        showSuggestions();
        closeKeyboard();

        BorderPane conversation = new BorderPane();
        conversation.setId("conversation");
        conversation.setTop(header(null));
        conversation.setCenter(transcriptScroll);
        VBox bottom = new VBox(offlineBanner, controls);
        conversation.setBottom(bottom);
        conversationScreen = conversation;
        showConversation();
        setOnline(online);
    }

    public void showConversation() {
        hideOverlay();
        screen.setTop(null);
        screen.setBottom(null);
        screen.setCenter(conversationScreen);
        VBox bottom = (VBox) ((BorderPane) conversationScreen).getBottom();
        if (offlineBanner.getParent() != bottom) {
            bottom.getChildren().add(0, offlineBanner);
        }
    }

    public Label addVisitorBubble(String text) {
        Label bubble = label(text, "bubble", "bubble-visitor");
        HBox row = new HBox(bubble);
        row.setAlignment(Pos.CENTER_RIGHT);
        append(row);
        return bubble;
    }

    /** Takes a bubble (and its row) out of the conversation: the visitor's "…" when nothing was heard. */
    public void removeBubble(Label bubble) {
        transcript.getChildren().remove(bubble.getParent());
    }

    public void addGuideBubble(String text, List<String> sources, String notice) {
        append(guideRow(text, sources, notice));
    }

    /**
     * Shows the guide's greeting for where the visitor is. When nothing came after the greeting before it
     * (the visitor moved on without a word), it takes that one's place: a visitor is greeted once, for
     * where they are.
     *
     * @return whether it took the place of a greeting
     */
    public boolean greet(String text) {
        Node row = guideRow(text, null, null);
        boolean replacing = greeting != null && saidLast(greeting);
        if (replacing) {
            transcript.getChildren().set(transcript.getChildren().indexOf(greeting), row);
        } else {
            append(row);
        }
        greeting = row;
        return replacing;
    }

    /** Whether nothing but the "one moment" line comes after {@code row} in the conversation. */
    private boolean saidLast(Node row) {
        List<Node> rows = transcript.getChildren();
        int at = rows.indexOf(row);
        return at >= 0 && rows.subList(at + 1, rows.size()).stream().allMatch(after -> after == statusRow);
    }

    private HBox guideRow(String text, List<String> sources, String notice) {
        VBox bubble = new VBox();
        bubble.getStyleClass().addAll("bubble", "bubble-guide");
        if (notice != null) {
            bubble.getChildren().add(label(notice, "bubble-notice"));
        }
        bubble.getChildren().add(label(text, "bubble-text"));
        if (sources != null && !sources.isEmpty()) {
            bubble.getChildren().add(label(texts.get("answer.about") + ": " + String.join(", ", sources), "bubble-sources"));
        }
        HBox row = new HBox(bubble);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    public void addNotice(String text) {
        Label notice = label(text, "notice");
        HBox row = new HBox(notice);
        row.setAlignment(Pos.CENTER);
        append(row);
    }

    /** "One moment…" while the guide thinks: the last line of the conversation, gone once it answers. */
    public void setStatus(String text) {
        if (statusLine == null) {
            return;
        }
        statusLine.setText(text == null ? "" : text);
        transcript.getChildren().remove(statusRow);
        if (!statusLine.getText().isEmpty()) {
            transcript.getChildren().add(statusRow);
        }
    }

    /** Adds to the conversation, above the "one moment" line if it is shown. */
    private void append(Node row) {
        int at = transcript.getChildren().indexOf(statusRow);
        transcript.getChildren().add(at < 0 ? transcript.getChildren().size() : at, row);
    }

    /** The touch keyboard in place of the talk button and the buttons below it, or the way to the phone. */
    private void openKeyboard() {
        if (keyboard != null && controls.getChildren().contains(keyboard)) {
            return;
        }
        if (!TouchKeyboard.writes(texts.language())) {
            addNotice(texts.get("keyboard.types") + " " + typedLanguages() + "\n" + texts.get("keyboard.phone"));
            actions.showHandoff();
            return;
        }
        if (keyboard == null) {
            keyboard = TouchKeyboard.keys(questionField, texts, site == null ? List.of() : site.languages(),
                    this::submitQuestion, this::closeKeyboard);
        }
        controls.getChildren().setAll(typingRow, keyboard);
        showAskButton(false);
        questionField.requestFocus();
        questionField.end();
    }

    /** The site's languages the kiosk's keyboard types, by their own names. */
    private String typedLanguages() {
        return TouchKeyboard.typed(site == null ? List.of() : site.languages());
    }

    private void closeKeyboard() {
        if (controls != null && !controls.getChildren().contains(conversationNavigation)) {
            controls.getChildren().setAll(suggestions, typingRow);
            if (talkButton != null) {
                controls.getChildren().add(talkButton);
            }
            controls.getChildren().add(conversationNavigation);
            showAskButton(true);
        }
    }

    /** The conversation is about {@code exhibit} now: its questions are the ones suggested. */
    public void focusOn(String exhibit) {
        exhibitInFocus = exhibit;
        showSuggestions();
    }

    /**
     * Up to three questions the guide can answer, in the visitor's language: about the exhibit in focus,
     * else about the site. A touch asks one: the way to ask for a visitor the kiosk can neither hear nor
     * type for.
     */
    private void showSuggestions() {
        String language = texts.language();
        List<String> questions = Optional.ofNullable(exhibitInFocus).flatMap(actions::exhibit)
                .map(d -> d.suggestions().getOrDefault(language, List.of()))
                .filter(q -> !q.isEmpty())
                .orElseGet(() -> site == null ? List.of() : site.suggestions().getOrDefault(language, List.of()));
        suggestions.getChildren().clear();
        if (!questions.isEmpty()) {
            suggestions.getChildren().add(label(texts.get("ask.suggestions"), "suggestions-title"));
        }
        for (int i = 0; i < questions.size(); i++) {
            String question = questions.get(i);
            Button ask = button(question, "suggestion-" + i, "suggestion");
            ask.setOnAction(e -> actions.ask(question));
            ask.setDisable(!online);
            suggestions.getChildren().add(ask);
        }
        suggestions.setVisible(!questions.isEmpty());
        suggestions.setManaged(!questions.isEmpty());
    }

    /** The keyboard has its own "Ask" key: one is enough. */
    private void showAskButton(boolean shown) {
        askButton.setVisible(shown);
        askButton.setManaged(shown);
    }

    public void setListening(boolean listening) {
        if (talkButton != null) {
            talkButton.setText(texts.get(listening ? "talk.listening" : "talk.hold"));
            talkButton.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("listening"), listening);
        }
    }

    public void clearQuestionField() {
        questionField.clear();
    }

    private void submitQuestion() {
        String question = questionField.getText() == null ? "" : questionField.getText().strip();
        if (!question.isEmpty()) {
            closeKeyboard();
            actions.ask(question);
        }
    }

    // ---------------------------------------------------------------- exhibits and information

    public void showExhibits() {
        if (site == null) {
            return;
        }
        GridPane grid = new GridPane();
        grid.setId("exhibits");
        grid.getStyleClass().add("exhibit-grid");
        int columns = exhibitColumns();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            grid.getColumnConstraints().add(column);
        }
        List<SiteInfo.ExhibitSummary> exhibits = site.exhibits().stream()
                .sorted(java.util.Comparator.comparingInt(SiteInfo.ExhibitSummary::order)).toList();
        for (int i = 0; i < exhibits.size(); i++) {
            grid.add(exhibitCard(exhibits.get(i)), i % columns, i / columns);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        scroll.getStyleClass().add("page-scroll");
        page(texts.get("nav.exhibits"), scroll, nav("nav.back", "back-button", this::showConversation));
    }

    /** As many columns as fit cards about 16.5 em wide: larger text means fewer columns, never fewer than one. */
    private int exhibitColumns() {
        double width = root.getWidth() > 0 ? root.getWidth() : 1920;
        return (int) Math.max(1, Math.min(4, Math.floor(width / (baseFontSize() * TEXT_SCALES[textScale] * 16.5))));
    }

    /** One exhibit: its title and area (touch: more about it) and the way to ask the guide about it. */
    private VBox exhibitCard(SiteInfo.ExhibitSummary exhibit) {
        String language = texts.language();
        Label title = label(site.text(exhibit.title(), language), "exhibit-title");
        Label more = label("›", "exhibit-more");
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        VBox about = new VBox(new HBox(title, more));
        site.area(exhibit.area()).ifPresent(area -> about.getChildren().add(label(site.text(area.name(), language), "exhibit-area")));
        String titleIn = site.textLanguage(exhibit.title(), language);
        if (titleIn != null && !titleIn.equals(language)) {
            // a title not translated yet says which language it is in, rather than mixing languages silently
            about.getChildren().add(label(languageNameIn(titleIn, language), "exhibit-shown-in"));
        }
        about.setId("exhibit-" + exhibit.id());
        about.getStyleClass().add("exhibit-about");
        about.setOnMouseClicked(e -> showExhibit(exhibit));
        VBox.setVgrow(about, Priority.ALWAYS);
        Button ask = nav("exhibit.ask", "ask-about-" + exhibit.id(), () -> actions.askAbout(exhibit.id()));
        ask.getStyleClass().addAll("primary-nav", "ask-about");
        ask.setMaxWidth(Double.MAX_VALUE);
        ask.setDisable(!online);
        VBox card = new VBox(about, ask);
        card.getStyleClass().add("exhibit-card");
        card.setMaxHeight(Double.MAX_VALUE);
        return card;
    }

    /**
     * One exhibit: its title, where it is and what it is, and its pictures large (beside the text on a
     * landscape screen, above it on a portrait one). When its text is not in the visitor's language, a
     * line at the top says so, in their language, and which language it is shown in.
     */
    private void showExhibit(SiteInfo.ExhibitSummary exhibit) {
        String language = texts.language();
        VBox body = new VBox();
        body.setId("exhibit-detail");
        body.getStyleClass().add("page-body");
        VBox about = new VBox();
        about.getStyleClass().add("exhibit-text");
        Optional<ExhibitDetail> detail = actions.exhibit(exhibit.id());
        Map<String, String> title = detail.map(ExhibitDetail::title).filter(t -> !t.isEmpty()).orElse(exhibit.title());
        Label heading = label(site.text(title, language), "page-title");
        heading.setId("page-title");
        List<ExhibitDetail.Picture> pictures = List.of();
        String shownIn = site.textLanguage(title, language);
        if (detail.isPresent()) {
            ExhibitDetail d = detail.get();
            String location = site.text(d.location(), language);
            if (!location.isBlank()) {
                about.getChildren().add(label(texts.get("exhibit.where") + ": " + location, "exhibit-location"));
            }
            about.getChildren().add(label(site.text(d.summary(), language), "page-text"));
            String summaryIn = site.textLanguage(d.summary(), language);
            if (summaryIn != null && !summaryIn.equals(language)) {
                shownIn = summaryIn;
            }
            pictures = d.pictures();
        } else {
            about.getChildren().add(label(texts.get("exhibit.notKept"), "page-text"));
        }
        if (shownIn != null && !shownIn.equals(language)) {
            Label untranslated = label(texts.get("exhibit.untranslated")
                    .replace("{0}", languageNameIn(language, language))
                    .replace("{1}", languageNameIn(shownIn, language)), "untranslated");
            untranslated.setId("exhibit-untranslated");
            body.getChildren().add(untranslated);
        }
        body.getChildren().add(heading);
        if (pictures.isEmpty()) {
            body.getChildren().add(about);
        } else {
            boolean landscape = width() > height() * 1.1;
            double em = baseFontSize();
            double room = width() - 3 * em; // the page's padding
            double maxWidth = landscape ? room * 0.55 : room;
            // room for the caption and credit under it, with no need to scroll, on either screen
            double maxHeight = height() * (landscape ? 0.5 : 0.4);
            double pixelScale = root.getScene() == null || root.getScene().getWindow() == null
                    ? 1 : root.getScene().getWindow().getOutputScaleX();
            List<VBox> figures = new java.util.ArrayList<>();
            for (int i = 0; i < pictures.size(); i++) {
                VBox figure = PictureFigure.of(pictures.get(i), actions::address, maxWidth, maxHeight, pixelScale,
                        t -> site.text(t, language));
                figure.setId("picture-" + i);
                figures.add(figure);
            }
            if (landscape) {
                VBox column = new VBox();
                column.getStyleClass().add("pictures");
                column.getChildren().addAll(figures);
                HBox.setHgrow(about, Priority.ALWAYS);
                HBox side = new HBox(column, about);
                side.getStyleClass().add("exhibit-with-pictures");
                body.getChildren().add(side);
            } else {
                body.getChildren().add(figures.get(0));
                body.getChildren().add(about);
                body.getChildren().addAll(figures.subList(1, figures.size()));
            }
        }
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        scroll.getStyleClass().add("page-scroll");
        Button ask = nav("exhibit.ask", "ask-about-button", () -> actions.askAbout(exhibit.id()));
        ask.getStyleClass().addAll("primary-nav", "ask-about");
        ask.setDisable(!online);
        page(texts.get("nav.exhibits"), scroll,
                ask, nav("nav.allExhibits", "all-exhibits-button", this::showExhibits),
                nav("nav.back", "back-button", this::showConversation));
    }

    /** A language's name as the visitor says it ("anglais" for a French visitor), for use within a sentence. */
    static String languageNameIn(String language, String visitorLanguage) {
        Locale visitor = Locale.forLanguageTag(visitorLanguage);
        String name = Locale.forLanguageTag(language).getDisplayLanguage(visitor);
        return name.isBlank() || name.equalsIgnoreCase(language) ? UiTexts.languageName(language) : name;
    }

    private double width() {
        return root.getWidth() > 0 ? root.getWidth() : 1920;
    }

    private double height() {
        return root.getHeight() > 0 ? root.getHeight() : 1080;
    }

    public void showInfo() {
        if (site == null) {
            return;
        }
        String language = texts.language();
        VBox body = new VBox();
        body.setId("info");
        body.getStyleClass().add("page-body");
        String intro = site.text(site.intro(), language);
        if (!intro.isBlank()) {
            body.getChildren().addAll(label(texts.get("info.intro"), "info-heading"), label(intro, "page-text"));
        }
        for (Map.Entry<String, Map<String, String>> topic : site.visitorInfo().entrySet()) {
            body.getChildren().addAll(label(texts.get("info.topic." + topic.getKey()), "info-heading"),
                    label(site.text(topic.getValue(), language), "page-text"));
        }
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        page(texts.get("nav.info"), scroll, nav("nav.back", "back-button", this::showConversation));
    }

    /** A page of the visit: its name in the header bar (no room lost to a heading), content, buttons low. */
    private void page(String title, Node content, Button... buttons) {
        BorderPane page = new BorderPane();
        page.getStyleClass().add("page");
        page.setTop(header(title));
        content.setStyle(readingSize());
        page.setCenter(content);
        VBox bottom = new VBox(offlineBanner, navigation(buttons));
        bottom.getStyleClass().add("controls");
        page.setBottom(bottom);
        screen.setCenter(page);
    }

    // ---------------------------------------------------------------- overlays

    public void showHandoff(String url) {
        double side = Math.min(root.getWidth(), root.getHeight());
        ImageView qr = new ImageView(QrCodes.image(url, (int) Math.max(300, side * 0.45)));
        qr.setId("handoff-qr");
        Label title = label(texts.get("phone.title"), "overlay-title");
        Label instructions = label(texts.get("phone.instructions"), "overlay-text");
        Button close = button(texts.get("phone.close"), "handoff-close", "secondary-button");
        close.setOnAction(e -> hideOverlay());
        VBox card = card("handoff", title, qr, instructions, close);
        card.setMaxWidth(Math.max(qr.getImage().getWidth() * 1.6, side * 0.8));
        showOverlay(card);
    }

    /** The site's languages, each by its own name; the current one marked. */
    private void showLanguages() {
        if (site == null) {
            return;
        }
        TilePane choices = new TilePane();
        choices.getStyleClass().add("language-choices");
        choices.setAlignment(Pos.CENTER);
        choices.setPrefColumns(Math.min(3, site.languages().size()));
        for (String language : site.languages()) {
            Button choice = button(UiTexts.languageName(language), "choose-language-" + language, "language-choice");
            choice.setWrapText(false);
            choice.setMinWidth(Region.USE_PREF_SIZE);
            choice.setMaxWidth(Double.MAX_VALUE);
            if (language.equals(texts.language())) {
                choice.getStyleClass().add("current-language");
            }
            choice.setOnAction(e -> {
                hideOverlay();
                actions.changeLanguage(language);
            });
            choices.getChildren().add(choice);
        }
        Button close = button(texts.get("phone.close"), "languages-close", "secondary-button");
        close.setOnAction(e -> hideOverlay());
        VBox card = card("languages", label(texts.get("language.title"), "overlay-title"), choices, close);
        // low on the screen, where the language buttons of the welcome screen were: within reach
        StackPane.setAlignment(card, Pos.BOTTOM_CENTER);
        StackPane.setMargin(card, new javafx.geometry.Insets(0, 0, root.getHeight() * 0.06, 0));
        showOverlay(card);
    }

    public void showStillThere(int seconds, Runnable stay) {
        Label question = label(texts.get("idle.question"), "overlay-title");
        Label touch = label(texts.get("idle.touch"), "overlay-text");
        Label countdown = label(Integer.toString(seconds), "countdown");
        countdown.setId("countdown");
        VBox card = card("still-there", question, touch, countdown);
        showOverlay(card);
        overlay.setOnMousePressed(e -> stay.run());
    }

    public void updateCountdown(int seconds) {
        Node countdown = overlay.lookup("#countdown");
        if (countdown instanceof Label label) {
            label.setText(Integer.toString(seconds));
        }
    }

    public void showGoodbye(String siteName) {
        VBox card = card("goodbye", label(texts.get("goodbye"), "overlay-title"), label(siteName, "overlay-text"));
        showOverlay(card);
    }

    public boolean overlayShown(String id) {
        return overlay.isVisible() && overlay.lookup("#" + id) != null;
    }

    public void hideOverlay() {
        overlay.setOnMousePressed(null);
        overlay.getChildren().clear();
        overlay.setVisible(false);
    }

    void showOverlay(Node card) {
        overlay.setOnMousePressed(null);
        overlay.getChildren().setAll(card);
        overlay.setVisible(true);
    }

    VBox card(String id, Node... children) {
        VBox card = new VBox(children);
        card.setId(id);
        card.getStyleClass().add("card");
        card.setAlignment(Pos.CENTER);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setMaxWidth(Math.max(600, root.getWidth() * 0.8));
        return card;
    }

    // ---------------------------------------------------------------- server state

    public void setOnline(boolean reachable) {
        online = reachable;
        offlineTitle.setText(texts.get("offline.title"));
        offlineDetail.setText(texts.get("offline.detail"));
        offlineBanner.setVisible(!reachable);
        offlineBanner.setManaged(!reachable);
        if (questionField != null) {
            if (!reachable) {
                closeKeyboard();
            }
            if (talkButton != null) {
                talkButton.setDisable(!reachable);
            }
            askButton.setDisable(!reachable);
            questionField.setDisable(!reachable);
        }
        screen.lookupAll(".suggestion").forEach(button -> button.setDisable(!reachable));
        screen.lookupAll(".ask-about").forEach(button -> button.setDisable(!reachable));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The visitor's text size applies to what they read (the conversation, the pages); the controls keep
     * theirs, already large, so that the conversation keeps its room on a landscape screen.
     */
    private void nextTextSize() {
        textScale = (textScale + 1) % TEXT_SCALES.length;
        if (transcript != null) {
            transcript.setStyle(readingSize());
        }
    }

    private String readingSize() {
        return String.format(java.util.Locale.ROOT, "-fx-font-size: %.0f%%;", TEXT_SCALES[textScale] * 100);
    }

    private void applyFontSize() {
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", baseFontSize()));
    }

    /** The root font size: from the screen's short side. */
    private double baseFontSize() {
        double w = root.getWidth() > 0 ? root.getWidth() : 1920;
        double h = root.getHeight() > 0 ? root.getHeight() : 1080;
        return Math.max(18, Math.min(w, h) / 38.0);
    }

    /** The bar on top: the site and the visitor's language; on a page, the page's name first. */
    private HBox header(String pageTitle) {
        String siteName = site == null ? "" : site.text(site.name(), texts.language());
        String languageName = UiTexts.languageName(texts.language());
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        HBox header;
        if (pageTitle == null) {
            header = new HBox(label(siteName, "header-site"), space, label(languageName, "header-language"));
        } else {
            Label title = label(pageTitle, "header-title");
            title.setId("header-title");
            Label where = label(siteName + "  ·  " + languageName, "header-language");
            where.setMinWidth(Region.USE_PREF_SIZE);
            header = new HBox(title, space, where);
        }
        header.getStyleClass().add("header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private FlowPane navigation(Button... buttons) {
        FlowPane row = new FlowPane(buttons);
        row.getStyleClass().add("navigation");
        row.setAlignment(Pos.CENTER);
        return row;
    }

    private Button nav(String key, String id, Runnable action) {
        Button button = button(texts.get(key), id, "nav-button");
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Button button(String text, String id, String style) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add(style);
        button.setWrapText(true);
        button.setFocusTraversable(false);
        return button;
    }

    /**
     * Texts side by side, centred, a dot after each but the last: one label each, unbroken, so that a line
     * breaks between two of them (a site's names, the invitations in each language), never inside one.
     */
    static FlowPane unbrokenRow(List<String> texts, String style) {
        FlowPane row = new FlowPane();
        row.setAlignment(Pos.CENTER);
        for (int i = 0; i < texts.size(); i++) {
            Label text = label(texts.get(i) + (i < texts.size() - 1 ? "  ·" : ""), style);
            text.setWrapText(false);
            text.setMinWidth(Region.USE_PREF_SIZE);
            row.getChildren().add(text);
        }
        return row;
    }

    static Label label(String text, String... styles) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styles);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static <T extends Node> T withId(T node, String id) {
        node.setId(id);
        return node;
    }
}
