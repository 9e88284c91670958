package org.electionprep.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The declarative roles x counties of access.yml. */
@ConfigurationProperties("election-prep.access")
public record AccessProperties(
        Place province,
        List<Place> counties,
        List<Role> countyRoles,
        List<Role> provinceRoles,
        @DefaultValue List<FilterSpec> filters) {

    public record Place(String code, String name) {
    }

    public record Role(String id, String name, List<Grant> grants) {

        public String groupIdFor(Place county) {
            return id + "-" + county.code();
        }
    }

    public record Grant(String resource, String resourceId, List<String> permissions) {
    }

    /** A shared Tasklist filter, granted to the listed county roles in every county. */
    public record FilterSpec(String name, String description, boolean candidateGroupsOfCurrentUser,
                             boolean assignedToCurrentUser, boolean overdue, @DefaultValue List<String> taskKeys,
                             int priority, @DefaultValue List<String> roles) {
    }
}
