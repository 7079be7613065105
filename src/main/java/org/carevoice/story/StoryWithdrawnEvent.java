package org.carevoice.story;

/**
 * Published in the transaction that withdraws a story, so that other features erase what they
 * keep about it (the author's replies, for one).
 */
public record StoryWithdrawnEvent(Long storyId, String reference) {}
