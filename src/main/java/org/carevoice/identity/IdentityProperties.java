package org.carevoice.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminUser id of the first administrator, created when missing; with single sign-on also the
 *     break-glass administrator, who signs in with a password only and never through the provider
 * @param adminPassword its password; when blank no administrator is created and an existing one must be there
 * @param localAccounts whether staff may sign in with a Camunda user's password (the staff sign-in
 *     form, the Camunda webapps' own sign-in, HTTP Basic on /api and /engine-rest); off, only single
 *     sign-on is left (docs/operations.md, "Single sign-on (OpenID Connect)")
 */
@ConfigurationProperties("carevoice.identity")
public record IdentityProperties(String adminUser, String adminPassword, @DefaultValue("true") boolean localAccounts) {}
