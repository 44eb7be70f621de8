package org.heritageguide.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * A page the server fills in: a Mustache template from the classpath (JMustache), the one way the
 * studio's and the visitor app's pages are made. {@code {{name}}} is filled HTML-escaped ({@code & < > " '}
 * and also {@code `} and {@code =}), {@code {{{name}}}} as it is (only for values the server makes itself,
 * such as the service worker's list of files). A value is never read as a template again, so a curator's
 * title holding {@code {{...}}} shows as written. A name the template uses and the values lack is an
 * error, not an empty gap; {@code {{#flag}}...{{/flag}}} shows its text only when {@code flag} is true.
 */
public final class PageTemplate {

    private static final Mustache.Compiler COMPILER = Mustache.compiler();

    private final String resource;
    private final Template template;

    private PageTemplate(String resource, Template template) {
        this.resource = resource;
        this.template = template;
    }

    /** The template at {@code resource} on the classpath (e.g. {@code "studio/login.html"}), compiled once. */
    public static PageTemplate of(String resource) {
        try (InputStream in = PageTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing page template " + resource);
            }
            return new PageTemplate(resource, COMPILER.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page with these values filled in. */
    public String render(Map<String, ?> values) {
        try {
            return template.execute(values);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot fill page template " + resource + ": " + e.getMessage(), e);
        }
    }
}
