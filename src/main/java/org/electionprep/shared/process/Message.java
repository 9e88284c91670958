package org.electionprep.shared.process;

/** A message a model waits for, by the name its BPMN declares. */
public record Message(String name) {
}
