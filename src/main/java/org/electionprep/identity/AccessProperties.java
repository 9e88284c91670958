package org.electionprep.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The declarative policy of access.yml: the roles of a county, a district, a province and the country, and the filters.
 */
@ConfigurationProperties("election-prep.access")
public record AccessProperties(
        List<Role> countyRoles,
        @DefaultValue List<Role> districtRoles,
        List<Role> provinceRoles,
        @DefaultValue List<Role> nationalRoles,
        @DefaultValue List<FilterSpec> filters) {

    public record Role(String id, String name, List<Grant> grants) {

        /** The role's group in a place: e.g. governor-ahvaz, district-head-ahvaz-central, province-it-khuzestan. */
        public String groupIdFor(String place) {
            return id + "-" + place;
        }
    }

    public record Grant(String resource, String resourceId, List<String> permissions) {
    }

    /** A shared Tasklist filter, granted to the listed county and district roles in every county and district. */
    public record FilterSpec(String name, String description, boolean candidateGroupsOfCurrentUser,
                             boolean assignedToCurrentUser, boolean overdue, @DefaultValue List<String> taskKeys,
                             int priority, @DefaultValue List<String> roles) {
    }
}
