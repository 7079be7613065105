package org.carevoice.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.carevoice.CarevoiceTest;
import org.carevoice.organisation.OrganisationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The reports over HTTP: who sees what (a test per role), the page's figures, the CSV, the overdue
 * list, and a 400 naming the field for every kind of wrong address. Demo users: graham manages
 * Hairmyres, fiona is a moderation lead, admin administers, craig responds, morag moderates,
 * shona is a safeguarding lead, patricia a process owner; rt.manager (made here) manages site A of
 * the test board of {@link ReportDataSet}.
 */
@CarevoiceTest
class ReportsPageTest {

  static final String JUNE = "from=2025-06-15";
  static final String NOT_ALLOWED = "Reports are for the managers of a service";
  static final String RT_MANAGER = "rt.manager";

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService organisation;
  @Autowired IdentityService identity;

  @BeforeEach
  void dataSetAndItsManager() {
    ReportDataSet.load(jdbc, organisation);
    if (identity.createUserQuery().userId(RT_MANAGER).count() == 0) {
      User manager = identity.newUser(RT_MANAGER);
      manager.setFirstName("Report");
      manager.setLastName("Manager");
      manager.setPassword("demo");
      identity.saveUser(manager);
      if (identity.createGroupQuery().groupId(ReportDataSet.MANAGERS_A).count() == 0) {
        identity.saveGroup(identity.newGroup(ReportDataSet.MANAGERS_A));
      }
      identity.createMembership(RT_MANAGER, ReportDataSet.MANAGERS_A);
    }
  }

  // --- who sees what ----------------------------------------------------------------------------

  @Test
  void anonymous_isSentToSignIn() throws Exception {
    for (String path : List.of("/staff/reports", "/staff/reports.csv", "/staff/reports/overdue",
        "/staff/reports/overdue.csv")) {
      mvc.perform(get(path)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
    }
  }

  @ParameterizedTest(name = "{0} may see no report")
  @ValueSource(strings = {"craig", "morag", "shona", "patricia"})
  void respondersModeratorsSafeguardingAndProcessOwners_get403WithAPlainPage(String user) throws Exception {
    for (String path : List.of("/staff/reports", "/staff/reports?organisation=rt-board", "/staff/reports.csv",
        "/staff/reports/overdue", "/staff/reports/overdue.csv")) {
      mvc.perform(get(path).with(user(user))).andExpect(status().isForbidden())
          .andExpect(content().string(containsString(NOT_ALLOWED)))
          .andExpect(content().string(not(containsString("Ward A1"))));
    }
    // Even a wrong address says "not for you" before "wrong".
    mvc.perform(get("/staff/reports?period=week").with(user(user))).andExpect(status().isForbidden());
  }

  @Test
  void manager_seesHisServices_andIsRefusedOthers() throws Exception {
    mvc.perform(get("/staff/reports").with(user("graham"))).andExpect(status().isOk())
        .andExpect(content().string(containsString("Report for your services")))
        .andExpect(content().string(containsString("Outpatient Department, University Hospital Hairmyres")))
        .andExpect(content().string(not(containsString("Maternity Unit, University Hospital Wishaw"))));
    mvc.perform(get("/staff/reports?service=hairmyres-ward-15").with(user("graham"))).andExpect(status().isOk());
    mvc.perform(get("/staff/reports?site=hairmyres").with(user("graham"))).andExpect(status().isOk());
    mvc.perform(get("/staff/reports?organisation=nhs-lanarkshire").with(user("graham"))).andExpect(status().isOk())
        .andExpect(content().string(containsString("You see the services of NHS Lanarkshire that you manage")))
        .andExpect(content().string(not(containsString("Maternity Unit, University Hospital Wishaw"))));
    for (String other : List.of("service=wishaw-maternity", "site=wishaw", "organisation=south-lanarkshire-hscp",
        "organisation=rt-board")) {
      mvc.perform(get("/staff/reports?" + other).with(user("graham"))).andExpect(status().isForbidden())
          .andExpect(content().string(containsString(NOT_ALLOWED)));
      mvc.perform(get("/staff/reports.csv?" + other).with(user("graham"))).andExpect(status().isForbidden());
      mvc.perform(get("/staff/reports/overdue?" + other).with(user("graham"))).andExpect(status().isForbidden());
    }
  }

  @Test
  void managerOfSiteA_seesTheBoardOnlyAsFarAsHisServicesGo() throws Exception {
    String page = page(get("/staff/reports?organisation=rt-board&" + JUNE).with(user(RT_MANAGER)));
    assertThat(page).contains("You see the services of Report Test Board that you manage")
        .contains("Ward A1, Report Test Hospital A").contains("Ward A2, Report Test Hospital A")
        .doesNotContain("Clinic B1");
    String csv = csv(get("/staff/reports.csv?organisation=rt-board&" + JUNE).with(user(RT_MANAGER)));
    assertThat(csv).contains("stories,told,,,7,stories\r\n").doesNotContain("Clinic B1");
    mvc.perform(get("/staff/reports?service=rt-b1").with(user(RT_MANAGER))).andExpect(status().isForbidden());
    mvc.perform(get("/staff/reports?site=rt-site-b").with(user(RT_MANAGER))).andExpect(status().isForbidden());
  }

  @ParameterizedTest(name = "{0} sees every service")
  @ValueSource(strings = {"fiona", "admin"})
  void moderationLeadsAndAdministrators_seeEverything(String user) throws Exception {
    mvc.perform(get("/staff/reports").with(user(user))).andExpect(status().isOk())
        .andExpect(content().string(containsString("Report for all services")))
        .andExpect(content().string(containsString("Maternity Unit, University Hospital Wishaw")))
        .andExpect(content().string(containsString("Clinic B1, Report Test Hospital B")));
    mvc.perform(get("/staff/reports?organisation=rt-board&" + JUNE).with(user(user))).andExpect(status().isOk());
    mvc.perform(get("/staff/reports/overdue?service=rt-a2").with(user(user))).andExpect(status().isOk())
        .andExpect(content().string(containsString(ReportDataSet.OVERDUE_REFERENCE)));
  }

  // --- the page, the CSV, the overdue list ------------------------------------------------------------

  @Test
  void reportPage_showsTheFiguresChartsAndLeagueTable() throws Exception {
    String page = page(get("/staff/reports?organisation=rt-board&" + JUNE).with(user("fiona")));
    assertThat(page).contains("<title>Reports: Report Test Board, June 2025 - Carevoice</title>")
        .contains("Period: June 2025")
        .contains("<p class=\"cv-figure\">9</p><p class=\"nhsuk-body-s\">Stories told</p>")
        .contains("<p class=\"cv-figure\">71%</p>").contains("1.3 days").contains("3.2 days")
        .contains("5 of 7 stories published to a service in the period have its response")
        .contains("Cases overdue now (1)")
        // Charts: accessible SVG with a summary, then a data table.
        .contains("role=\"img\"").contains("aria-labelledby=\"chart-criticality-title\"")
        .contains("Strongly or severely critical (4-5) rose from 1 in May 2025 to 2 in June 2025.")
        .contains("The most common was 3 Moderately critical: 2 of 7.")
        .contains("Clinic B1, Report Test Hospital B had the highest response rate (100%), Ward A2, Report Test"
            + " Hospital A the lowest (0%).")
        .doesNotContain("style=").doesNotContain("<script>");
    // Sorted by response rate, highest first: B1 (100%), A1 (75%), A2 (0%).
    String sorted = page(get("/staff/reports?organisation=rt-board&" + JUNE + "&sort=rate").with(user("fiona")));
    String table = sorted.substring(sorted.indexOf("id=\"league-caption\""));
    assertThat(table.indexOf("Clinic B1")).isLessThan(table.indexOf("Ward A1")).isPositive();
    assertThat(table.indexOf("Ward A1")).isLessThan(table.indexOf("Ward A2"));
    assertThat(table).contains("aria-sort=\"descending\"")
        .contains("sort=rate&amp;order=asc#league");
    String ascending = page(get("/staff/reports?organisation=rt-board&" + JUNE + "&sort=rate&order=asc")
        .with(user("fiona")));
    String table2 = ascending.substring(ascending.indexOf("id=\"league-caption\""));
    assertThat(table2.indexOf("Ward A2")).isLessThan(table2.indexOf("Clinic B1"));
  }

  @Test
  void csv_hasTheFiguresOnePerRow_withHeadersForADownload() throws Exception {
    var result = mvc.perform(get("/staff/reports.csv?organisation=rt-board&" + JUNE).with(user("fiona")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", startsWith("text/csv")))
        .andExpect(header().string("Content-Disposition",
            "attachment; filename=\"carevoice-report-rt-board-2025-06-01-to-2025-06-30.csv\""))
        .andReturn();
    assertThat(result.getResponse().getContentType()).contains("charset=UTF-8");
    String csv = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("section,figure,category,month,value,unit\r\n")
        .contains("report,scope,Report Test Board,,,\r\n")
        .contains("stories,told,,,9,stories\r\n").contains("stories,published,,,7,stories\r\n")
        .contains("stories,rejected,,,1,stories\r\n").contains("stories,withdrawn,,,1,stories\r\n")
        .contains("stories told by channel,By phone,PHONE,,1,stories\r\n")
        .contains("responses,response rate,,,71,percent\r\n")
        .contains("responses,median time to first response,,,30.0,hours\r\n")
        .contains("responses,90th percentile time to first response,,,76.8,hours\r\n")
        .contains("responses,overdue now,,,1,cases\r\n").contains("responses,escalations,,,2,cases\r\n")
        .contains("criticality of published stories,3 Moderately critical,3,,2,stories\r\n")
        .contains("tags of published stories,Waiting time,What could be improved,,2,stories\r\n")
        .contains("changes,made,,,2,responses\r\n").contains("celebration,stories shared,,,1,shares\r\n")
        .contains("criticality by month,Strongly or severely critical (4-5),,2025-06,2,stories\r\n")
        .contains("services,response rate,\"Ward A1, Report Test Hospital A\",,75,percent\r\n")
        .contains("services,median time to first response,\"Clinic B1, Report Test Hospital B\",,21.0,hours\r\n");
  }

  @Test
  void overdueList_linksEachCaseToItsStaffPage_andItsCsvListsThem() throws Exception {
    String page = page(get("/staff/reports/overdue?organisation=rt-board").with(user("fiona")));
    assertThat(page).contains("href=\"/staff/stories/" + ReportDataSet.OVERDUE_REFERENCE + "\"")
        .contains("Ward A2, Report Test Hospital A").contains("1 cases overdue now.")
        .doesNotContain(ReportDataSet.OUTSIDE_REFERENCE).doesNotContain("/camunda/app/cockpit");
    var result = mvc.perform(get("/staff/reports/overdue.csv?organisation=rt-board").with(user("fiona")))
        .andExpect(status().isOk()).andExpect(header().string("Content-Disposition",
            startsWith("attachment; filename=\"carevoice-overdue-rt-board-"))).andReturn();
    String csv = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv.split("\r\n")).hasSize(2);
    assertThat(csv).startsWith("reference,service,site,organisation,criticality,published,response due,"
            + "escalation due,overdue since,days overdue,reminded,escalated,staff page\r\n")
        .contains(ReportDataSet.OVERDUE_REFERENCE + ",Ward A2,Report Test Hospital A,Report Test Board,5,"
            + "2025-06-16T12:00:00Z,2025-06-18T12:00:00Z,2025-06-20T12:00:00Z,2025-06-25T12:00:00Z,")
        .contains("/staff/stories/" + ReportDataSet.OVERDUE_REFERENCE + "\r\n");
  }

  // --- wrong addresses ------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "organisation=nowhere|report-organisation|Choose an organisation from the list",
      "site=nowhere|report-site|Choose a hospital or site from the list",
      "service=nowhere|report-service|Choose a service from the list",
      "organisation=rt-board&service=rt-a1|report-service|Choose only one of organisation, hospital or site, or service",
      "period=week|report-period|Choose month, quarter, year, or from one day to another",
      "from=2025-13-01|report-from|Enter a real date, for example 2026-03-01",
      "from=99999-01-01|report-from|Enter a real date, for example 2026-03-01",
      "from=1066-10-14|report-from|Enter a date between the years 1900 and 2100",
      "period=custom|report-from|Enter the first day of your period",
      "period=custom&from=2025-06-10&to=2025-06-01|report-to|The &quot;to&quot; date must be the same as or after",
      "period=custom&from=2025-06-10&to=yesterday|report-to|Enter a real date",
      "sort=colour|report-sort|Choose a column of the table to sort by",
      "order=up|report-order|Choose &quot;asc&quot; or &quot;desc&quot; for the order"})
  void wrongValue_gets400NamingTheField(String query, String field, String message) throws Exception {
    mvc.perform(get("/staff/reports?" + query).with(user("fiona"))).andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("href=\"#" + field + "\"")))
        .andExpect(content().string(containsString(message)))
        .andExpect(content().string(containsString("<title>Error: Reports - Carevoice</title>")));
    mvc.perform(get("/staff/reports/overdue?" + query).with(user("fiona"))).andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("href=\"#" + field + "\"")));
    mvc.perform(get("/staff/reports.csv?" + query).with(user("fiona"))).andExpect(status().isBadRequest())
        .andExpect(content().string(containsString(field.substring("report-".length()) + ": ")));
  }

  @Test
  void customPeriod_andQuarterAndYear_coverTheirDays() throws Exception {
    assertThat(csv(get("/staff/reports.csv?organisation=rt-board&period=custom&from=2025-06-01&to=2025-06-30")
        .with(user("fiona")))).contains("stories,told,,,9,stories\r\n");
    // 30 June only: story 7 (23:30 BST) and 11 is on the 28th: told 1.
    assertThat(csv(get("/staff/reports.csv?organisation=rt-board&period=custom&from=2025-06-30&to=2025-06-30")
        .with(user("fiona")))).contains("stories,told,,,1,stories\r\n");
    // The quarter April-June holds stories 1-7, 9-11: 10 told; the year 2025 all 11 of the board.
    assertThat(csv(get("/staff/reports.csv?organisation=rt-board&period=quarter&from=2025-05-20").with(user("fiona"))))
        .contains("report,first day,,,2025-04-01,date").contains("stories,told,,,10,stories\r\n");
    assertThat(csv(get("/staff/reports.csv?organisation=rt-board&period=year&from=2025-01-01").with(user("fiona"))))
        .contains("report,last day,,,2025-12-31,date").contains("stories,told,,,11,stories\r\n");
  }

  @Test
  void csvCells_thatASpreadsheetWouldRunAsFormulas_arePlainText() {
    assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(Csv.cell("+1")).isEqualTo("'+1");
    assertThat(Csv.cell("-1")).isEqualTo("'-1");
    assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
    assertThat(Csv.cell("\rx")).isEqualTo("\"'\rx\"");
    assertThat(Csv.cell("Ward 15, Hairmyres")).isEqualTo("\"Ward 15, Hairmyres\"");
    assertThat(Csv.cell(-3L)).isEqualTo("-3");
  }

  @Test
  void publicPages_neverShowCriticality() throws Exception {
    for (String path : List.of("/services/rt-a1", "/stories/" + ReportDataSet.OVERDUE_REFERENCE,
        "/api/v1/stories/" + ReportDataSet.OVERDUE_REFERENCE, "/api/v1/services/rt-a1")) {
      String body = page(get(path));
      assertThat(body).as(path).doesNotContainIgnoringCase("critical").doesNotContain("Overdue")
          .doesNotContain("escalat");
    }
  }

  private String page(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String csv(MockHttpServletRequestBuilder request) throws Exception {
    return page(request);
  }
}
