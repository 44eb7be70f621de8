package org.heritageguide.kiosk;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Everything an operator can set. Each setting {@code kiosk.some-name} is read, first found wins, from
 * the command line ({@code --some-name VALUE} or {@code --some-name=VALUE}), a Java system property
 * ({@code -Dkiosk.some-name=VALUE}), the environment ({@code KIOSK_SOME_NAME}), then the properties
 * file named by {@code --config} / {@code KIOSK_CONFIG} (keys {@code kiosk.some-name}).
 *
 * @param server          where guide-server answers (HTTP and WebSocket)
 * @param site            the site this terminal stands at; empty: the first site the server lists
 * @param phoneUrl        the address phones reach the server at, for the hand-off QR code
 * @param operatorPin     the PIN that lets an operator leave the kiosk; empty: leaving is disabled
 * @param idleTimeout     how long without a touch before the kiosk asks whether anyone is there
 * @param stillThere      how long that question waits before the kiosk says goodbye and forgets
 * @param reconnectMax    the longest pause between two attempts to reach a server that is down
 * @param healthInterval  how often the watchdog writes its health line
 * @param dataDir         where the kiosk keeps its copy of the site and its logs
 * @param fullScreen      false only for development: a window instead of the locked full screen
 * @param microphone      the name (or part of it) of the capture device; empty: the system default
 */
public record KioskSettings(URI server, String site, URI phoneUrl, String operatorPin, Duration idleTimeout,
                            Duration stillThere, Duration reconnectMax, Duration healthInterval, Path dataDir,
                            boolean fullScreen, String microphone) {

    public KioskSettings {
        server = withoutTrailingSlash(server);
        phoneUrl = withoutTrailingSlash(phoneUrl == null ? server : phoneUrl);
        site = site == null ? "" : site.trim();
        operatorPin = operatorPin == null ? "" : operatorPin.trim();
        microphone = microphone == null ? "" : microphone.trim();
    }

    public boolean exitEnabled() {
        return !operatorPin.isEmpty();
    }

    public Path cacheDir() {
        return dataDir.resolve("cache");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public KioskSettings withServer(URI newServer, URI newPhoneUrl) {
        return new KioskSettings(newServer, site, newPhoneUrl, operatorPin, idleTimeout, stillThere, reconnectMax,
                healthInterval, dataDir, fullScreen, microphone);
    }

    public KioskSettings withTimings(Duration newIdle, Duration newStillThere, Duration newReconnectMax) {
        return new KioskSettings(server, site, phoneUrl, operatorPin, newIdle, newStillThere, newReconnectMax,
                healthInterval, dataDir, fullScreen, microphone);
    }

    public KioskSettings withOperatorPin(String pin) {
        return new KioskSettings(server, site, phoneUrl, pin, idleTimeout, stillThere, reconnectMax,
                healthInterval, dataDir, fullScreen, microphone);
    }

    /** Reads the settings from the command line, system properties, environment and config file. */
    public static KioskSettings load(List<String> args, Map<String, String> env, Properties system) {
        Map<String, String> cli = parseArguments(args);
        Properties file = new Properties();
        Optional.ofNullable(cli.get("config")).or(() -> Optional.ofNullable(env.get("KIOSK_CONFIG")))
                .map(Path::of).ifPresent(path -> readInto(path, file));
        Function<String, Optional<String>> get = name -> first(
                cli.get(name),
                system.getProperty("kiosk." + name),
                env.get("KIOSK_" + name.toUpperCase(Locale.ROOT).replace('-', '_')),
                file.getProperty("kiosk." + name));
        URI server = URI.create(get.apply("server").orElse("http://localhost:8080"));
        return new KioskSettings(
                server,
                get.apply("site").orElse(""),
                get.apply("phone-url").map(URI::create).orElse(null),
                get.apply("operator-pin").orElse(""),
                seconds(get.apply("idle-seconds").orElse("60")),
                seconds(get.apply("still-there-seconds").orElse("15")),
                seconds(get.apply("reconnect-max-seconds").orElse("15")),
                Duration.ofMinutes(Long.parseLong(get.apply("health-minutes").orElse("60"))),
                get.apply("data-dir").map(Path::of)
                        .orElseGet(() -> Path.of(system.getProperty("user.home", "."), ".heritage-guide-kiosk")),
                !Boolean.parseBoolean(get.apply("windowed").orElse("false")),
                get.apply("microphone").orElse(""));
    }

    private static Map<String, String> parseArguments(List<String> args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'. Use --name value.");
            }
            String name = arg.substring(2);
            int equals = name.indexOf('=');
            if (equals > 0) {
                values.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (name.equals("windowed")) {
                values.put(name, "true");
            } else if (i + 1 < args.size()) {
                values.put(name, args.get(++i));
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value.");
            }
        }
        return values;
    }

    private static void readInto(Path path, Properties into) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            into.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the kiosk configuration file " + path + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return Optional.of(candidate.trim());
            }
        }
        return Optional.empty();
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
