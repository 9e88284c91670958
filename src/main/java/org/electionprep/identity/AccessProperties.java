package org.electionprep.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The declarative policy of access.yml: the roles of a county, of a province and of the country, and the filters. */
@ConfigurationProperties("election-prep.access")
public record AccessProperties(
        List<Role> countyRoles,
        List<Role> provinceRoles,
        @DefaultValue List<Role> nationalRoles,
        @DefaultValue List<FilterSpec> filters) {

    public record Role(String id, String name, List<Grant> grants) {

        /** The role's group in a county or province: e.g. governor-ahvaz, province-it-khuzestan. */
        public String groupIdFor(String place) {
            return id + "-" + place;
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
