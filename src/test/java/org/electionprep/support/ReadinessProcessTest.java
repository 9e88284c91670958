package org.electionprep.support;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.electionprep.division.CountyProcessDeployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the county and regional process tests share: the engine's services, loopback links for the stations, fresh
 * counties with their officials, the registry, and a driver that plays the officials.
 */
@ProcessTest
public abstract class ReadinessProcessTest {

    protected static LoopbackLinkServer links;

    @Autowired protected ProcessEngine engine;
    @Autowired protected RuntimeService runtime;
    @Autowired protected TaskService tasks;
    @Autowired protected ManagementService management;
    @Autowired protected IdentityService identity;
    @Autowired protected AuthorizationService authorizations;
    @Autowired protected CountyProcessDeployment deployment;
    @Autowired protected JdbcTemplate jdbc;

    protected TestCounties counties;
    protected TestRegistry registry;
    protected ReadinessDriver drive;

    @BeforeAll
    static void startLinks() {
        links = LoopbackLinkServer.start();
    }

    @AfterAll
    static void stopLinks() {
        links.close();
    }

    @BeforeEach
    void setUpReadiness() {
        BpmnAwareTests.init(engine);
        counties = new TestCounties(jdbc, identity, authorizations, deployment);
        registry = new TestRegistry(jdbc);
        drive = new ReadinessDriver(runtime, tasks, management, identity);
    }

    @AfterEach
    void clearAuthentication() {
        identity.clearAuthentication();
    }
}
