package org.carevoice.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the reports' charts, drawn as inline SVG by templates/staff/reports/charts.html:
 * horizontal bars (distributions and comparisons) and lines by month (trends). Only numbers and
 * presentational attributes go to the page: no style, no script, so the CSP stays strict. Colours
 * are NHS.UK's, each at least 4.5:1 on white; series differ by dash pattern and marker too, not by
 * colour alone. Every chart carries its title, a one-sentence summary and its data table.
 */
final class Charts {

  /** NHS blue, green, red, purple: each with at least 4.5:1 contrast on white. */
  static final String[] COLOURS = {"#005eb8", "#007f3b", "#d5281b", "#330072"};
  static final String[] DASHES = {"", "8 4", "2 3", "12 3 2 3"};
  static final String[] MARKERS = {"circle", "square", "diamond", "triangle"};

  static final int WIDTH = 480;
  private static final int BAR_ROW = 26;
  private static final int BAR_LABEL_WIDTH = 170;
  private static final int BAR_AREA = 240;
  private static final int LABEL_CHARACTERS = 26;

  private static final int PLOT_LEFT = 44;
  private static final int PLOT_RIGHT = WIDTH - 12;
  private static final int PLOT_TOP = 16;
  private static final int PLOT_BOTTOM = 200;
  static final int LINE_HEIGHT = 236;

  private Charts() {}

  /** One bar: its label (shortened for the chart; the table has it whole), value and geometry. */
  record Bar(String label, String shortLabel, long value, String display, int y, double width) {}

  /**
   * @param id unique on the page, for aria-labelledby
   * @param labelHeader the data table's first column
   * @param valueHeader the data table's second column
   */
  record BarChart(String id, String title, String summary, String labelHeader, String valueHeader, List<Bar> bars,
      int height) {

    public int labelWidth() {
      return BAR_LABEL_WIDTH;
    }

    public boolean isEmpty() {
      return bars.stream().allMatch(bar -> bar.value() == 0);
    }
  }

  /** A bar chart of labelled values, longest bar the largest value. */
  static BarChart bars(String id, String title, String summary, String labelHeader, String valueHeader,
      List<String> labels, List<Long> values, List<String> displays) {
    long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      long value = values.get(i);
      bars.add(new Bar(labels.get(i), shorten(labels.get(i)), value, displays.get(i), 8 + i * BAR_ROW,
          round(BAR_AREA * (double) value / max)));
    }
    return new BarChart(id, title, summary, labelHeader, valueHeader, bars, 16 + labels.size() * BAR_ROW);
  }

  /** A point of a line; value null where the month has none (a gap in the line). */
  record Point(double x, double y, Long value) {}

  /**
   * @param points SVG polyline points, one string per unbroken run of months
   */
  record Line(String name, String colour, String dash, String marker, List<String> points, List<Point> dots,
      List<Long> values, List<String> displays) {}

  record Tick(double y, String label) {}

  record MonthLabel(double x, String label) {}

  /**
   * @param months the month names of the data table
   * @param unit the unit of the values (for the y axis: "" or "%")
   */
  record LineChart(String id, String title, String summary, List<String> months, List<MonthLabel> monthLabels,
      List<Line> lines, List<Tick> ticks, int height) {

    public int plotLeft() {
      return PLOT_LEFT;
    }

    public int plotRight() {
      return PLOT_RIGHT;
    }

    public int plotBottom() {
      return PLOT_BOTTOM;
    }

    public int plotTop() {
      return PLOT_TOP;
    }
  }

  /** A series of a line chart: its name and one value per month (null: no value that month). */
  record Series(String name, List<Long> values, List<String> displays) {}

  static LineChart lines(String id, String title, String summary, List<String> months, List<String> shortMonths,
      List<Series> series, String unit) {
    long max = series.stream().flatMap(s -> s.values().stream()).filter(java.util.Objects::nonNull)
        .mapToLong(Long::longValue).max().orElse(0);
    long top = "%".equals(unit) ? 100 : niceTop(max);
    double step = months.size() <= 1 ? 0 : (double) (PLOT_RIGHT - PLOT_LEFT) / (months.size() - 1);
    List<Line> lines = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      Series one = series.get(s);
      List<Point> dots = new ArrayList<>();
      List<String> runs = new ArrayList<>();
      StringBuilder run = new StringBuilder();
      for (int m = 0; m < one.values().size(); m++) {
        Long value = one.values().get(m);
        if (value == null) {
          if (run.length() > 0) {
            runs.add(run.toString().strip());
            run.setLength(0);
          }
          continue;
        }
        double x = round(PLOT_LEFT + m * step);
        double y = round(PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * (double) value / top);
        dots.add(new Point(x, y, value));
        run.append(format(x)).append(',').append(format(y)).append(' ');
      }
      if (run.length() > 0) {
        runs.add(run.toString().strip());
      }
      lines.add(new Line(one.name(), COLOURS[s % COLOURS.length], DASHES[s % DASHES.length],
          MARKERS[s % MARKERS.length], runs, dots, one.values(), one.displays()));
    }
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      long value = top * i / 4;
      ticks.add(new Tick(round(PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * i / 4.0), value + unit));
    }
    List<MonthLabel> labels = new ArrayList<>();
    for (int m = 0; m < shortMonths.size(); m++) {
      // Every other month on a narrow chart: twelve labels would overlap.
      if (m % 2 == (shortMonths.size() - 1) % 2) {
        labels.add(new MonthLabel(round(PLOT_LEFT + m * step), shortMonths.get(m)));
      }
    }
    return new LineChart(id, title, summary, months, labels, lines, ticks, LINE_HEIGHT);
  }

  /** The smallest of 4, 8, 20, 40, 80, 200, ... (or a multiple of 4 below 20) at least the value. */
  static long niceTop(long max) {
    if (max <= 4) {
      return 4;
    }
    long top = 4;
    while (top < max) {
      long magnitude = top;
      top = switch (String.valueOf(magnitude).charAt(0)) {
        case '4' -> magnitude * 2;
        case '8' -> magnitude / 8 * 20;
        default -> magnitude * 2;
      };
    }
    return top;
  }

  private static String shorten(String label) {
    return label.length() <= LABEL_CHARACTERS ? label : label.substring(0, LABEL_CHARACTERS - 1).strip() + "\u2026";
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  static String format(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }
}
