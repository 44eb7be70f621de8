package org.heritageguide.visitor;

import org.heritageguide.qr.LabelSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the visitor app's browser tests share: one {@link PhoneBrowser} per test class, started by the
 * class's own {@code @BeforeAll} (which chooses its language, microphone and screen) and closed after
 * it; each test a new visitor (what the app remembered forgotten); the server's address and the signed
 * address of a label; asking by typing, and the conversation the app stored. The test classes are {@code @GuideServerTest}s.
 */
abstract class PhoneBrowserTestSupport {

    static PhoneBrowser phone;

    @LocalServerPort
    int port;

    @Autowired
    LabelSigner signer;

    @AfterAll
    static void closeBrowser() {
        if (phone != null) {
            phone.close();
            phone = null;
        }
    }

    @BeforeEach
    void aNewVisitor() {
        phone.forget(origin());
    }

    String label(String site, String exhibit) {
        return origin() + "/v/" + site + "/" + exhibit + "?s=" + signer.sign(site, exhibit);
    }

    String origin() {
        return "http://localhost:" + port;
    }

    /** Types a question and sends it. */
    void ask(String question) {
        phone.find("#question").sendKeys(question);
        phone.find("#send").click();
    }

    /** The conversation the app keeps for {@code site} on this phone, if any. */
    String storedSession(String site) {
        Object id = phone.script("return JSON.parse(localStorage.getItem('hg.session.' + arguments[0]))", site);
        return id == null ? null : id.toString();
    }
}
