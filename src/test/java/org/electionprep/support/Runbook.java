package org.electionprep.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.electionprep.support.RestClient.Response;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first-day steps of README's Production section, done as an operator does them, so that the artifact test and the
 * restore drill run exactly what README tells: the database and its owner, the environment the jar is configured by,
 * the divisions, the accounts of a registry system and of officials, a station import, an official's first tasks. The SQL
 * is README's, sent through JDBC instead of psql; the HTTP calls are README's curl calls.
 */
public final class Runbook {

    /** The database, its owning role and the first administrator, as README's examples name them. */
    public static final String DATABASE = "electionprep";
    public static final String OWNER = "electionprep";
    public static final String OWNER_PASSWORD = "owner-password-1405";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "first-root-password-1405";

    private final RestClient rest;

    public Runbook(int port) {
        this.rest = new RestClient(port);
    }

    /** Step 2, as PostgreSQL's superuser: the role that owns the app's database, and the database. */
    public static void createDatabase(JdbcTemplate superuser) {
        superuser.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
        superuser.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
    }

    /** Step 3: everything the jar is configured with, all from the environment. */
    public static Map<String, String> environment(String host, int port) {
        return Map.of("SPRING_PROFILES_ACTIVE", "postgres",
                "DB_URL", jdbcUrl(host, port, DATABASE),
                "DB_USER", OWNER,
                "DB_PASSWORD", OWNER_PASSWORD,
                "ADMIN_USER", ADMIN,
                "ADMIN_PASSWORD", ADMIN_PASSWORD,
                // The stations' networks; the tests' link servers listen on loopback.
                "ELECTION_PREP_CONNECTIVITY_ALLOWED_NETWORKS", "127.0.0.0/8");
    }

    public static String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Step 4's divisions file, as README shows it: a province, a county and a district. */
    public static final String DIVISIONS = """
            level,code,name,parent
            province,khuzestan,خوزستان,
            county,karun,کارون,khuzestan
            district,karun-central,مرکزی,karun
            """;

    /** Step 4: the divisions imported by the first administrator; the answer's counts. */
    public JsonNode importDivisions(String csv) {
        Response imported = rest.post("/api/divisions/import", ADMIN, ADMIN_PASSWORD, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        return imported.json();
    }

    /** Step 5: an account, made by the first administrator over engine REST, in its group. */
    public void account(String id, String password, String group) {
        Response created = rest.post("/engine-rest/user/create", ADMIN, ADMIN_PASSWORD, "{\"profile\":{\"id\":\"" + id
                + "\",\"firstName\":\"" + id + "\",\"lastName\":\"" + group + "\"},\"credentials\":{\"password\":\""
                + password + "\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        Response member = rest.method("PUT", "/engine-rest/group/" + group + "/members/" + id, ADMIN, ADMIN_PASSWORD,
                null);
        assertThat(member.status()).as(member.body()).isEqualTo(204);
    }

    /** Step 6: a station file imported by a registry system's account; the answer's counts. */
    public JsonNode importStations(String user, String password, String csv) {
        Response imported = rest.post("/api/stations/import", user, password, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        return imported.json();
    }

    /** Step 7: an official's open tasks of one kind, as README's curl asks for them. */
    public JsonNode tasks(String user, String password, String taskDefinitionKey) {
        return tasks(user, password, taskDefinitionKey, null);
    }

    /** An official's open tasks of one kind, of one station's pipeline (any station when null). */
    public JsonNode tasks(String user, String password, String taskDefinitionKey, String station) {
        Response tasks = rest.get("/engine-rest/task?taskDefinitionKey=" + taskDefinitionKey + "&maxResults=1000"
                + (station == null ? "" : "&processInstanceBusinessKey=" + station), user, password);
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        return tasks.json();
    }

    public RestClient rest() {
        return rest;
    }
}
