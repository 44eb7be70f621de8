package org.heritageguide.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskSettingsTest {

    @TempDir
    Path dir;

    @Test
    void commandLineBeatsSystemPropertiesBeatsEnvironmentBeatsTheFile() throws Exception {
        Path file = dir.resolve("kiosk.properties");
        Files.writeString(file, "kiosk.server=http://file:1\nkiosk.site=from-file\nkiosk.idle-seconds=30\nkiosk.operator-pin=1357\n");
        Properties system = new Properties();
        system.setProperty("kiosk.site", "from-property");
        system.setProperty("user.home", dir.toString());
        KioskSettings settings = KioskSettings.load(List.of("--server=http://cli:2/", "--config", file.toString()),
                Map.of("KIOSK_SITE", "from-env", "KIOSK_IDLE_SECONDS", "45"), system);

        assertThat(settings.server()).hasToString("http://cli:2");
        assertThat(settings.phoneUrl()).hasToString("http://cli:2");
        assertThat(settings.site()).isEqualTo("from-property");
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.operatorPin()).isEqualTo("1357");
        assertThat(settings.exitEnabled()).isTrue();
        assertThat(settings.fullScreen()).isTrue();
        assertThat(settings.dataDir()).isEqualTo(dir.resolve(".heritage-guide-kiosk"));
    }

    @Test
    void withoutAPinThereIsNoWayOut() {
        Properties system = new Properties();
        system.setProperty("user.home", dir.toString());
        KioskSettings settings = KioskSettings.load(List.of("--windowed"), Map.of(), system);
        assertThat(settings.operatorPin()).isEmpty();
        assertThat(settings.exitEnabled()).isFalse();
        assertThat(settings.fullScreen()).isFalse();
        assertThat(settings.server()).hasToString("http://localhost:8080");
    }

    @Test
    void aStrayArgumentIsRefusedWithAMessage() {
        assertThatThrownBy(() -> KioskSettings.load(List.of("van-mieu"), Map.of(), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--name value");
    }
}
