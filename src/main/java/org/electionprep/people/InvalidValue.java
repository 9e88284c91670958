package org.electionprep.people;

/** A value of a person's record that a rule refuses, with the reason an import reports for its row and field. */
public class InvalidValue extends RuntimeException {

    public InvalidValue(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}
