package org.electionprep.shared;

/** An official's task submission that the registry's rules refuse; the message is shown to the official. */
public class RejectedSubmissionException extends RuntimeException {

    public RejectedSubmissionException(String message) {
        super(message);
    }
}
