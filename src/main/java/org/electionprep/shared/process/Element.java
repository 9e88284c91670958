package org.electionprep.shared.process;

/** An element of a model that the code refers to (a user task's key in a filter or a query), by its BPMN id. */
public record Element(String id) {
}
