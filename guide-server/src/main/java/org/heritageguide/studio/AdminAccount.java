package org.heritageguide.studio;

import org.heritageguide.secrets.DataSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first admin account, {@code admin}: its password from {@code GUIDE_ADMIN_PASSWORD}, else generated
 * on first start, printed once, and kept only as a hash in the data directory.
 */
@Configuration(proxyBeanMethods = false)
class AdminAccount {

    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);
    static final String ADMIN = "admin";
    private static final String HASH_FILE = "admin-password.hash";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    MapReactiveUserDetailsService userDetailsService(Environment environment, DataSecrets secrets, PasswordEncoder encoder) {
        String fromEnvironment = environment.getProperty("GUIDE_ADMIN_PASSWORD");
        String hash;
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            hash = encoder.encode(fromEnvironment);
            log.info("Studio: the admin password is the one in GUIDE_ADMIN_PASSWORD");
        } else if (secrets.exists(HASH_FILE)) {
            hash = secrets.getOrCreate(HASH_FILE);
        } else {
            String generated = DataSecrets.randomToken(12);
            hash = encoder.encode(generated);
            secrets.write(HASH_FILE, hash);
            log.warn("Studio: first start. Log in as 'admin' with the password {} (shown once; set GUIDE_ADMIN_PASSWORD to choose one)", generated);
        }
        return new MapReactiveUserDetailsService(User.withUsername(ADMIN).password(hash).roles("ADMIN").build());
    }
}
