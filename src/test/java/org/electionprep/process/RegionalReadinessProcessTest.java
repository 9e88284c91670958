package org.electionprep.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.electionprep.support.ReadinessProcessTest;
import org.electionprep.support.ReadinessDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives every path of regional-readiness: the region's counties started in their own tenants, the shared regional
 * session reaching every county, the report once every county has declared, the report at the deadline, and the
 * starts that are refused.
 */
class RegionalReadinessProcessTest extends ReadinessProcessTest {

    @Autowired ObjectMapper json;

    @Test
    void aRegionWhoseCountiesAllDeclareOnTimeEndsWithItsReadinessReport() throws Exception {
        String c = counties.county();
        String station = counties.station(c, 1, links.url("/ok"));
        drive.startStation(station);

        ProcessInstance region = drive.startRegion(c);

        assertThat(region.getTenantId()).isEqualTo("khuzestan");
        assertThat(region).isWaitingAt("countyReadiness", "scheduleRegionalTraining");
        assertThat(drive.task(region, "scheduleRegionalTraining")).hasCandidateGroup("province-elections-khuzestan");
        ProcessInstance county = drive.county(c);
        assertThat(county.getTenantId()).isEqualTo(c);
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(region.getId()).singleResult().getId())
                .as("Cockpit links the county to its region").isEqualTo(county.getId());
        String regionCode = (String) runtime.getVariable(region.getId(), "regionCode");
        assertThat(jdbc.queryForObject("SELECT region_code FROM county WHERE code = ?", String.class, c)).isEqualTo(regionCode);

        drive.approveSite(station, c);
        drive.finalizeCounty(c);
        drive.connectAndTrain(station, c);
        drive.scheduleRegionalSession(region, ReadinessDriver.today());
        assertThat(region).isWaitingAt("countyReadiness");
        drive.runJob(county, "sessionDay");
        drive.recordOfficials(c, null);

        assertThat(county).isWaitingAt("declareCountyReady", "requestAssistance");
        assertThat((String) runtime.getVariable(county.getId(), "readinessSummary")).contains("کل شعب: 1", "آماده: 1");
        drive.declare(c);

        assertThat(county).isEnded();
        assertThat(region).isWaitingAt("reviewRegionalReport");
        JsonNode report = json.readTree(String.valueOf(runtime.getVariable(region.getId(), "regionalReport")));
        assertThat(report.get("allCountiesDeclared").asBoolean()).isTrue();
        assertThat(report.get("deadlinePassed").asBoolean()).isFalse();
        JsonNode line = report.get("counties").get(0);
        assertThat(line.get("county").asText()).isEqualTo(c);
        assertThat(line.get("declared").asBoolean()).isTrue();
        assertThat(line.get("stations").asInt()).isEqualTo(1);
        assertThat(line.get("ready").asInt()).isEqualTo(1);
        assertThat(line.get("officials").asInt()).isEqualTo(3);
        assertThat(line.get("officialsTrained").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT kind || '/' || level FROM readiness_declaration WHERE region_code = ?"
                + " ORDER BY id", String.class, regionCode)).containsExactly("DECLARATION/COUNTY", "REPORT/COUNTY", "REPORT/REGION");
        assertThat(jdbc.queryForObject("SELECT declared_by FROM readiness_declaration WHERE kind = 'DECLARATION'"
                + " AND scope_code = ?", String.class, c)).isEqualTo("gov-" + c);

        drive.completeAsProvince(drive.task(region, "reviewRegionalReport"), Map.of("reportComments", "ارسال به ستاد"));

        assertThat(region).isEnded().hasPassed("recordReportReview");
        assertThat(jdbc.queryForObject("SELECT review_note FROM readiness_declaration WHERE level = 'REGION'"
                + " AND scope_code = ?", String.class, regionCode)).isEqualTo("ارسال به ستاد");
    }

    @Test
    void theRegionalSessionIsSharedByEveryCountyOfTheRegion() {
        String first = counties.county();
        String second = counties.county();
        ProcessInstance region = drive.startRegion(first, second);

        drive.scheduleRegionalSession(region, ReadinessDriver.today().plusDays(5));

        for (String c : List.of(first, second)) {
            ProcessInstance county = drive.county(c);
            assertThat(county).isWaitingAt("sessionDay");
            assertThat(jdbc.queryForList("SELECT official FROM attendance WHERE county_code = ? ORDER BY official",
                    String.class, c)).containsExactly("dep-" + c, "gov-" + c, "head-" + c);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT session_id) FROM attendance WHERE county_code IN (?, ?)",
                Integer.class, first, second)).isEqualTo(1);
    }

    @Test
    void atTheDeadlineTheReportListsTheCountiesThatHaveNotDeclared() throws Exception {
        String c = counties.county();
        counties.station(c, 1, links.url("/ok"));
        ProcessInstance region = drive.startRegion(c);
        ProcessInstance county = drive.county(c);

        drive.runJob(region, "regionalDeadline");

        assertThat(region).isWaitingAt("reviewRegionalReport", "scheduleRegionalTraining");
        assertThat(county).isEnded();
        JsonNode report = json.readTree(String.valueOf(runtime.getVariable(region.getId(), "regionalReport")));
        assertThat(report.get("deadlinePassed").asBoolean()).isTrue();
        assertThat(report.get("counties").get(0).get("declared").asBoolean()).isFalse();
        assertThat((String) runtime.getVariable(region.getId(), "regionalReportText")).contains("آمادگی اعلام نشده");

        drive.completeAsProvince(drive.task(region, "reviewRegionalReport"), Map.of());
        assertThat(region).isEnded();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(region.getId()).count()).isZero();
    }

    @Test
    void aRegionWithAnUnknownCountyACountyOfAnotherRegionOrProvinceOrAPastElectionDateIsRefused() {
        String taken = counties.county();
        drive.startRegion(taken);
        String free = counties.county();
        String future = ReadinessDriver.today().plusDays(90).toString();

        assertThatThrownBy(() -> start("r-unknown1", future, "no-such-county"))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("no-such-county");
        assertThatThrownBy(() -> start("r-taken1", future, free + "," + taken))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(taken);
        jdbc.update("INSERT INTO province (code, name) SELECT 'r-other-province', 'استان دیگر' WHERE NOT EXISTS"
                + " (SELECT 1 FROM province WHERE code = 'r-other-province')");
        String elsewhere = counties.county("r-other-province");
        assertThatThrownBy(() -> start("r-provinces1", future, free + "," + elsewhere))
                .as("a region lies inside one province").isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("r-other-province");
        assertThatThrownBy(() -> start("r-past1", ReadinessDriver.today().toString(), free))
                .isInstanceOf(FormFieldValidationException.class);
        assertThatThrownBy(() -> start("R WRONG", future, free)).isInstanceOf(FormFieldValidationException.class);

        String undeployed = "cnodeploy" + System.nanoTime() % 100000;
        jdbc.update("INSERT INTO county (code, name, province) VALUES (?, 'بی‌فرایند', 'khuzestan')", undeployed);
        assertThatThrownBy(() -> start("r-undeployed", future, free + "," + undeployed))
                .as("a county whose tenant has no county-readiness").isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining(undeployed);

        assertThat(jdbc.queryForObject("SELECT region_code FROM county WHERE code = ?", String.class, free))
                .as("nothing half-written").isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE code IN ('r-undeployed', 'r-taken1')",
                Integer.class)).isZero();
        ProcessInstance ok = start("r-" + free, future, "[\"" + free + "\"]");
        assertThat(ok.getBusinessKey()).isEqualTo("r-" + free);
        assertThat(drive.county(free)).isNotNull();
        assertThatThrownBy(() -> start("r-" + free, future, counties.county()))
                .as("a region code in use").isInstanceOf(FormFieldValidationException.class);
    }

    private ProcessInstance start(String code, String electionDate, String countyList) {
        return runtime.startProcessInstanceByKey("regional-readiness", Map.of("regionCode", code, "regionName",
                "منطقه", "electionDate", electionDate, "counties", countyList));
    }
}
