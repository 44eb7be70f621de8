package org.heritageguide.visitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

import org.heritageguide.i18n.Languages;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.resource.VersionResourceResolver;

/**
 * The visitor web app's files: the static ones (HTML shell parts, CSS, ES modules, icons), served from
 * {@code classpath:visitor/web/} under {@code /visitor/{version}/...}, and its strings in each supported
 * language, {@code i18n/<language>.json} (served by {@link LabelPageController}). The version is a hash of every
 * file, so each file can be cached forever, its relative module imports stay within one version, and
 * the service worker knows when the shell changed.
 */
@Configuration(proxyBeanMethods = false)
class VisitorAssets implements WebFluxConfigurer {

    static final String FOLDER = "visitor/web/";
    /** Templates that are not served as files but are part of the shell, so they count in the version. */
    private static final List<String> TEMPLATES = List.of("visitor/app.html", "visitor/sw.js");

    private final String version;
    private final List<String> files;

    VisitorAssets(VisitorStrings strings) {
        TreeMap<String, byte[]> contents = new TreeMap<>();
        for (String language : Languages.supported()) {
            contents.put("i18n/" + language + ".json", strings.json(language));
        }
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + FOLDER + "**/*")) {
                if (!resource.isReadable()) {
                    continue;
                }
                String url = resource.getURL().toString();
                String name = url.substring(url.lastIndexOf(FOLDER) + FOLDER.length());
                if (!name.isEmpty() && !name.endsWith("/")) {
                    try (InputStream in = resource.getInputStream()) {
                        contents.put(name, in.readAllBytes());
                    }
                }
            }
            for (String template : TEMPLATES) {
                try (InputStream in = VisitorAssets.class.getClassLoader().getResourceAsStream(template)) {
                    contents.put("/" + template, in == null ? new byte[0] : in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.version = hash(contents);
        this.files = new ArrayList<>(contents.keySet().stream().filter(name -> !name.startsWith("/")).toList());
    }

    /** A short hash of the shell: changes whenever any file of the web app changes. */
    String version() {
        return version;
    }

    /** The served path of a file of the web app, e.g. {@code /visitor/3f2a.../app.js}. */
    String url(String file) {
        return "/visitor/" + version + "/" + file;
    }

    /** The served paths of every file of the web app. */
    List<String> urls() {
        return files.stream().map(this::url).toList();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/visitor/**")
                .addResourceLocations("classpath:/" + FOLDER)
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addFixedVersionStrategy(version, "/**"));
    }

    private static String hash(TreeMap<String, byte[]> contents) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            contents.forEach((name, bytes) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
