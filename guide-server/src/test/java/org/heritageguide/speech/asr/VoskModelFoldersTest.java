package org.heritageguide.speech.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskModelFoldersTest {

    @TempDir
    Path root;

    @Test
    void findsModelsByLanguageFolderAsUnzippedOrFlat() throws IOException {
        Path shipped = root.resolve("shipped");
        Path local = root.resolve("local");
        model(shipped.resolve("asr/en"), 16000);
        model(local.resolve("asr/vi/vosk-model-small-vn-0.4"), 16000);
        model(local.resolve("asr/fr-FR"), 8000);

        Map<String, VoskModelFolders.Found> found = VoskModelFolders.find(List.of(shipped, local));

        assertThat(found).containsOnlyKeys("en", "vi", "fr");
        assertThat(found.get("vi").folder()).isEqualTo(local.resolve("asr/vi/vosk-model-small-vn-0.4"));
        assertThat(found.get("fr").sampleRate()).isEqualTo(8000);
    }

    @Test
    void anOperatorsModelReplacesTheShippedOneAndNonModelsAreIgnored() throws IOException {
        Path shipped = root.resolve("shipped");
        Path local = root.resolve("local");
        model(shipped.resolve("asr/en"), 16000);
        model(local.resolve("asr/en/vosk-model-en-us-0.22"), 16000);
        Files.createDirectories(local.resolve("asr/de/empty"));
        model(local.resolve("asr/not a language"), 16000);

        Map<String, VoskModelFolders.Found> found = VoskModelFolders.find(List.of(shipped, local, root.resolve("missing")));

        assertThat(found).containsOnlyKeys("en");
        assertThat(found.get("en").folder()).isEqualTo(local.resolve("asr/en/vosk-model-en-us-0.22"));
    }

    private static void model(Path folder, int rate) throws IOException {
        Files.createDirectories(folder.resolve("am"));
        Files.createDirectories(folder.resolve("conf"));
        Files.writeString(folder.resolve("am/final.mdl"), "");
        Files.writeString(folder.resolve("conf/mfcc.conf"), "--use-energy=false\n--sample-frequency=" + rate + "\n");
    }
}
