package org.carevoice.story;

/** What a moderator is shown of a story in the moderation form. */
public record ModerationView(String reference, String title, String body, String services) {}
