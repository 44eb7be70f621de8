package org.heritageguide.speech.asr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Vosk models: {@code <dir>/asr/<language>/} holding a model (or one folder that holds it, as
 * the model's zip unpacks). Folders later in the list win, so an operator's drop-in replaces the
 * shipped model of the same language.
 */
final class VoskModelFolders {

    private static final Logger log = LoggerFactory.getLogger(VoskModelFolders.class);
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern SAMPLE_FREQUENCY = Pattern.compile("--sample-frequency=(\\d+)");

    private VoskModelFolders() {
    }

    record Found(String language, Path folder, int sampleRate) {
    }

    static Map<String, Found> find(List<Path> roots) {
        Map<String, Found> models = new TreeMap<>();
        for (Path root : roots) {
            Path asr = root.resolve("asr");
            if (!Files.isDirectory(asr)) {
                continue;
            }
            for (Path folder : list(asr)) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                String language = folder.getFileName().toString().toLowerCase(Locale.ROOT).split("[-_]")[0];
                if (!LANGUAGE.matcher(language).matches()) {
                    log.warn("Ignoring {}: name the folder by the language (e.g. asr/vi)", folder);
                    continue;
                }
                Optional<Path> model = modelIn(folder);
                if (model.isEmpty()) {
                    log.warn("Ignoring {}: no Vosk model in it (expected am/final.mdl and conf/model.conf)", folder);
                    continue;
                }
                models.put(language, new Found(language, model.get(), sampleRate(model.get())));
            }
        }
        return models;
    }

    private static Optional<Path> modelIn(Path folder) {
        if (isModel(folder)) {
            return Optional.of(folder);
        }
        List<Path> nested = new ArrayList<>();
        for (Path child : list(folder)) {
            if (Files.isDirectory(child) && isModel(child)) {
                nested.add(child);
            }
        }
        return nested.size() == 1 ? Optional.of(nested.get(0)) : Optional.empty();
    }

    private static boolean isModel(Path folder) {
        return Files.isRegularFile(folder.resolve("am/final.mdl")) || Files.isRegularFile(folder.resolve("final.mdl"));
    }

    /** The rate the model was trained at, from its feature configuration (16 kHz unless it says). */
    private static int sampleRate(Path model) {
        for (Path conf : List.of(model.resolve("conf/mfcc.conf"), model.resolve("mfcc.conf"))) {
            if (Files.isRegularFile(conf)) {
                try {
                    Matcher m = SAMPLE_FREQUENCY.matcher(Files.readString(conf));
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return 16000;
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }
}
