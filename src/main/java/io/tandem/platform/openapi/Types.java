package io.tandem.platform.openapi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Generic types with their type variables filled in: {@code Page<T>} of {@code VersionedResource.list} is
 * {@code Page<Customer>} for {@code CustomersResource}, through any number of generic superclasses
 * ({@code ZonesResource → SanResource<Zone, Zone.Fields> → VersionedResource<T, F>}).
 */
final class Types {

    private Types() {
    }

    /** A parameterized type made here, after its arguments were resolved. */
    record Parameterized(Class<?> raw, Type[] arguments) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }

    /** What each type variable of {@code type}'s generic superclasses stands for. */
    static Map<TypeVariable<?>, Type> bindings(Class<?> type) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        for (Class<?> k = type; k != null; k = k.getSuperclass()) {
            if (k.getGenericSuperclass() instanceof ParameterizedType parent) {
                bind(bindings, parent);
            }
        }
        return bindings;
    }

    /** The variables of a parameterized type's raw class, bound to its arguments. */
    static Map<TypeVariable<?>, Type> bind(Map<TypeVariable<?>, Type> bindings, ParameterizedType type) {
        TypeVariable<?>[] variables = raw(type).getTypeParameters();
        Type[] arguments = type.getActualTypeArguments();
        for (int i = 0; i < variables.length; i++) {
            bindings.put(variables[i], resolve(arguments[i], bindings));
        }
        return bindings;
    }

    /** {@code type} with every bound variable replaced by what it stands for. */
    static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable && bindings.containsKey(variable)) {
            return bindings.get(variable);
        }
        if (type instanceof ParameterizedType parameterized) {
            return new Parameterized(raw(parameterized), Arrays.stream(parameterized.getActualTypeArguments())
                    .map(argument -> resolve(argument, bindings)).toArray(Type[]::new));
        }
        return type;
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        throw new IllegalArgumentException("No class for " + type);
    }

    static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
