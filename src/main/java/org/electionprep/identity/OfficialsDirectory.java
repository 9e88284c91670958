package org.electionprep.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.electionprep.engine.Messages;
import org.electionprep.shared.Texts;
import org.springframework.stereotype.Component;

/**
 * The officials of a county are the members of its governor and political deputy groups and of its districts'
 * district-head groups (those in the county's tenant), so adding a person to a group in Camunda Admin is all it takes
 * to invite them to training.
 */
@Component
public class OfficialsDirectory {

    /** Roles whose holders attend the regional training, with the names officials read. */
    public static final Map<String, String> ROLES = roles();

    private static Map<String, String> roles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("governor", Texts.get("identity.role.governor"));
        roles.put("deputy", Texts.get("identity.role.deputy"));
        roles.put("district-head", Texts.get("identity.role.district-head"));
        return Collections.unmodifiableMap(roles);
    }

    private final IdentityService identity;

    public OfficialsDirectory(IdentityService identity) {
        this.identity = identity;
    }

    public List<Official> of(String county) {
        List<Official> officials = new ArrayList<>();
        ROLES.forEach((role, roleName) -> {
            // Read as the app: a manager reading figures may not see user records, yet their counts are the app's.
            List<User> users = Messages.asApp(identity, () -> groupsOf(role, county).stream()
                    .flatMap(group -> identity.createUserQuery().memberOfGroup(group).list().stream())
                    .sorted(java.util.Comparator.comparing(User::getId)).toList());
            for (User user : users) {
                if (officials.stream().anyMatch(o -> o.userId().equals(user.getId()))) {
                    continue; // one person holding two roles is trained once
                }
                String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName())).strip();
                officials.add(new Official(user.getId(), name.isEmpty() ? user.getId() : name, role, roleName, county));
            }
        });
        return officials;
    }

    /** A role's groups in the county: governor-ahvaz; for district heads each district's (district-head-ahvaz-central). */
    private List<String> groupsOf(String role, String county) {
        if (!role.equals("district-head")) {
            return List.of(role + "-" + county);
        }
        return identity.createGroupQuery().memberOfTenant(county).list().stream().map(g -> g.getId())
                .filter(id -> id.startsWith(role + "-")).sorted().toList();
    }
}
