package org.carevoice.story;

/**
 * Published in the transaction that withdraws a story, so that other features erase what they
 * keep about it: responses, replies, change updates, digest items and the digest emails, staff
 * recognition (docs/privacy.md, Withdrawal). Published again when the case's withdrawal step runs;
 * listeners must be idempotent.
 */
public record StoryWithdrawnEvent(Long storyId, String reference) {}
