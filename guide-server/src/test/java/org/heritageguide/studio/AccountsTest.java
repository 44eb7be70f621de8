package org.heritageguide.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.heritageguide.GuideProperties;
import org.heritageguide.secrets.DataSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The accounts file: the first admin, hand-written accounts, and plain passwords never kept. */
class AccountsTest {

    @TempDir
    Path data;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private Accounts open(String adminPassword) {
        GuideProperties properties = new GuideProperties(Path.of("content"), data, Path.of("models"), Path.of("models/local"),
                java.net.URI.create("http://localhost:8080"));
        MockEnvironment environment = new MockEnvironment();
        if (adminPassword != null) {
            environment.setProperty("GUIDE_ADMIN_PASSWORD", adminPassword);
        }
        return new Accounts(properties, environment, new DataSecrets(properties), encoder);
    }

    @Test
    void theFirstAdminGetsAGeneratedPasswordKeptOnlyAsAHash() throws Exception {
        Accounts accounts = open(null);

        Accounts.Account admin = accounts.find("admin").orElseThrow();
        assertThat(admin.isAdmin()).isTrue();
        assertThat(admin.passwordHash()).startsWith("{bcrypt}");
        String file = Files.readString(data.resolve("studio/accounts.yaml"));
        assertThat(file).contains("username: admin", "role: ADMIN").doesNotContainPattern("(?m)^ +password:");
        assertThat(open(null).find("admin").orElseThrow().passwordHash()).isEqualTo(admin.passwordHash());
    }

    @Test
    void theAdminPasswordFromTheEnvironmentWins() {
        open(null);
        Accounts accounts = open("chosen-by-the-operator");

        assertThat(encoder.matches("chosen-by-the-operator", accounts.find("admin").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void anAccountWrittenByHandWithAPlainPasswordIsHashedWhenRead() throws Exception {
        Accounts accounts = open("admin-password");
        Path file = data.resolve("studio/accounts.yaml");
        Files.writeString(file, Files.readString(file) + """
                  - username: Lan
                    role: curator
                    sites: [ethnology]
                    password: lan-secret-words
                """);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        Accounts.Account lan = accounts.find("lan").orElseThrow();

        assertThat(lan.role()).isEqualTo(Accounts.Role.CURATOR);
        assertThat(lan.sites()).isEqualTo(List.of("ethnology"));
        assertThat(lan.mayEdit("ethnology")).isTrue();
        assertThat(lan.mayEdit("van-mieu")).isFalse();
        assertThat(encoder.matches("lan-secret-words", lan.passwordHash())).isTrue();
        assertThat(Files.readString(file)).doesNotContain("lan-secret-words").contains("username: lan");
    }

    @Test
    void aDeletedAccountIsGoneAtOnce() {
        Accounts accounts = open("admin-password");
        accounts.save("minh", Accounts.Role.CURATOR, List.of("van-mieu"), "minh-password-1");
        assertThat(accounts.find("minh")).isPresent();

        assertThat(accounts.delete("minh")).isTrue();

        assertThat(accounts.find("minh")).isEmpty();
        assertThat(open("admin-password").find("minh")).isEmpty();
    }
}
