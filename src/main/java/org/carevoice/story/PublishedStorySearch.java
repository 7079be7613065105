package org.carevoice.story;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.organisation.OrganisationService.Place;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Browsing and searching the published stories, for the public pages and the public JSON API.
 * The filters are SQL over our own tables (ids first, then the stories by id); only published
 * stories are ever considered. The text match is PostgreSQL full-text search on PostgreSQL (a
 * stored tsvector with a GIN index, V8) and a case-insensitive match of every word on H2.
 */
@Service
public class PublishedStorySearch {

  private static final int MAX_WORDS = 10;
  private static final String PUBLISHED = "s.status = 'PUBLISHED'";
  /**
   * Ranking reads every matching story's whole search vector from TOAST (10 to 20 microseconds
   * each): a word found in half of 100,000 stories took over half a second. Above this many
   * matches the order by relevance is newest first instead, which the date index answers at once
   * (docs/performance.md).
   */
  static final int RANK_LIMIT = 1_000;
  /**
   * A search or a filter counts its matches up to this many and then says "more than": counting
   * all 52,000 stories that contain "nurse" took about 400 ms, stopping at a thousand a few. The
   * whole list (no search, no filter) is counted exactly from an index.
   */
  public static final int COUNT_LIMIT = 1_000;
  /** The whole list's count, kept this long at most when no story was written on this node meanwhile. */
  static final Duration WHOLE_COUNT_TTL = Duration.ofSeconds(10);
  /**
   * Bumped whenever a story is written on this node ({@link StoryWrites}): the whole list's count
   * is read again after any write, at once on this node, within {@link #WHOLE_COUNT_TTL} for a
   * write on another node or by SQL.
   */
  private static final AtomicLong STORY_WRITES = new AtomicLong();

  /** The number of published stories, when it was counted, and the writes seen then. */
  private record WholeCount(long total, long at, long writes) {}

  private final AtomicReference<WholeCount> wholeCount = new AtomicReference<>();

  private final NamedParameterJdbcTemplate jdbc;
  private final StoryService stories;
  private final boolean postgres;
  private final OrganisationService organisation;

  PublishedStorySearch(NamedParameterJdbcTemplate jdbc, StoryService stories, DataSource dataSource,
      OrganisationService organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.stories = stories;
    this.postgres = isPostgres(dataSource);
  }

  /** The matching stories from {@code skip}, at most {@code take}, in the search's order. */
  @Transactional(readOnly = true)
  public StorySearchResult search(StorySearch search, int skip, int take) {
    if (skip < 0 || take < 1) {
      throw new IllegalArgumentException("skip must be >= 0 and take >= 1");
    }
    MapSqlParameterSource params = new MapSqlParameterSource();
    String where = where(search, params);
    if (where == null) {
      return new StorySearchResult(List.of(), 0, skip, take);
    }
    boolean capped = search.isNarrowed();
    long total = capped
        ? jdbc.queryForObject("select count(*) from (select 1 from story s where " + where + " limit "
            + (COUNT_LIMIT + 1) + ") matching", params, Long.class)
        : wholeListCount(where, params);
    boolean exact = total <= COUNT_LIMIT || !capped;
    total = exact ? total : COUNT_LIMIT;
    if (total == 0 || (exact && skip >= total)) {
      return new StorySearchResult(List.of(), total, exact, skip, take);
    }
    params.addValue("take", take).addValue("skip", skip);
    // "published_at is not null" is always true of a published story. Said here, it lets a walk of
    // the published_at index newest first skip the stories never published (rejected, in
    // moderation), whose null dates come first in it: with 8,600 of them, a common word's search read
    // each before its first match (127 ms instead of 0.6; docs/performance.md, "Issue 14, second
    // pass"). Not in the count, whose index-only scan of the published ids it would prevent.
    String matching = " from story s where " + where + " and s.published_at is not null";
    boolean ranked = ranked(search, exact ? total : Long.MAX_VALUE);
    String orderBy = order(search, ranked);
    String query = capped && exact && postgres && !ranked
        ? fewMatchesByDate(matching, orderBy)
        : "select s.id" + matching + " order by " + orderBy;
    List<Long> ids = jdbc.queryForList(query + " limit :take offset :skip", params, Long.class);
    return new StorySearchResult(stories.findPublishedByIds(ids), total, exact, skip, take);
  }

  /**
   * At most {@value #COUNT_LIMIT} matches (counted just before), in date order: found first, then
   * sorted. Left to itself, PostgreSQL may walk the whole date index newest first and test each
   * story against the search, expecting matches to come soon; for a rare word or a narrow filter
   * they do not (a rare word sorted newest first: 342 ms, against 0.5 ms found first;
   * docs/performance.md, "Issue 14, third pass"). Many matches keep the walk, which then stops at
   * once.
   */
  private static String fewMatchesByDate(String matching, String orderBy) {
    return "with matching as materialized (select s.id, s.published_at" + matching + ")"
        + " select s.id from matching s order by " + orderBy;
  }

  /**
   * The exact count of the stories that match {@code where}; for the whole list (every published
   * story, the page most visitors open), the count of the last 10 seconds unless a story was
   * written since. Counting 100,000 published ids from their index took 27 ms of a 35 ms page.
   */
  private long wholeListCount(String where, MapSqlParameterSource params) {
    boolean whole = where.equals(PUBLISHED);
    long writes = STORY_WRITES.get();
    WholeCount known = wholeCount.get();
    if (whole && known != null && known.writes() == writes
        && System.nanoTime() - known.at() < WHOLE_COUNT_TTL.toNanos()) {
      return known.total();
    }
    long total = jdbc.queryForObject("select count(*) from story s where " + where, params, Long.class);
    if (whole) {
      wholeCount.set(new WholeCount(total, System.nanoTime(), writes));
    }
    return total;
  }

  /** Called after every insert, update and delete of a story on this node. */
  static void storyWritten() {
    STORY_WRITES.incrementAndGet();
  }

  /** The conditions, or null when a service, site or organisation is named that has no service. */
  private String where(StorySearch search, MapSqlParameterSource params) {
    List<String> conditions = new ArrayList<>();
    conditions.add(PUBLISHED);
    if (search.text() != null) {
      conditions.add(textCondition(search.text(), params));
    }
    if (!placeCondition(search.service(), Place.SERVICE, conditions)
        || !placeCondition(search.site(), Place.SITE, conditions)
        || !placeCondition(search.organisation(), Place.ORGANISATION, conditions)) {
      return null;
    }
    if (search.tag() != null) {
      params.addValue("tag", search.tag());
      conditions.add("exists (select 1 from story_tag t where t.story_id = s.id and t.tag = :tag)");
    }
    if (search.publishedFrom() != null) {
      params.addValue("publishedFrom", startOf(search.publishedFrom()));
      conditions.add("s.published_at >= :publishedFrom");
    }
    if (search.publishedTo() != null) {
      params.addValue("publishedTo", startOf(search.publishedTo().plusDays(1)));
      conditions.add("s.published_at < :publishedTo");
    }
    if (search.responded() != null) {
      conditions.add((search.responded() ? "" : "not ")
          + "exists (select 1 from response r where r.story_id = s.id and r.status = 'PUBLISHED')");
    }
    return String.join(" and ", conditions);
  }

  /**
   * Stories about one of the services of a service, site or organisation slug. The slug is
   * resolved to service ids first (from the organisation tree in memory), and the ids (numbers read from our own table) are written into
   * the query: so the planner knows how many stories those services have (a large one has
   * thousands) instead of guessing an average, also when the driver reuses a prepared statement.
   *
   * @return false when the slug names no service, so nothing can match
   */
  private boolean placeCondition(String slug, Place place, List<String> conditions) {
    if (slug == null) {
      return true;
    }
    List<Long> serviceIds = organisation.serviceIds(place, slug);
    if (serviceIds.isEmpty()) {
      return false;
    }
    conditions.add("exists (select 1 from story_service ss where ss.story_id = s.id and ss.service_id in ("
        + serviceIds.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "))");
    return true;
  }

  private String textCondition(String text, MapSqlParameterSource params) {
    if (postgres) {
      params.addValue("text", text);
      return "s.search_vector @@ websearch_to_tsquery('english', :text)";
    }
    List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
        .filter(word -> !word.isBlank()).distinct().limit(MAX_WORDS).toList();
    if (words.isEmpty()) {
      return "1 = 1";
    }
    List<String> each = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      params.addValue("word" + i, "%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      each.add("(lower(s.title) like :word" + i + " escape '\\' or lower(s.body) like :word" + i + " escape '\\')");
    }
    return String.join(" and ", each);
  }

  /** Whether the order is by relevance as PostgreSQL ranks it (a text search of few enough matches). */
  private boolean ranked(StorySearch search, long total) {
    return search.sort() == StorySort.RELEVANCE && postgres && search.text() != null && total <= RANK_LIMIT;
  }

  private static String order(StorySearch search, boolean ranked) {
    if (ranked) {
      return "ts_rank(s.search_vector, websearch_to_tsquery('english', :text)) desc, s.published_at desc, s.id desc";
    }
    return search.sort() == StorySort.OLDEST ? "s.published_at asc, s.id asc" : "s.published_at desc, s.id desc";
  }

  private static java.sql.Timestamp startOf(LocalDate day) {
    return java.sql.Timestamp.from(day.atStartOfDay(StoryService.SCOTLAND).toInstant());
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell which database this is", e);
    }
  }
}
