package org.electionprep.station;

/** One broken rule of a station record: which field, and what is wrong, in words for the district head. */
public record RecordProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
