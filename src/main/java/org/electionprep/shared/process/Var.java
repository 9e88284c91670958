package org.electionprep.shared.process;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A process variable as the models and the code agree on it: its name, declared once, and how a value that a form,
 * a REST client or the engine gave is read as the type the code works with. Values are converted here, at the edge,
 * so that services take typed arguments.
 */
public final class Var<T> {

    private final String name;
    private final Function<Object, T> reader;

    private Var(String name, Function<Object, T> reader) {
        this.name = name;
        this.reader = reader;
    }

    /** Text as given; null when absent. */
    public static Var<String> text(String name) {
        return new Var<>(name, Values::text);
    }

    /** A checkbox or a boolean: true, "true" (any case); anything else is false. */
    public static Var<Boolean> flag(String name) {
        return new Var<>(name, Values::flag);
    }

    /** A whole number, also typed with Persian digits; null when empty; anything else is a form error. */
    public static Var<Integer> number(String name) {
        return new Var<>(name, Values::number);
    }

    /** A record id: a number or its text; anything else is a refused submission. */
    public static Var<Long> id(String name) {
        return new Var<>(name, Values::identifier);
    }

    /** Whatever the engine holds (a date, a list, JSON), for the code that parses it to do so. */
    public static Var<Object> value(String name) {
        return new Var<>(name, Function.identity());
    }

    public String name() {
        return name;
    }

    public T from(VariableScope scope) {
        return reader.apply(scope.getVariable(name));
    }

    /** The value among the variables a start or a correlation carries. */
    public T from(Map<String, ?> variables) {
        return reader.apply(variables.get(name));
    }

    /** The variable with a value, for a start, a correlation or a completion ({@code Map.ofEntries(...)}). */
    public Map.Entry<String, Object> with(T value) {
        return Map.entry(name, value);
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /** Sets the value in this scope only (a multi-instance round, an answer field cleared for its task). */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    /** Sets a value with its engine type (transient, JSON ...). */
    public void setTyped(VariableScope scope, TypedValue value) {
        scope.setVariable(name, value);
    }

    /** Empties these variables in this scope only: a form opened for the next round shows no earlier answer. */
    public static void clearLocal(VariableScope scope, Var<?>... variables) {
        for (Var<?> variable : variables) {
            scope.setVariableLocal(variable.name, null);
        }
    }

    /** Removes these variables, so that a later round of the same task starts from a blank form. */
    public static void remove(VariableScope scope, Var<?>... variables) {
        for (Var<?> variable : variables) {
            scope.removeVariable(variable.name);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Var<?> var && var.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
