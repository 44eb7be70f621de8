package org.heritageguide.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/** The studio's HTML pages: templates from {@code classpath:studio/} with escaped values filled in. */
final class StudioPages {

    private static final String LOGIN = template("studio/login.html");
    private static final String APP = template("studio/index.html");
    private static final String FORBIDDEN = template("studio/forbidden.html");

    private StudioPages() {
    }

    static String login(String csrfToken, String notice, String noticeKind) {
        return fill(LOGIN, Map.of("csrf", csrfToken, "notice", notice, "noticeKind", noticeKind,
                "noticeHidden", notice.isEmpty() ? "hidden" : ""));
    }

    static String app(String csrfToken) {
        return fill(APP, Map.of("csrf", csrfToken));
    }

    static String forbidden(String what) {
        return fill(FORBIDDEN, Map.of("what", what));
    }

    private static String fill(String template, Map<String, String> values) {
        String page = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            page = page.replace("{{" + value.getKey() + "}}", HtmlUtils.htmlEscape(value.getValue(), "UTF-8"));
        }
        return page;
    }

    private static String template(String resource) {
        try (InputStream in = StudioPages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing page template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
