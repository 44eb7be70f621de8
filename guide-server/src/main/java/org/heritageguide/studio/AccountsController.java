package org.heritageguide.studio;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.heritageguide.site.SiteDirectory;
import org.heritageguide.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Admins manage the studio's accounts (the same ones as in the accounts file). */
@RestController
@RequestMapping(path = "/api/v1/studio/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountsController {

    private final Accounts accounts;
    private final SiteDirectory sites;

    AccountsController(Accounts accounts, SiteDirectory sites) {
        this.accounts = accounts;
        this.sites = sites;
    }

    record AccountView(String username, String role, List<String> sites) {
        static AccountView of(Accounts.Account account) {
            return new AccountView(account.username(), account.role().name(), account.sites());
        }
    }

    @GetMapping
    List<AccountView> all() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    record AccountEdit(String role, List<String> sites, String password) {
    }

    @PutMapping(path = "/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<AccountView> save(@PathVariable String username, @RequestBody AccountEdit edit, Principal principal) {
        String name = username.toLowerCase(Locale.ROOT);
        if (!Accounts.USERNAME.matcher(name).matches()) {
            throw ApiException.badRequest("invalid-username", "A user name is 2 to 32 lower-case letters, digits, '.', '_' or '-'.");
        }
        Accounts.Role role;
        try {
            role = Accounts.Role.valueOf(String.valueOf(edit.role()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-role", "The role is ADMIN (every site, and accounts) or CURATOR (the sites given).");
        }
        List<String> siteIds = edit.sites() == null ? List.of() : edit.sites();
        for (String site : siteIds) {
            if (sites.site(site).isEmpty()) {
                throw ApiException.badRequest("unknown-site", "There is no site '" + site + "'.");
            }
        }
        boolean exists = accounts.find(name).isPresent();
        if (edit.password() != null && edit.password().length() < Accounts.MIN_PASSWORD_LENGTH) {
            throw ApiException.badRequest("weak-password", "A password has at least " + Accounts.MIN_PASSWORD_LENGTH + " characters.");
        }
        if (!exists && edit.password() == null) {
            throw ApiException.badRequest("password-required", "A new account needs a password.");
        }
        if (name.equals(principal.getName()) && role != Accounts.Role.ADMIN) {
            throw ApiException.badRequest("own-role", "You cannot take the admin role from your own account.");
        }
        return StudioContentController.blocking(() -> AccountView.of(accounts.save(name, role, siteIds, edit.password())));
    }

    @DeleteMapping("/{username}")
    ResponseEntity<Void> delete(@PathVariable String username, Principal principal) {
        if (username.equals(principal.getName())) {
            throw ApiException.badRequest("own-account", "You cannot delete your own account.");
        }
        if (!accounts.delete(username)) {
            throw ApiException.notFound("account-not-found", "There is no account '" + username + "'.");
        }
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
