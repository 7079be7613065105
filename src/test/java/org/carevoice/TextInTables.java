package org.carevoice;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where given words stand in the database: every column of every row, text, bytes, BLOB or CLOB alike. */
public final class TextInTables {

  private TextInTables() {}

  /**
   * "TABLE.COLUMN contains WORD" for each word in each column of the rows that each query returns,
   * keyed by the table's name as the result should show it.
   */
  public static List<String> find(JdbcTemplate jdbc, Map<String, String> queryByTable, Collection<String> words) {
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, String> query : queryByTable.entrySet()) {
      String table = query.getKey();
      for (Map<String, Object> row : jdbc.queryForList(query.getValue())) {
        for (Map.Entry<String, Object> column : row.entrySet()) {
          String value = asText(column.getValue());
          for (String word : words) {
            if (value.contains(word)) {
              found.add(table + "." + column.getKey() + " contains " + word);
            }
          }
        }
      }
    }
    return found;
  }

  private static String asText(Object value) {
    try {
      if (value == null) {
        return "";
      }
      if (value instanceof byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      if (value instanceof Blob blob) {
        return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
      }
      if (value instanceof Clob clob) {
        return clob.getSubString(1, (int) clob.length());
      }
      return value.toString();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
