package org.carevoice.story;

import java.util.List;
import java.util.Set;

/**
 * What a moderator decided and changed in the moderation form.
 *
 * @param title the title as the moderator left it (may be redacted); null keeps it
 * @param body the text as the moderator left it (may be redacted); null keeps it
 * @param serviceIds the confirmed services; empty keeps them
 * @param messageToAuthor a note for the author (request for changes, rejection), or null
 */
public record ModerationOutcome(String moderator, Integer criticality, String title, String body, Set<String> tags,
    List<Long> serviceIds, String messageToAuthor) {}
