package org.electionprep.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.electionprep.milestone.Milestones;
import org.electionprep.support.ReadinessProcessTest;
import org.electionprep.support.ReadinessDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives every path of county-readiness and milestone-escalation with the real delegates: finalization reaching the
 * waiting stations, late stations, missed milestones, the officials' training and make-up session, help between
 * neighbours and fallbacks. Timers are fired explicitly; each test has counties of its own.
 */
class CountyReadinessProcessTest extends ReadinessProcessTest {

    @Autowired Milestones milestones;

    @Test
    void theGovernorFinalizesOnceEveryStationIsVerifiedAndTheWaitingStationsGoOnToTheirChecks() {
        String c = counties.county();
        String s1 = counties.station(c, 1, links.url("/ok"));
        String s2 = counties.station(c, 2, links.url("/ok"));
        drive.startStation(s1);
        drive.startStation(s2);
        drive.startRegion(c);
        ProcessInstance county = drive.county(c);

        assertThat(county.getTenantId()).isEqualTo(c);
        assertThat(county).isWaitingAt("awaitStationsVerified", "awaitRegionalSession", "requestAssistance");
        drive.approveSite(s1, c);
        assertThat(drive.station(s1)).isWaitingAt("awaitCountyFinalization");
        assertThat(county).isWaitingAt("awaitStationsVerified");

        drive.approveSite(s2, c);

        assertThat(county).isWaitingAt("finalizeStationDatabase");
        Task finalize = drive.task(county, "finalizeStationDatabase");
        assertThat(finalize).hasCandidateGroup("governor-" + c);
        assertThat(runtime.getVariables(county.getId())).containsEntry("stationsTotal", 2).containsEntry("stationsVerified", 2);
        assertThatThrownBy(() -> drive.complete(finalize, "district-head", c, Map.of("databaseConfirmed", true)))
                .as("only the governor finalizes").isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> drive.complete(finalize, "governor", c, Map.of("databaseConfirmed", false)))
                .isInstanceOf(FormFieldValidationException.class);

        drive.finalizeCounty(c);

        assertThat(county).isWaitingAt("awaitStationsReady");
        assertThat(jdbc.queryForObject("SELECT finalized_by FROM county WHERE code = ?", String.class, c)).isEqualTo("gov-" + c);
        assertThat(registry.status(s1)).isEqualTo("FINALIZED");
        assertThat(drive.station(s1)).isWaitingAt("checkConnectivity");
        assertThat(drive.station(s2)).isWaitingAt("checkConnectivity");
        assertThat(countyEvents(c)).contains("DATABASE_FINALIZED");
    }

    @Test
    void eachTaskIsDueAtTheMilestoneOfItsCountysElectionOnceTheCountyIsInARegion() {
        String c = counties.county();
        String outside = counties.county();
        String early = counties.station(c, 1, links.url("/ok"));
        String s1 = counties.station(c, 2, links.url("/ok"));
        String s2 = counties.station(outside, 1, links.url("/ok"));
        drive.startStation(early);
        assertThat(drive.task(drive.station(early), "verifySite").getDueDate()).as("no election yet").isNull();
        drive.startRegion(c);
        LocalDate election = ReadinessDriver.today().plusDays(100);

        drive.startStation(s1);
        drive.startStation(s2);

        assertThat(drive.task(drive.station(s1), "verifySite").getDueDate())
                .isEqualTo(milestones.due(election, "stations-verified"))
                .isEqualTo(Date.from(election.minusDays(60).atStartOfDay(ZoneId.of("Asia/Tehran")).toInstant()));
        assertThat(drive.task(drive.station(early), "verifySite").getDueDate()).as("given when the region came")
                .isEqualTo(milestones.due(election, "stations-verified"));
        assertThat(drive.task(drive.station(s2), "verifySite").getDueDate()).isNull();
        drive.approveSite(early, c);
        drive.approveSite(s1, c);
        assertThat(drive.task(drive.county(c), "finalizeStationDatabase").getDueDate())
                .isEqualTo(milestones.due(election, "database-finalized"));
    }

    @Test
    void aStationAddedAfterFinalizationJoinsOnlyWithTheGovernorsApproval() {
        String c = counties.county();
        drive.startRegion(c);
        drive.finalizeCounty(c); // a county without stations yet is verified at once
        String late = counties.station(c, 1, links.url("/ok"));
        String refused = counties.station(c, 2, links.url("/ok"));
        drive.startStation(late);
        drive.startStation(refused);

        drive.approveSite(late, c);
        drive.approveSite(refused, c);

        Task approval = drive.task(drive.station(late), "approveLateStation");
        assertThat(approval).hasCandidateGroup("governor-" + c);
        assertThat((String) tasks.getVariable(approval.getId(), "lateStationSummary")).contains("نهایی‌سازی");
        assertThat(registry.status(late)).isEqualTo("VERIFIED");
        drive.complete(approval, "governor", c, Map.of("lateStationDecision", "approve", "lateStationReason", "شعبه جدید لازم است"));
        drive.complete(drive.task(drive.station(refused), "approveLateStation"), "governor", c,
                Map.of("lateStationDecision", "reject", "lateStationReason", "با شعبه ۱ ادغام شد"));

        assertThat(drive.station(late)).isWaitingAt("checkConnectivity");
        assertThat(registry.status(late)).isEqualTo("FINALIZED");
        assertThat(registry.status(refused)).isEqualTo("REJECTED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(refused).count()).isZero();
    }

    @Test
    void aMissedVerificationMilestoneMarksTheLateStationsAtRiskAndEscalatesToTheGovernor() {
        String c = counties.county();
        String verified = counties.station(c, 1, links.url("/ok"));
        String late = counties.station(c, 2, links.url("/ok"));
        drive.startStation(verified);
        drive.startStation(late);
        drive.startRegion(c);
        drive.approveSite(verified, c);
        ProcessInstance county = drive.county(c);

        drive.runJob(county, "stationsVerifiedMilestone");

        ProcessInstance escalation = escalationOf(county);
        assertThat(escalation.getTenantId()).isEqualTo(c);
        Task review = drive.task(escalation, "reviewMissedMilestone");
        assertThat(review).hasCandidateGroup("governor-" + c);
        Map<String, Object> vars = runtime.getVariables(escalation.getId());
        assertThat(vars).containsEntry("milestone", "STATIONS_VERIFIED").containsEntry("lateCount", 1);
        assertThat((String) vars.get("lateList")).contains(late).doesNotContain(verified);
        assertThat(registry.station(late).get("at_risk_milestone")).isEqualTo("STATIONS_VERIFIED");
        assertThat(registry.station(verified).get("at_risk_milestone")).isNull();
        assertThat(registry.eventTypes(late)).contains("AT_RISK");
        assertThat(county).isWaitingAt("awaitStationsVerified");

        drive.complete(review, "governor", c, Map.of("actionPlan", "بخشدار تا پنج روز دیگر بازدید می‌کند"));

        assertThat(escalation).isEnded().hasPassed("recordEscalationResponse");
        assertThat(countyEvents(c)).contains("MILESTONE_MISSED", "ESCALATION_ANSWERED");
    }

    @Test
    void aLateFinalizationEscalatesToTheProvincialDirectorate() {
        String c = counties.county();
        drive.startRegion(c);
        ProcessInstance county = drive.county(c);
        assertThat(county).isWaitingAt("finalizeStationDatabase");

        drive.runJob(county, "databaseFinalizedMilestone");

        ProcessInstance escalation = escalationOf(county);
        Task review = drive.task(escalation, "reviewMissedMilestone");
        assertThat(review).hasCandidateGroup("province-elections-khuzestan");
        assertThat((String) runtime.getVariable(escalation.getId(), "lateList")).contains("نهایی نشده");
        assertThatThrownBy(() -> drive.completeAsProvince(review, c, Map.of()))
                .isInstanceOf(FormFieldValidationException.class);
        drive.completeAsProvince(review, c, Map.of("actionPlan", "جلسه با فرماندار"));
        assertThat(escalation).isEnded();
        assertThat(county).isWaitingAt("finalizeStationDatabase");
    }

    @Test
    void aMilestoneWithNothingLateEndsWithoutATask() {
        String c = counties.county();
        String s = counties.station(c, 1, links.url("/ok"));
        drive.startStation(s);
        drive.startRegion(c);
        drive.approveSite(s, c);
        drive.finalizeCounty(c);
        ProcessInstance county = drive.county(c);

        drive.runJob(county, "backupLinkMilestone"); // the station has no backup link

        ProcessInstance escalation = runtime.createProcessInstanceQuery().superProcessInstanceId(county.getId()).singleResult();
        assertThat(escalation).isNull();
        assertThat(management.createJobQuery().processInstanceId(county.getId()).activityId("backupLinkMilestone").count()).isZero();
        assertThat(county).isWaitingAt("awaitStationsReady");
    }

    @Test
    void eachMilestoneOnTheWayToReadinessEscalatesTheStationsStillLate() {
        String c = counties.county();
        String ready = counties.station(c, 1, links.url("/ok"));
        String cut = counties.station(c, 2, links.url("/down"));
        registry.link(cut, "BACKUP", cut + "-B", links.url("/down"));
        drive.startStation(ready);
        drive.startStation(cut);
        drive.startRegion(c);
        drive.approveSite(ready, c);
        drive.approveSite(cut, c);
        drive.finalizeCounty(c);
        drive.connectAndTrain(ready, c);
        drive.runJob(drive.station(cut), "checkConnectivity");
        ProcessInstance county = drive.county(c);

        Map<String, String> escalatedTo = new java.util.LinkedHashMap<>();
        escalatedTo.put("primaryLinkMilestone", "governor-" + c);
        escalatedTo.put("backupLinkMilestone", "governor-" + c);
        escalatedTo.put("drillMilestone", "governor-" + c);
        escalatedTo.put("stationsReadinessMilestone", "province-elections-khuzestan");
        escalatedTo.forEach((timer, group) -> {
            List<String> before = escalationIds(county);
            drive.runJob(county, timer);
            ProcessInstance escalation = runtime.createProcessInstanceQuery().superProcessInstanceId(county.getId()).list()
                    .stream().filter(pi -> !before.contains(pi.getId())).findFirst().orElseThrow();
            assertThat(drive.task(escalation, "reviewMissedMilestone")).as(timer).hasCandidateGroup(group);
            assertThat((String) runtime.getVariable(escalation.getId(), "lateList")).as(timer).contains(cut)
                    .doesNotContain(ready);
        });
        assertThat(registry.station(cut).get("at_risk_milestone")).isEqualTo("READINESS_DECLARED");
        assertThat(registry.station(ready).get("at_risk_milestone")).isNull();
        assertThat(county).isWaitingAt("awaitStationsReady");
    }

    @Test
    void aGovernorWhoHasNotDeclaredByTheDeadlineIsEscalatedToTheProvince() {
        String c = counties.county();
        ProcessInstance region = drive.startRegion(c);
        drive.finalizeCounty(c);
        drive.scheduleRegionalSession(region, ReadinessDriver.today());
        ProcessInstance county = drive.county(c);
        drive.runJob(county, "sessionDay");
        drive.recordOfficials(c, null);
        assertThat(county).isWaitingAt("declareCountyReady");

        drive.runJob(county, "readinessDeclaredMilestone");

        ProcessInstance escalation = escalationOf(county);
        assertThat(drive.task(escalation, "reviewMissedMilestone")).hasCandidateGroup("province-elections-khuzestan");
        assertThat((String) runtime.getVariable(escalation.getId(), "lateList")).contains("اعلام نشده");
        drive.declare(c);
        assertThat(county).isEnded();
        assertThat(escalation).as("the county's end closes its open escalations").isEnded();
    }

    @Test
    void anOfficialWhoFailsTheExerciseIsTrainedAgainAtAMakeUpSession() {
        String c = counties.county();
        ProcessInstance region = drive.startRegion(c);
        ProcessInstance county = drive.county(c);
        drive.scheduleRegionalSession(region, ReadinessDriver.today());

        assertThat(county).isWaitingAt("sessionDay");
        drive.runJob(county, "sessionDay");
        List<Task> records = drive.tasks(county, "recordOfficialTraining");
        assertThat(records).hasSize(3).allSatisfy(t -> assertThat(t).hasCandidateGroup("trainer-" + c));
        assertThat(records).extracting(Task::getName).anySatisfy(n -> assertThat(n).contains("gov-" + c));
        Task one = records.get(0);
        assertThatThrownBy(() -> drive.complete(one, "trainer", c, Map.of("attended", false, "exercisePassed", true)))
                .isInstanceOf(FormFieldValidationException.class);

        drive.recordOfficials(c, "dep-" + c);

        Task makeUp = drive.task(county, "scheduleMakeupSession");
        assertThat((String) runtime.getVariable(county.getId(), "untrainedSummary")).contains("dep-" + c);
        drive.complete(makeUp, "trainer", c, Map.of("makeupDate", ReadinessDriver.today().plusDays(3).toString(),
                "makeupVenue", "فرمانداری"));
        drive.runJob(county, "sessionDay");
        assertThat(drive.tasks(county, "recordOfficialTraining")).singleElement()
                .satisfies(t -> assertThat(tasks.getVariable(t.getId(), "official")).isEqualTo("dep-" + c));
        drive.recordOfficials(c, null);

        assertThat(county).isWaitingAt("finalizeStationDatabase", "requestAssistance");
        assertThat(jdbc.queryForList("SELECT s.kind FROM attendance a JOIN training_session s ON s.id = a.session_id"
                + " WHERE a.official = ? AND a.drill_passed = TRUE", String.class, "dep-" + c)).containsExactly("MAKEUP");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attendance WHERE county_code = ?", Integer.class, c)).isEqualTo(4);
    }

    @Test
    void untrainedOfficialsAtTheTrainingMilestoneAreEscalatedToTheProvince() {
        String c = counties.county();
        drive.startRegion(c);
        ProcessInstance county = drive.county(c);

        drive.runJob(county, "officialsTrainedMilestone");

        ProcessInstance escalation = escalationOf(county);
        assertThat(drive.task(escalation, "reviewMissedMilestone")).hasCandidateGroup("province-elections-khuzestan");
        assertThat(runtime.getVariables(escalation.getId())).containsEntry("lateCount", 3);
        assertThat((String) runtime.getVariable(escalation.getId(), "lateList")).contains("gov-" + c, "dep-" + c, "head-" + c);
    }

    @Test
    void aCountyShortOfItStaffAsksItsNeighbourWhichAcceptsAndTheAnswerComesBack() {
        String asking = counties.county();
        String neighbour = counties.county();
        drive.startRegion(asking, neighbour);
        ProcessInstance askingCounty = drive.county(asking);
        ProcessInstance neighbourCounty = drive.county(neighbour);

        drive.complete(drive.task(askingCounty, "requestAssistance"), "governor", asking, Map.of("neighbourCounty", neighbour,
                "assistanceKind", "IT", "assistanceDetails", "دو کارشناس برای آزمون ارتباط ۱۵ شعبه"));

        Task answer = drive.task(neighbourCounty, "answerAssistanceRequest");
        assertThat(answer).hasCandidateGroup("it-" + neighbour);
        assertThat((String) tasks.getVariable(answer.getId(), "assistanceDetails")).contains("دو کارشناس");
        assertThat(drive.tasks(askingCounty, "requestAssistance")).as("another request can follow").hasSize(1);
        assertThatThrownBy(() -> drive.complete(answer, "it", neighbour, Map.of("assistanceAnswer", "accept")))
                .as("accepting names who and when").isInstanceOf(FormFieldValidationException.class);

        drive.complete(answer, "it", neighbour, Map.of("assistanceAnswer", "accept", "helperName", "علی رضایی، کارشناس شبکه",
                "helpDate", ReadinessDriver.today().plusDays(2).toString()));

        Task seen = drive.task(askingCounty, "acknowledgeAssistanceAnswer");
        assertThat(seen).hasCandidateGroup("governor-" + asking);
        assertThat((String) tasks.getVariable(seen.getId(), "assistanceAnswerSummary")).contains("علی رضایی");
        drive.complete(seen, "governor", asking, Map.of());
        Map<String, Object> request = jdbc.queryForMap("SELECT * FROM assistance_request WHERE requesting_county = ?", asking);
        assertThat(request).containsEntry("STATUS", "ACCEPTED").containsEntry("ANSWERED_BY", "it-" + neighbour + "-user")
                .containsEntry("ACKNOWLEDGED_BY", "gov-" + asking);
    }

    @Test
    void aNeighbourWithoutTrainersToSpareDeclinesWithAReason() {
        String asking = counties.county();
        String neighbour = counties.county();
        String outsider = counties.county();
        drive.startRegion(asking, neighbour);
        drive.startRegion(outsider);
        ProcessInstance askingCounty = drive.county(asking);

        assertThatThrownBy(() -> drive.complete(drive.task(askingCounty, "requestAssistance"), "governor", asking,
                Map.of("neighbourCounty", outsider, "assistanceKind", "TRAINING", "assistanceDetails", "مربی")))
                .as("only a county of the same region").isInstanceOf(FormFieldValidationException.class);
        drive.complete(drive.task(askingCounty, "requestAssistance"), "governor", asking, Map.of("neighbourCounty", neighbour,
                "assistanceKind", "TRAINING", "assistanceDetails", "یک مربی برای مانور"));
        Task answer = drive.task(drive.county(neighbour), "answerAssistanceRequest");
        assertThat(answer).hasCandidateGroup("trainer-" + neighbour);

        drive.complete(answer, "trainer", neighbour, Map.of("assistanceAnswer", "decline",
                "declineReason", "مربیان ما در همین هفته در شعب خودمان هستند"));

        Task seen = drive.task(askingCounty, "acknowledgeAssistanceAnswer");
        assertThat((String) tasks.getVariable(seen.getId(), "assistanceAnswerSummary")).contains("پذیرفته نشد");
        assertThat(jdbc.queryForObject("SELECT status FROM assistance_request WHERE requesting_county = ?", String.class,
                asking)).isEqualTo("DECLINED");
    }

    @Test
    void nearTheEndTheGovernorAuthorisesAFallbackForAStationWithoutAWorkingLink() {
        String c = counties.county();
        String healthy = counties.station(c, 1, links.url("/ok"));
        String cut = counties.station(c, 2, links.url("/down"));
        drive.startStation(healthy);
        drive.startStation(cut);
        drive.startRegion(c);
        drive.approveSite(healthy, c);
        drive.approveSite(cut, c);
        drive.finalizeCounty(c);
        drive.connectAndTrain(healthy, c);
        drive.runJob(drive.station(cut), "checkConnectivity");
        assertThat(drive.station(cut)).isWaitingAt("fixConnectivity");
        ProcessInstance county = drive.county(c);

        drive.runJob(county, "fallbackWindow");

        Task decision = drive.task(county, "decideFallback");
        assertThat(decision).hasCandidateGroup("governor-" + c);
        assertThat(tasks.getVariable(decision.getId(), "stationCode")).isEqualTo(cut);
        assertThat((String) tasks.getVariable(decision.getId(), "linkSummary")).contains("DOWN");
        assertThatThrownBy(() -> drive.complete(decision, "governor", c, Map.of("fallbackDecision", "BACKUP_ONLY",
                "fallbackReason", "x"))).as("the station has no backup link").isInstanceOf(FormFieldValidationException.class);

        drive.complete(decision, "governor", c, Map.of("fallbackDecision", "PAPER",
                "fallbackReason", "فیبر روستا تا روز اخذ رأی ترمیم نمی‌شود"));

        assertThat(registry.station(cut)).containsEntry("FALLBACK_MODE", "PAPER").containsEntry("FALLBACK_BY", "gov-" + c);
        assertThat(registry.eventTypes(cut)).contains("FALLBACK_AUTHORISED");
        assertThat(county).as("every station is READY or on a fallback").isWaitingAt("awaitRegionalSession", "requestAssistance");
        assertThat(drive.station(cut)).as("IT may still repair the link").isWaitingAt("fixConnectivity");
    }

    @Test
    void aSubmissionCannotMoveTheCountyProcessToAnotherCountyOrAnotherElectionDate() {
        String c = counties.county();
        String other = counties.county();
        String otherStation = counties.station(other, 1, links.url("/down"));
        String own = counties.station(c, 1, links.url("/ok"));
        drive.startStation(otherStation);
        drive.startStation(own);
        drive.startRegion(c, other);
        drive.approveSite(own, c);
        drive.approveSite(otherStation, other);
        drive.finalizeCounty(other);
        drive.runJob(drive.station(otherStation), "checkConnectivity");
        ProcessInstance county = drive.county(c);
        Object electionDate = runtime.getVariable(county.getId(), "electionDate");

        drive.complete(drive.task(county, "requestAssistance"), "governor", c, Map.of("neighbourCounty", other,
                "assistanceKind", "IT", "assistanceDetails", "کمک", "countyCode", other, "electionDate", "2099-01-01"));
        drive.finalizeCounty(c);

        assertThat(runtime.getVariables(county.getId())).containsEntry("countyCode", c).containsEntry("electionDate",
                electionDate);
        drive.runJob(county, "fallbackWindow");
        assertThat(drive.tasks(county, "decideFallback")).as("fallback cases of its own county only")
                .extracting(t -> tasks.getVariable(t.getId(), "stationCode")).containsExactly(own);
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(county.getId()).count()).isZero();
    }

    @Test
    void aFallbackDecidedAfterTheLinkWasFixedChangesNothing() {
        String c = counties.county();
        String s = counties.station(c, 1, links.url("/down"));
        drive.startStation(s);
        drive.startRegion(c);
        drive.approveSite(s, c);
        drive.finalizeCounty(c);
        drive.runJob(drive.station(s), "checkConnectivity");
        ProcessInstance county = drive.county(c);
        drive.runJob(county, "fallbackWindow");
        Task decision = drive.task(county, "decideFallback");
        // Meanwhile IT switches the station to a new, working link and the check passes.
        drive.complete(drive.task(drive.station(s), "fixConnectivity"), "it", c, Map.of("fixCause", "fiber",
                "fixAction", "newLink", "newEndpoint", links.url("/ok"), "ticketNumber", "T-1"));
        drive.runJob(drive.station(s), "checkConnectivity");
        assertThat(registry.status(s)).isEqualTo("CONNECTED");

        drive.complete(decision, "governor", c, Map.of("fallbackDecision", "PAPER", "fallbackReason", "قطع فیبر"));

        assertThat(registry.station(s).get("fallback_mode")).isNull();
        assertThat(registry.eventTypes(s)).contains("FALLBACK_NOT_NEEDED").doesNotContain("FALLBACK_AUTHORISED");
        assertThat(county).isWaitingAt("awaitStationsReady");
    }

    private List<String> escalationIds(ProcessInstance county) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(county.getId()).list().stream()
                .map(ProcessInstance::getId).toList();
    }

    private ProcessInstance escalationOf(ProcessInstance county) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("milestone-escalation")
                .superProcessInstanceId(county.getId()).singleResult();
    }

    private List<String> countyEvents(String county) {
        return jdbc.queryForList("SELECT event_type FROM county_event WHERE county_code = ? ORDER BY id", String.class, county);
    }
}
