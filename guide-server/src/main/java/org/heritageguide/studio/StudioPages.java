package org.heritageguide.studio;

import java.util.Map;

import org.heritageguide.web.PageTemplate;

/** The studio's HTML pages: templates from {@code classpath:studio/} with escaped values filled in. */
final class StudioPages {

    private static final PageTemplate LOGIN = PageTemplate.of("studio/login.html");
    private static final PageTemplate APP = PageTemplate.of("studio/index.html");
    private static final PageTemplate FORBIDDEN = PageTemplate.of("studio/forbidden.html");

    private StudioPages() {
    }

    static String login(String csrfToken, String notice, String noticeKind) {
        return LOGIN.render(Map.of("csrf", csrfToken, "notice", notice, "noticeKind", noticeKind,
                "noticeHidden", notice.isEmpty()));
    }

    static String app(String csrfToken) {
        return APP.render(Map.of("csrf", csrfToken));
    }

    static String forbidden(String what) {
        return FORBIDDEN.render(Map.of("what", what));
    }
}
