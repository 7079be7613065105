package org.carevoice.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminUser id of the first administrator, created when missing
 * @param adminPassword its password; when blank no administrator is created and an existing one must be there
 */
@ConfigurationProperties("carevoice.identity")
public record IdentityProperties(String adminUser, String adminPassword) {}
