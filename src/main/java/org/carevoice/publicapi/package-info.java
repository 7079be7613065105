/**
 * The public JSON API under {@code /api/v1}: published stories with their responses, the
 * services tree and the tags, for anyone (rate-limited per client address); and the staff entry
 * of stories taken by phone or on paper (HTTP Basic). Described at {@code /v3/api-docs} and in
 * docs/api.md. Nothing else depends on this package.
 */
package org.carevoice.publicapi;
