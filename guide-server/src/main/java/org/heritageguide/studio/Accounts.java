package org.heritageguide.studio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.heritageguide.GuideProperties;
import org.heritageguide.files.AtomicFiles;
import org.heritageguide.secrets.DataSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The studio's accounts, kept in {@code <data-dir>/studio/accounts.yaml} so that an operator can also
 * manage them by hand: an account written there with a plain {@code password:} gets it replaced by its
 * hash the next time the file is read. The file is read again whenever it changes. The first admin,
 * {@code admin}, gets its password from {@code GUIDE_ADMIN_PASSWORD}, else a generated one printed once.
 */
@Component
class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    static final String ADMIN = "admin";
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    static final int MIN_PASSWORD_LENGTH = 10;
    private static final String LEGACY_ADMIN_HASH = "admin-password.hash";
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    enum Role { ADMIN, CURATOR }

    /** One person who may log in to the studio; a curator edits only {@code sites}. */
    record Account(String username, Role role, List<String> sites, String passwordHash) {

        Account {
            sites = sites == null ? List.of() : List.copyOf(sites);
        }

        boolean isAdmin() {
            return role == Role.ADMIN;
        }

        boolean mayEdit(String site) {
            return isAdmin() || sites.contains(site);
        }
    }

    private final Path file;
    private final PasswordEncoder encoder;
    private Map<String, Account> accounts = new LinkedHashMap<>();
    private FileTime readAt;

    Accounts(GuideProperties properties, Environment environment, DataSecrets secrets, PasswordEncoder encoder) {
        this.file = properties.dataDir().resolve("studio").resolve("accounts.yaml");
        this.encoder = encoder;
        bootstrapAdmin(environment.getProperty("GUIDE_ADMIN_PASSWORD"), secrets);
    }

    private synchronized void bootstrapAdmin(String fromEnvironment, DataSecrets secrets) {
        refresh();
        Account admin = accounts.get(ADMIN);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            if (admin == null || !admin.isAdmin() || !encoder.matches(fromEnvironment, admin.passwordHash())) {
                put(new Account(ADMIN, Role.ADMIN, List.of(), encoder.encode(fromEnvironment)));
            }
            log.info("Studio: the admin password is the one in GUIDE_ADMIN_PASSWORD");
        } else if (admin == null) {
            if (secrets.exists(LEGACY_ADMIN_HASH)) {
                put(new Account(ADMIN, Role.ADMIN, List.of(), secrets.getOrCreate(LEGACY_ADMIN_HASH)));
            } else {
                String generated = DataSecrets.randomToken(12);
                put(new Account(ADMIN, Role.ADMIN, List.of(), encoder.encode(generated)));
                log.warn("Studio: first start. Log in as 'admin' with the password {} (shown once; set GUIDE_ADMIN_PASSWORD to choose one)", generated);
            }
        }
    }

    synchronized Optional<Account> find(String username) {
        refresh();
        return Optional.ofNullable(accounts.get(username));
    }

    synchronized List<Account> all() {
        refresh();
        return List.copyOf(accounts.values());
    }

    /** Creates or replaces an account; {@code password} (plain) may be null to keep the current one. */
    synchronized Account save(String username, Role role, List<String> sites, String password) {
        refresh();
        Account existing = accounts.get(username);
        String hash;
        if (password != null) {
            hash = encoder.encode(password);
        } else if (existing != null) {
            hash = existing.passwordHash();
        } else {
            throw new IllegalArgumentException("A new account needs a password");
        }
        Account account = new Account(username, role, role == Role.ADMIN ? List.of() : sites, hash);
        put(account);
        return account;
    }

    synchronized boolean delete(String username) {
        refresh();
        if (accounts.remove(username) == null) {
            return false;
        }
        write();
        return true;
    }

    private void put(Account account) {
        accounts.put(account.username(), account);
        write();
    }

    /** Reads the file again if it changed since it was last read; hashes any plain password in it. */
    private void refresh() {
        try {
            if (!Files.exists(file)) {
                return;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(readAt)) {
                return;
            }
            Map<String, Account> read = new LinkedHashMap<>();
            boolean hashed = false;
            Object root = YAML.readValue(file.toFile(), Object.class);
            Object list = root instanceof Map<?, ?> map ? map.get("accounts") : null;
            if (list instanceof List<?> items) {
                for (Object item : items) {
                    if (!(item instanceof Map<?, ?> entry)) {
                        continue;
                    }
                    String username = String.valueOf(entry.get("username")).strip().toLowerCase(Locale.ROOT);
                    Role role;
                    try {
                        role = Role.valueOf(String.valueOf(entry.get("role")).strip().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        log.warn("Studio: account '{}' in {} has no valid role (ADMIN or CURATOR); ignored", username, file);
                        continue;
                    }
                    List<String> sites = new ArrayList<>();
                    if (entry.get("sites") instanceof List<?> siteList) {
                        siteList.forEach(s -> sites.add(String.valueOf(s).strip()));
                    }
                    String hash = entry.get("passwordHash") == null ? null : String.valueOf(entry.get("passwordHash"));
                    if (entry.get("password") != null) {
                        hash = encoder.encode(String.valueOf(entry.get("password")));
                        hashed = true;
                    }
                    if (!USERNAME.matcher(username).matches() || hash == null) {
                        log.warn("Studio: account '{}' in {} needs a valid username and a password; ignored", username, file);
                        continue;
                    }
                    read.put(username, new Account(username, role, sites, hash));
                }
            }
            accounts = read;
            readAt = modified;
            if (hashed) {
                write();
                log.info("Studio: replaced the plain passwords in {} by their hashes", file);
            }
        } catch (IOException | RuntimeException e) {
            log.error("Studio: cannot read the accounts file {}; keeping the accounts read before", file, e);
        }
    }

    private void write() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Account account : accounts.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("username", account.username());
            entry.put("role", account.role().name());
            if (!account.isAdmin()) {
                entry.put("sites", account.sites());
            }
            entry.put("passwordHash", account.passwordHash());
            list.add(entry);
        }
        String text = "# Heritage Guide studio accounts. role: ADMIN or CURATOR; sites: the sites a curator edits.\n"
                + "# To add an account by hand, give it `password: <text>`: it is replaced by its hash when read.\n"
                + YAML.writeValueAsString(Map.of("accounts", list));
        try {
            AtomicFiles.writePrivate(file, text.getBytes(StandardCharsets.UTF_8));
            readAt = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the accounts file " + file, e);
        }
    }
}
