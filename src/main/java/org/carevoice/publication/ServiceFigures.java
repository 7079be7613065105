package org.carevoice.publication;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a service is doing, as its public page shows it: how many published stories are about it,
 * how many it has answered in public, and how long it typically takes (the median time from a
 * story's publication to the service's first published response), each computed by the database.
 */
@Component
class ServiceFigures {

  private final NamedParameterJdbcTemplate jdbc;
  private final boolean postgres;

  ServiceFigures(NamedParameterJdbcTemplate jdbc, javax.sql.DataSource dataSource) throws java.sql.SQLException {
    this.jdbc = jdbc;
    java.sql.Connection connection = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
    try {
      this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
          .contains("postgres");
    } finally {
      org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(connection, dataSource);
    }
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
    // The median is the database's (percentile_cont, as in the staff reports), over the seconds
    // from each answered story's publication to the service's first published response.
    return jdbc.queryForObject("""
        select count(*), percentile_cont(0.5) within group (order by f.seconds) from (
          select greatest(0, %s) as seconds
          from story s join story_service ss on ss.story_id = s.id and ss.service_id = :service
          join response r on r.story_id = s.id and r.service_id = :service and r.status = 'PUBLISHED'
          where s.status = 'PUBLISHED' group by s.id, s.published_at) f""".formatted(secondsToFirstResponse()),
        params, (row, n) -> {
          double median = row.getDouble(2);
          return new Figures(stories, row.getLong(1), row.wasNull() ? null : (long) Math.floor(median / 86_400));
        });
  }

  /** Seconds from the story's publication to the service's first response: the one vendor-specific piece. */
  private String secondsToFirstResponse() {
    return postgres ? "extract(epoch from (min(r.published_at) - s.published_at))"
        : "datediff(second, s.published_at, min(r.published_at))";
  }
}
