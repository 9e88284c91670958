package org.electionprep.identity;

/** A county official who must be trained: an identity user in the governor, deputy or district-head group of a county. */
public record Official(String userId, String name, String role, String roleName, String countyCode) {
}
