package org.carevoice.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param from the sender of every email, e.g. {@code Carevoice <no-reply@example.org>} */
@ConfigurationProperties("carevoice.mail")
public record MailProperties(String from) {}
