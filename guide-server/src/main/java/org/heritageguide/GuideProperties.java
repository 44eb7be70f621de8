package org.heritageguide;

import java.net.URI;
import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings every operator sets: where content, data and models live, and the address QR labels
 * point at. Each can be given as an environment variable ({@code GUIDE_DATA_DIR}, ...).
 *
 * @param contentDir         the knowledge base ({@code sites/<site>/...})
 * @param dataDir            secrets, revisions, the audio cache and the event log
 * @param modelsDir          where the {@code models} module unpacks the models from Maven Central
 * @param operatorModelsDir  where an operator drops further models (e.g. a Vosk model per language)
 * @param publicBaseUrl      what QR labels point at
 */
@Validated
@ConfigurationProperties("guide")
public record GuideProperties(
        @NotNull @DefaultValue("content") Path contentDir,
        @NotNull @DefaultValue("data") Path dataDir,
        @NotNull @DefaultValue("models/target/models") Path modelsDir,
        @NotNull @DefaultValue("models/local") Path operatorModelsDir,
        @NotNull @DefaultValue("http://localhost:8080") URI publicBaseUrl) {

    /**
     * Whether the public address names this machine only (localhost, 127.x, ::1): the guide's own default,
     * which a visitor's phone cannot open, so labels printed with it are useless.
     */
    public boolean publicBaseUrlIsThisMachineOnly() {
        String host = publicBaseUrl.getHost();
        return host == null || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("0.0.0.0");
    }

    /** The public address without a trailing slash, ready to have a path appended. */
    public String baseUrl() {
        String url = publicBaseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
