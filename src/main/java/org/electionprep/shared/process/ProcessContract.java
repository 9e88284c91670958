package org.electionprep.shared.process;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one model and the code agree on: the process key, the model's file under processes/, the class that declares
 * its variables, messages and the elements the code refers to, the beans its expressions call, and the variables it
 * shares with another process. Every process also carries the {@link InstanceFacts}.
 */
public record ProcessContract(String key, String model, Class<?> declaration, Set<String> beans,
                              Set<Var<?>> borrowed) {

    public Set<Var<?>> variables() {
        Set<Var<?>> all = new LinkedHashSet<>(declared(InstanceFacts.class, Var.class));
        all.addAll(declared(declaration, Var.class));
        all.addAll(borrowed);
        return all;
    }

    public Set<Message> messages() {
        return declared(declaration, Message.class);
    }

    public Set<Element> elements() {
        return declared(declaration, Element.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> Set<T> declared(Class<?> type, Class<?> kind) {
        Set<T> values = new LinkedHashSet<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && kind.isAssignableFrom(field.getType())) {
                try {
                    values.add((T) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }
}
