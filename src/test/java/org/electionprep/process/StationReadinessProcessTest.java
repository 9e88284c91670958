package org.electionprep.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.electionprep.support.LoopbackLinkServer;
import org.electionprep.support.ProcessTest;
import org.electionprep.support.TestRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Drives every path of station-readiness with the real delegates, real probes on loopback and the registry. */
@ProcessTest
class StationReadinessProcessTest {

    private static LoopbackLinkServer links;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    private TestRegistry registry;
    private String code;

    @BeforeAll
    static void startLinks() {
        links = LoopbackLinkServer.start();
    }

    @AfterAll
    static void stopLinks() {
        links.close();
    }

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        registry = new TestRegistry(jdbc);
        code = "AHV-T" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void clearAuthentication() {
        identity.clearAuthentication();
    }

    @Test
    void aValidStationThatPassesEveryStepEndsReadyWithItsAuditTrail() {
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url("/ok"));

        ProcessInstance pi = start(code);

        assertThat(pi).isWaitingAt("verifySite");
        assertThat(pi.getTenantId()).isEqualTo("ahvaz");
        assertThat(pi).variables().containsEntry("countyCode", "ahvaz").containsEntry("countyName", "اهواز");
        assertThat(task()).hasCandidateGroup("district-head-ahvaz-central");
        asDistrictHead(() -> tasks.complete(task().getId(), approve()));
        assertThat(registry.status(code)).isEqualTo("VERIFIED");
        assertThat(pi).isWaitingAt("awaitCountyFinalization");
        countyReleases(pi);

        assertThat(pi).isWaitingAt("checkConnectivity");
        execute(job());

        assertThat(pi).isWaitingAt("signOffTraining");
        assertThat(task()).hasCandidateGroup("trainer-ahvaz");
        assertThat(registry.status(code)).isEqualTo("CONNECTED");
        assertThat(registry.linkTests(code)).singleElement().satisfies(test -> {
            assertThat(test.get("result")).isEqualTo("OK");
            assertThat(((Number) test.get("successes")).intValue()).isEqualTo(3);
            assertThat(test.get("latency_ms")).isNotNull();
        });

        asTrainer(() -> tasks.complete(task().getId(), signOff("passed")));

        assertThat(pi).isEnded().hasPassed("markStationReady", "stationReady");
        assertThat(registry.status(code)).isEqualTo("READY");
        assertThat(registry.station(code).get("ready_at")).isNotNull();
        assertThat(registry.events(code))
                .filteredOn(e -> "STATUS_CHANGED".equals(e.get("event_type")))
                .extracting(e -> e.get("to_status"), e -> e.get("actor"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("VERIFIED", "head-ahvaz"),
                        org.assertj.core.groups.Tuple.tuple("CONNECTED", "system"),
                        org.assertj.core.groups.Tuple.tuple("TRAINED", "trainer-ahvaz-user"),
                        org.assertj.core.groups.Tuple.tuple("READY", "trainer-ahvaz-user"));
        assertThat(registry.events(code))
                .filteredOn(e -> "TASK_COMPLETED".equals(e.get("event_type")))
                .extracting(e -> e.get("activity_id"))
                .containsExactly("verifySite", "signOffTraining");
        assertThat(registry.events(code)).filteredOn(e -> "TASK_COMPLETED".equals(e.get("event_type")))
                .allSatisfy(e -> assertThat(e.get("task_id")).isNotNull());
    }

    @Test
    void anInvalidRecordGoesToTheDistrictHeadAndIsValidatedAgainAfterCorrection() {
        registry.station(code, "ahvaz", "ahvaz-central", 900, 700, links.url("/ok"));

        ProcessInstance pi = start(code);

        assertThat(pi).isWaitingAt("correctRecord");
        assertThat(task()).hasCandidateGroup("district-head-ahvaz-central");
        assertThat((String) runtime.getVariable(pi.getId(), "validationProblems")).contains("ظرفیت");

        Map<String, Object> correction = new HashMap<>(runtime.getVariables(pi.getId()));
        correction.put("capacity", 1000);
        correction.put("recordName", "شعبه اصلاح‌شده");
        asDistrictHead(() -> tasks.complete(task().getId(), correction));

        assertThat(pi).isWaitingAt("verifySite").hasPassed("applyRecordCorrection");
        assertThat(((Number) registry.station(code).get("capacity")).intValue()).isEqualTo(1000);
        assertThat(registry.station(code).get("name")).isEqualTo("شعبه اصلاح‌شده");
        assertThat(registry.events(code)).filteredOn(e -> "RECORD_CORRECTED".equals(e.get("event_type")))
                .singleElement().satisfies(e -> assertThat(e.get("actor")).isEqualTo("head-ahvaz"));
        assertThat(registry.eventTypes(code)).containsSubsequence("RECORD_INVALID", "TASK_COMPLETED", "RECORD_CORRECTED",
                "RECORD_VALID");
    }

    @Test
    void aRelocatedStationGetsItsNewAddressAndIsValidatedAndVerifiedAgain() {
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url("/ok"));
        ProcessInstance pi = start(code);

        Map<String, Object> relocate = new HashMap<>(approve());
        relocate.put("siteOutcome", "relocate");
        relocate.put("newAddress", "اهواز، كوی ملت، پلاک ۱۲");
        asDistrictHead(() -> tasks.complete(task().getId(), relocate));

        assertThat(pi).isWaitingAt("verifySite");
        assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("siteOutcome", "accessible", "newAddress");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(registry.status(code)).isEqualTo("RELOCATION_PENDING");
        // Arabic kaf normalised to Persian, Persian digits to ASCII.
        assertThat(registry.station(code).get("address")).isEqualTo("اهواز، کوی ملت، پلاک 12");
        assertThat(registry.eventTypes(code)).containsSubsequence("RECORD_VALID", "STATUS_CHANGED", "RECORD_VALID");

        String secondVisit = task().getId();
        asDistrictHead(() -> assertThatThrownBy(() -> tasks.complete(secondVisit, Map.of("siteOutcome", "approve")))
                .as("the first visit's checks do not count for the new site").isInstanceOf(FormFieldValidationException.class));
        asDistrictHead(() -> tasks.complete(secondVisit, approve()));
        assertThat(registry.status(code)).isEqualTo("VERIFIED");
        assertThat(pi).isWaitingAt("awaitCountyFinalization");
    }

    @Test
    void aRejectedStationEndsTheProcessAsRejected() {
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url("/ok"));
        ProcessInstance pi = start(code);

        Map<String, Object> reject = new HashMap<>(approve());
        reject.put("siteOutcome", "reject");
        reject.put("siteNotes", "ساختمان در دست تخریب است");
        asDistrictHead(() -> tasks.complete(task().getId(), reject));

        assertThat(pi).isEnded().hasPassed("stationRejected");
        assertThat(registry.status(code)).isEqualTo("REJECTED");
    }

    @Test
    void anApprovalWithAFailedSiteCheckIsRefusedAndChangesNothing() {
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url("/ok"));
        ProcessInstance pi = start(code);
        Map<String, Object> incomplete = new HashMap<>(approve());
        incomplete.put("powerAvailable", false);
        String taskId = task().getId();

        asDistrictHead(() -> assertThatThrownBy(() -> tasks.complete(taskId, incomplete))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("برق"));

        assertThat(pi).isWaitingAt("verifySite");
        assertThat(registry.status(code)).isEqualTo("PROPOSED");
        assertThat(registry.eventTypes(code)).doesNotContain("TASK_COMPLETED");
    }

    @Test
    void aStartPastTheEarlierStepsCannotMakeAProposedStationTrainedOrReadyNotEvenAnAdministrators() {
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url("/ok"));
        Map<String, Object> signOff = Map.of("stationCode", code, "operatorNames", "x", "trainingCompleted", true,
                "drillResult", "passed");

        // The Java API, which no official reaches (OfficialCommands refuses such starts over REST): the registry's
        // step order still holds.
        assertThatThrownBy(() -> runtime.createProcessInstanceByKey("station-readiness").businessKey(code)
                .setVariables(signOff).startBeforeActivity("recordTrainingSignOff").execute(true, true))
                .hasStackTraceContaining("becomes TRAINED only from [CONNECTED]");
        assertThatThrownBy(() -> runtime.createProcessInstanceByKey("station-readiness").businessKey(code)
                .setVariables(signOff).startBeforeActivity("markStationReady").execute())
                .hasStackTraceContaining("only a TRAINED station can be marked READY");

        assertThat(registry.status(code)).isEqualTo("PROPOSED");
        assertThat(registry.eventTypes(code)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
    }

    @Test
    void aDownLinkGoesToCountyItAndIsCheckedAgainAfterTheSwitchToTheBackup() {
        ProcessInstance pi = approvedAndChecked("/down");
        registry.link(code, "BACKUP", code + "-B", links.url("/ok"));

        assertThat(pi).isWaitingAt("fixConnectivity").variables().containsEntry("connectivity", "DOWN");
        assertThat(task()).hasCandidateGroup("it-ahvaz");
        assertThat(registry.status(code)).isEqualTo("FINALIZED");
        assertThat(registry.linkTests(code)).singleElement().satisfies(t -> {
            assertThat(t.get("result")).isEqualTo("DOWN");
            assertThat(((Number) t.get("loss_percent")).doubleValue()).isEqualTo(100.0);
            assertThat((String) t.get("detail")).contains("503");
        });

        asCountyIt(() -> tasks.complete(task().getId(), Map.of("fixCause", "fiberCut", "fixAction", "switchToBackup",
                "ticketNumber", "TCI-1405-77", "fixNotes", "فیبر قطع است؛ تا ترمیم روی ۴G")));
        assertThat(pi).isWaitingAt("checkConnectivity");
        execute(job());

        assertThat(pi).isWaitingAt("signOffTraining");
        assertThat(registry.linkTests(code)).extracting(t -> t.get("result"), t -> t.get("endpoint"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DOWN", links.url("/down")),
                        org.assertj.core.groups.Tuple.tuple("OK", links.url("/ok")));
        assertThat(registry.status(code)).isEqualTo("CONNECTED");
        assertThat(registry.events(code)).filteredOn(e -> "LINK_FIX_RECORDED".equals(e.get("event_type")))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("actor")).isEqualTo("it-ahvaz-user");
                    assertThat((String) e.get("details")).contains("TCI-1405-77", "SWITCH_TO_BACKUP");
                });
    }

    @Test
    void aCheckThatThrowsIsRetriedOnItsCycleThenBecomesAnIncidentAndWritesNothingUntilItSucceeds() {
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url("/ok"));
        ProcessInstance pi = start(code);
        asDistrictHead(() -> tasks.complete(task().getId(), approve()));
        countyReleases(pi);
        // The link's address is broken behind the registry's back, so the check itself throws.
        jdbc.update("UPDATE network_link SET endpoint = 'not a url' WHERE station_code = ?", code);
        String check = job().getId();

        Instant failedAt = Instant.now();
        assertThatThrownBy(() -> management.executeJob(check)).hasMessageContaining("no probeable endpoint");

        Job retry = management.createJobQuery().jobId(check).singleResult();
        assertThat(retry.getRetries()).as("tries left of the cycle R3/PT2M").isEqualTo(2);
        assertThat(retry.getExceptionMessage()).contains("no probeable endpoint");
        assertThat(retry.getDuedate().toInstant()).as("the next try, two minutes on")
                .isBetween(failedAt.plusSeconds(110), Instant.now().plusSeconds(130));
        assertThat(registry.linkTests(code)).isEmpty();
        assertThat(registry.eventTypes(code)).doesNotContain("LINK_TESTED");
        assertThatThrownBy(() -> management.executeJob(check)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> management.executeJob(check)).isInstanceOf(IllegalStateException.class);

        assertThat(management.createJobQuery().jobId(check).singleResult().getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult()).satisfies(incident -> {
            assertThat(incident.getActivityId()).isEqualTo("checkConnectivity");
            assertThat(incident.getIncidentMessage()).contains("no probeable endpoint");
        });
        assertThat(pi).isWaitingAt("checkConnectivity");
        assertThat(registry.linkTests(code)).isEmpty();

        // The operator repairs the address and gives the job one more try, as in Cockpit.
        jdbc.update("UPDATE network_link SET endpoint = ? WHERE station_code = ?", links.url("/ok"), code);
        management.setJobRetries(check, 1);
        management.executeJob(check);

        assertThat(pi).isWaitingAt("signOffTraining");
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(registry.linkTests(code)).singleElement().satisfies(t -> assertThat(t.get("result")).isEqualTo("OK"));
        assertThat(registry.eventTypes(code)).filteredOn("LINK_TESTED"::equals).hasSize(1);
        assertThat(registry.status(code)).isEqualTo("CONNECTED");
    }

    @Test
    void aSlowLinkIsDegradedAndANewLinkFixesIt() {
        ProcessInstance pi = approvedAndChecked("/slow");

        assertThat(pi).isWaitingAt("fixConnectivity").variables().containsEntry("connectivity", "DEGRADED");

        asCountyIt(() -> tasks.complete(task().getId(), Map.of("fixCause", "provider", "fixAction", "newLink",
                "ticketNumber", "T-2", "newEndpoint", links.url("/ok"))));
        execute(job());

        assertThat(pi).isWaitingAt("signOffTraining");
        assertThat(jdbc.queryForList("SELECT circuit_id FROM network_link WHERE station_code = ? AND active = TRUE",
                String.class, code)).containsExactly(code + "-P-R2");
    }

    @Test
    void aNewLinkOutsideTheStationsNetworksIsRefusedWithoutBeingProbedAndTheTaskStays() {
        ProcessInstance pi = approvedAndChecked("/slow");
        String taskId = task().getId();
        int requests = links.requests();
        // IPv6 loopback: outside 127.0.0.0/8, the networks the tests allow, and still on this machine.
        Map<String, Object> fix = Map.of("fixCause", "provider", "fixAction", "newLink", "ticketNumber", "T-3",
                "newEndpoint", "http://[::1]:" + links.port() + "/ok");

        asCountyIt(() -> assertThatThrownBy(() -> tasks.complete(taskId, fix))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("شبکه‌های مجاز"));

        assertThat(pi).isWaitingAt("fixConnectivity");
        assertThat(jdbc.queryForList("SELECT circuit_id FROM network_link WHERE station_code = ? AND active = TRUE",
                String.class, code)).containsExactly(code + "-P");
        assertThat(links.requests()).isEqualTo(requests);
    }

    @Test
    void aFixOpenTooLongEscalatesToProvinceItWhileCountyItKeepsTheTask() {
        ProcessInstance pi = approvedAndChecked("/down");
        assertThat(pi).isWaitingAt("fixConnectivity");

        execute(job("fixOverdue"));

        assertThat(pi).isWaitingAt("fixConnectivity", "reviewOverdueFix");
        Task review = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("reviewOverdueFix").singleResult();
        assertThat(review).hasCandidateGroup("province-it-khuzestan");
        assertThat(review.getTenantId()).isEqualTo("ahvaz");
        assertThat(registry.eventTypes(code)).contains("FIX_ESCALATED");

        identity.setAuthentication("province-it-user", List.of("province-it-khuzestan"), List.of("ahvaz"));
        tasks.complete(review.getId(), Map.of("escalationAction", "teamSent", "escalationNote", "تیم فنی اعزام شد"));
        identity.clearAuthentication();
        assertThat(pi).isWaitingAt("fixConnectivity");
        assertThat(registry.events(code)).filteredOn(e -> "ESCALATION_REVIEWED".equals(e.get("event_type")))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("actor")).isEqualTo("province-it-user");
                    assertThat((String) e.get("details")).contains("teamSent", "تیم فنی اعزام شد");
                });
    }

    @Test
    void finishingTheFixClosesAnOpenProvincialFollowUp() {
        ProcessInstance pi = approvedAndChecked("/down");
        registry.link(code, "BACKUP", code + "-B", links.url("/ok"));
        execute(job("fixOverdue"));
        assertThat(pi).isWaitingAt("fixConnectivity", "reviewOverdueFix");

        asCountyIt(() -> tasks.complete(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("fixConnectivity")
                .singleResult().getId(), Map.of("fixCause", "fiberCut", "fixAction", "switchToBackup", "ticketNumber", "T-9")));

        assertThat(pi).isWaitingAt("checkConnectivity");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        execute(job());
        assertThat(pi).isWaitingAt("signOffTraining");
    }

    @Test
    void aFailedDrillSendsTheOperatorsBackToTrainingUntilTheyPass() {
        ProcessInstance pi = approvedAndChecked("/ok");

        asTrainer(() -> tasks.complete(task().getId(), signOff("failed")));

        assertThat(pi).isWaitingAt("signOffTraining");
        assertThat(registry.status(code)).isEqualTo("CONNECTED");
        assertThat(registry.eventTypes(code)).contains("DRILL_FAILED");

        asTrainer(() -> tasks.complete(task().getId(), signOff("passed")));
        assertThat(pi).isEnded();
        assertThat(registry.status(code)).isEqualTo("READY");
    }

    @Test
    void aStartForAStationThatIsNotInTheRegistryIsRefused() {
        assertThatThrownBy(() -> start("NOPE-404"))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("NOPE-404");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("station-readiness", "X"))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("stationCode");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("NOPE-404").count()).isZero();
    }

    @Test
    void aSubmissionCannotRedirectAStepToAnotherStation() {
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url("/ok"));
        String other = "ABD-T" + UUID.randomUUID().toString().substring(0, 8);
        registry.station(other, "abadan", "abadan-central", 500, 800, links.url("/ok"));
        ProcessInstance pi = start(code);
        Map<String, Object> reject = new HashMap<>(approve());
        reject.put("siteOutcome", "reject");
        reject.put("siteNotes", "آزمایش");
        reject.put("stationCode", other);
        reject.put("countyCode", "abadan");

        asDistrictHead(() -> tasks.complete(task().getId(), reject));

        assertThat(pi).isEnded();
        assertThat(registry.status(code)).isEqualTo("REJECTED");
        assertThat(registry.status(other)).isEqualTo("PROPOSED");
        assertThat(registry.events(other)).isEmpty();
    }

    @Test
    void aRepairReportedByTheProviderEndsTheFixAndChecksTheLinkAgainAtOnce() {
        ProcessInstance pi = approvedAndChecked("/down");
        assertThat(pi).isWaitingAt("fixConnectivity");

        runtime.createMessageCorrelation("linkRepaired").processInstanceBusinessKey(code).correlate();

        assertThat(pi).isWaitingAt("checkConnectivity").hasPassed("linkRepairReported");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).as("the IT task is closed").isZero();
        execute(job());
        assertThat(pi).isWaitingAt("fixConnectivity");
        assertThat(registry.linkTests(code)).hasSize(2);
    }

    @Test
    void theStationOfficialsSeeIsTheRegistrysWhateverASubmissionSays() {
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url("/slow"));
        ProcessInstance pi = start(code);
        Map<String, Object> approval = new HashMap<>(approve());
        approval.put("stationCode", "AHV-FORGED");
        approval.put("stationName", "FORGED");
        approval.put("countyName", "FORGED");

        asDistrictHead(() -> tasks.complete(task().getId(), approval));
        countyReleases(pi);
        execute(job());

        assertThat(pi).isWaitingAt("fixConnectivity");
        assertThat(runtime.getVariables(pi.getId()))
                .containsEntry("stationCode", code)
                .containsEntry("stationName", "شعبه آزمایشی " + code)
                .containsEntry("countyName", "اهواز");
    }

    @Test
    void aTaskCanBeHandedOnlyToSomeoneWhoCouldHaveClaimedIt() {
        user("head2-ahvaz", "district-head-ahvaz-central");
        user("trainer2-ahvaz", "trainer-ahvaz");
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url("/ok"));
        start(code);
        String taskId = task().getId();

        asDistrictHead(() -> assertThatThrownBy(() -> tasks.setAssignee(taskId, "trainer2-ahvaz"))
                .hasRootCauseInstanceOf(AuthorizationException.class));
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();

        asDistrictHead(() -> tasks.setAssignee(taskId, "head2-ahvaz"));
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("head2-ahvaz");
    }

    @Test
    void aSubmittedActorNameIsIgnoredAndTheRealOfficialIsRecorded() {
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url("/ok"));
        ProcessInstance pi = start(code);
        Map<String, Object> approval = new HashMap<>(approve());
        approval.put("completedBy", "governor-ahvaz-user");
        approval.put("completedTaskId", "forged");

        asDistrictHead(() -> tasks.complete(task().getId(), approval));
        countyReleases(pi);
        execute(job());
        asTrainer(() -> tasks.complete(task().getId(), signOff("passed")));

        assertThat(pi).isEnded();
        assertThat(registry.events(code)).filteredOn(e -> "VERIFIED".equals(e.get("to_status"))).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("actor")).isEqualTo("head-ahvaz");
                    assertThat(e.get("task_id")).isNotEqualTo("forged");
                });
    }

    @Test
    void anotherRoleCannotReadOrChangeTheVariablesOfATask() {
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url("/ok"));
        start(code);
        String taskId = task().getId();

        asTrainer(() -> {
            assertThatThrownBy(() -> tasks.getVariables(taskId)).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> tasks.setVariable(taskId, "siteOutcome", "reject"))
                    .isInstanceOf(AuthorizationException.class);
        });
        asDistrictHead(() -> assertThat(tasks.getVariables(taskId)).containsEntry("stationCode", code));
    }

    @Test
    void concurrentStartsOfOneStationMakeOnePipeline() throws Exception {
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url("/ok"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> starts = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            starts.add(pool.submit(() -> {
                go.await();
                try {
                    runtime.startProcessInstanceByKey("station-readiness", code, Map.of("stationCode", code));
                    return true;
                } catch (FormFieldValidationException refused) {
                    return false;
                }
            }));
        }
        go.countDown();
        int started = 0;
        for (java.util.concurrent.Future<Boolean> s : starts) {
            started += s.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(started).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);
    }

    @Test
    void aCorrectionNamingAnUnknownDistrictIsRefused() {
        registry.station(code, "ahvaz", "ahvaz-central", 900, 700, links.url("/ok"));
        ProcessInstance pi = start(code);
        Map<String, Object> correction = new HashMap<>(runtime.getVariables(pi.getId()));
        correction.put("capacity", 1000);
        correction.put("districtCode", "nowhere");
        String taskId = task().getId();

        asDistrictHead(() -> assertThatThrownBy(() -> tasks.complete(taskId, correction))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("nowhere"));
        assertThat(pi).isWaitingAt("correctRecord");
        assertThat(((Number) registry.station(code).get("capacity")).intValue()).isEqualTo(700);
    }

    @Test
    void aSecondStartForAStationWhosePipelineRunsIsRefused() {
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url("/ok"));
        start(code);

        assertThatThrownBy(() -> start(code)).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("already has a running");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);
    }

    @Test
    void anotherRoleOrAnotherCountyCannotClaimOrCompleteATask() {
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url("/ok"));
        start(code);
        String taskId = task().getId();

        asTrainer(() -> {
            assertThatThrownBy(() -> tasks.complete(taskId, approve())).isInstanceOf(AuthorizationException.class)
                    .hasMessageContaining("another role");
            assertThatThrownBy(() -> tasks.claim(taskId, "trainer-ahvaz-user")).isInstanceOf(AuthorizationException.class);
        });
        identity.setAuthentication("head-karun", List.of("district-head-karun-central"), List.of("karun"));
        assertThatThrownBy(() -> tasks.complete(taskId, approve())).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("another county");
        identity.clearAuthentication();

        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
        asDistrictHead(() -> tasks.claim(taskId, "head-ahvaz"));
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("head-ahvaz");
    }

    private void user(String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            identity.saveUser(identity.newUser(id));
            identity.createMembership(id, group);
        }
    }

    /** A valid Ahvaz station whose link answers on the given path, started, its site approved, its link checked. */
    private ProcessInstance approvedAndChecked(String path) {
        registry.station(code, "ahvaz", "ahvaz-central", 500, 800, links.url(path));
        ProcessInstance pi = start(code);
        asDistrictHead(() -> tasks.complete(task().getId(), approve()));
        countyReleases(pi);
        execute(job());
        return pi;
    }

    /**
     * Stands in for the county's finalization, which county-readiness owns (see CountyReadinessProcessTest): the
     * verified station becomes FINALIZED, as the finalization leaves it, and, waiting for its county's database,
     * receives the message the finalization sends.
     */
    private void countyReleases(ProcessInstance pi) {
        registry.finalizeVerified(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getBusinessKey());
        runtime.createMessageCorrelation("countyFinalized").processInstanceId(pi.getId()).correlate();
    }

    private ProcessInstance start(String stationCode) {
        ProcessInstance pi = runtime.startProcessInstanceByKey("station-readiness", stationCode,
                Map.of("stationCode", stationCode));
        // Makes this instance the one that task() and job() look at.
        assertThat(pi).isStarted();
        return pi;
    }

    private static Map<String, Object> approve() {
        return Map.of("siteOutcome", "approve", "accessible", true, "powerAvailable", true, "secure", true,
                "capacityConfirmed", true);
    }

    private static Map<String, Object> signOff(String drillResult) {
        return Map.of("operatorNames", "زهرا کریمی\nعلی موسوی", "trainingCompleted", true, "drillResult", drillResult);
    }

    private void asDistrictHead(Runnable work) {
        as("head-ahvaz", "district-head-ahvaz-central", work);
    }

    private void asTrainer(Runnable work) {
        as("trainer-ahvaz-user", "trainer-ahvaz", work);
    }

    private void asCountyIt(Runnable work) {
        as("it-ahvaz-user", "it-ahvaz", work);
    }

    private void as(String user, String group, Runnable work) {
        identity.setAuthentication(user, List.of(group), List.of("ahvaz"));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
