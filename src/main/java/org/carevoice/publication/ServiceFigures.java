package org.carevoice.publication;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a service is doing, as its public page shows it: how many published stories are about it,
 * how many it has answered in public, and how long it typically takes (the median time from a
 * story's publication to the service's first published response).
 */
@Component
class ServiceFigures {

  private final NamedParameterJdbcTemplate jdbc;

  ServiceFigures(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param typicalDays median whole days to the first response, null when nothing is answered yet
   */
  record Figures(long stories, long answered, Long typicalDays) {

    /** Answered stories as a whole percentage of the stories, null when there are none. */
    public Long responseRate() {
      return stories == 0 ? null : Math.round(100.0 * answered / stories);
    }
  }

  @Transactional(readOnly = true)
  Figures of(Long serviceId) {
    var params = java.util.Map.of("service", serviceId);
    long stories = jdbc.queryForObject("""
        select count(*) from story s join story_service ss on ss.story_id = s.id
        where ss.service_id = :service and s.status = 'PUBLISHED'""", params, Long.class);
    List<Duration> delays = jdbc.query("""
        select s.published_at, min(r.published_at) as first_response
        from story s join story_service ss on ss.story_id = s.id and ss.service_id = :service
        join response r on r.story_id = s.id and r.service_id = :service and r.status = 'PUBLISHED'
        where s.status = 'PUBLISHED' group by s.id, s.published_at""", params,
        (row, n) -> Duration.between(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant()));
    return new Figures(stories, delays.size(), medianDays(delays));
  }

  static Long medianDays(List<Duration> delays) {
    if (delays.isEmpty()) {
      return null;
    }
    List<Duration> sorted = delays.stream().map(d -> d.isNegative() ? Duration.ZERO : d).sorted().toList();
    int middle = sorted.size() / 2;
    Duration median = sorted.size() % 2 == 1 ? sorted.get(middle)
        : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    return median.toDays();
  }
}
