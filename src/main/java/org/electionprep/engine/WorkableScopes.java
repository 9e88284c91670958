package org.electionprep.engine;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Which of some variable scopes (task, execution or process instance ids) belong to an open task that a user may work
 * on: one they are assigned to or a candidate for, in person or through a group.
 */
final class WorkableScopes {

    private static final String NO_GROUP = "-no-group-";

    private final NamedParameterJdbcTemplate jdbc;

    WorkableScopes(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    List<String> workable(String user, Collection<String> groups, List<String> scopes) {
        Map<String, Object> params = Map.of("scopes", scopes, "user", user,
                "groups", groups == null || groups.isEmpty() ? List.of(NO_GROUP) : groups);
        Set<String> found = new HashSet<>();
        jdbc.query("SELECT T.ID_, T.EXECUTION_ID_, T.PROC_INST_ID_ FROM ACT_RU_TASK T"
                + " WHERE (T.ID_ IN (:scopes) OR T.EXECUTION_ID_ IN (:scopes) OR T.PROC_INST_ID_ IN (:scopes))"
                + " AND (T.ASSIGNEE_ = :user OR EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = T.ID_"
                + " AND I.TYPE_ = 'candidate' AND (I.USER_ID_ = :user OR I.GROUP_ID_ IN (:groups))))", params, row -> {
                    found.add(row.getString(1));
                    found.add(row.getString(2));
                    found.add(row.getString(3));
                });
        return scopes.stream().filter(found::contains).distinct().toList();
    }
}
