package io.tandem.platform.openapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Transient;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * JSON schemas of the Java types the API reads and writes, derived by reflection so they cannot drift from the code.
 * A request body is a record that {@code Bodies} reads member by member (snake_case, absent = null, nothing else
 * required: the entity's own rules answer 400 naming the field). An answer is what JSON-B writes: record components
 * and public getters, every one of them, nulls included — so every member of an answer is {@code required}, and
 * {@code nullable} unless it is a Java primitive or its JPA column cannot be null.
 */
final class Schemas {

    static final String PREFIX = "#/components/schemas/";

    private final Components components;
    private final Map<String, Type> named = new HashMap<>();
    private final Map<String, Boolean> madeAsAnswer = new HashMap<>();

    Schemas(Components components) {
        this.components = components;
    }

    /** The schema of a request body read with {@code Bodies.read(body, type)}. */
    Schema request(Type type) {
        return of(type, false);
    }

    /** The schema of what JSON-B writes for {@code type}. */
    Schema answer(Type type) {
        return of(type, true);
    }

    /** A named answer object for a body the code builds as a map: member names and Java types (or schemas) in pairs. */
    Schema object(String name, Object... membersAndTypes) {
        Schema object = OASFactory.createSchema().type(SchemaType.OBJECT);
        for (int i = 0; i < membersAndTypes.length; i += 2) {
            String member = (String) membersAndTypes[i];
            Object type = membersAndTypes[i + 1];
            object.addProperty(member, type instanceof Schema schema ? schema : answer((Type) type));
            object.addRequired(member);
        }
        return define(name, Object.class, object);
    }

    /** Registers a named schema and answers a reference to it. */
    Schema define(String name, Type type, Schema schema) {
        Type before = named.putIfAbsent(name, type);
        if (before != null && !before.equals(type)) {
            throw new IllegalStateException("Two types want the schema name " + name + ": " + before + " and " + type);
        }
        components.addSchema(name, schema);
        return ref(name);
    }

    /** Swaps one member of a named schema for a more precise one (a JSON-P value the code knows the shape of). */
    void refine(Class<?> type, String member, Schema schema) {
        Schema owner = components.getSchemas().get(nameOf(type));
        if (owner == null || !owner.getProperties().containsKey(member)) {
            throw new IllegalArgumentException(nameOf(type) + " has no member " + member + " to refine");
        }
        owner.addProperty(member, schema);
    }

    static Schema ref(String name) {
        return OASFactory.createSchema().ref(PREFIX + name);
    }

    static Schema simple(SchemaType type, String format) {
        return OASFactory.createSchema().type(type).format(format);
    }

    static Schema arrayOf(Schema items) {
        return OASFactory.createSchema().type(SchemaType.ARRAY).items(items);
    }

    /** JSON-B's and Bodies' naming: {@code lastModifiedById} → {@code last_modified_by_id}. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    /** The schema of a plain Java type (String, Long, Instant …) that needs no component. */
    static Schema simple(Class<?> type) {
        Schema simple = simpleSchema(type);
        if (simple == null) {
            throw new IllegalArgumentException(type + " is not a plain JSON type");
        }
        return simple;
    }

    private Schema of(Type type, boolean answer) {
        Class<?> raw = Types.raw(type);
        Schema simple = simpleSchema(raw);
        if (simple != null) {
            return simple;
        }
        if (raw.isEnum()) {
            return OASFactory.createSchema().type(SchemaType.STRING)
                    .enumeration(List.of((Object[]) raw.getEnumConstants()).stream().map(c -> (Object) ((Enum<?>) c).name()).toList());
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return arrayOf(of(Types.argument(type, 0), answer)).uniqueItems(Set.class.isAssignableFrom(raw) ? true : null);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return OASFactory.createSchema().type(SchemaType.OBJECT).additionalPropertiesSchema(of(Types.argument(type, 1), answer));
        }
        if (raw.getName().startsWith("io.tandem.")) {
            return named(type, raw, answer);
        }
        throw new IllegalArgumentException("No JSON schema for " + type);
    }

    private static Schema simpleSchema(Class<?> raw) {
        if (raw == String.class) {
            return simple(SchemaType.STRING, null);
        }
        if (raw == long.class || raw == Long.class) {
            return simple(SchemaType.INTEGER, "int64");
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
            return simple(SchemaType.INTEGER, "int32");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return simple(SchemaType.BOOLEAN, null);
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class || raw == BigDecimal.class) {
            return simple(SchemaType.NUMBER, raw == float.class || raw == Float.class ? "float" : "double");
        }
        if (raw == LocalDate.class) {
            return simple(SchemaType.STRING, "date");
        }
        if (raw == Instant.class) {
            return simple(SchemaType.STRING, "date-time");
        }
        if (raw == JsonObject.class) {
            return simple(SchemaType.OBJECT, null);
        }
        if (raw == JsonArray.class) {
            return arrayOf(OASFactory.createSchema());
        }
        if (raw == Object.class || raw.getName().startsWith("jakarta.json.")) {
            return OASFactory.createSchema().description("Any JSON value.");
        }
        return null;
    }

    /** A record or bean of Tandem's own: a component schema, made once per name. */
    private Schema named(Type type, Class<?> raw, boolean answer) {
        String name = nameOf(type);
        Boolean before = madeAsAnswer.putIfAbsent(name, answer);
        if (before != null) {
            if (before != answer) {
                throw new IllegalStateException(name + " is both a request body and an answer; give each its own record");
            }
            return ref(name);
        }
        return define(name, type, object(type, raw, answer));
    }

    /** A request record's members as an object schema of its own, to add more to (a version, an id). */
    Schema requestObject(Type record) {
        return object(record, Types.raw(record), false);
    }

    private Schema object(Type type, Class<?> raw, boolean answer) {
        if (!answer && !raw.isRecord()) {
            throw new IllegalArgumentException("Request bodies are records (Bodies reads only records): " + type);
        }
        Map<TypeVariable<?>, Type> bindings = type instanceof ParameterizedType parameterized
                ? Types.bind(new HashMap<>(), parameterized) : Map.of();
        Schema object = OASFactory.createSchema().type(SchemaType.OBJECT);
        members(raw).forEach((member, typed) -> {
            Type resolved = Types.resolve(typed.type(), bindings);
            object.addProperty(member, nullable(of(resolved, answer), !typed.neverNull() && !Types.raw(resolved).isPrimitive()));
            if (answer) {
                object.addRequired(member);
            }
        });
        return object;
    }

    /**
     * In OpenAPI 3.0 a reference ignores its siblings, and {@code nullable} counts only next to a {@code type}: a
     * nullable reference (always to an object here) is {@code {type: object, allOf: [ref], nullable: true}}.
     */
    static Schema nullable(Schema schema, boolean nullable) {
        if (!nullable) {
            return schema;
        }
        if (schema.getRef() != null) {
            return OASFactory.createSchema().type(SchemaType.OBJECT).allOf(List.of(schema)).nullable(true);
        }
        return schema.nullable(true);
    }

    /**
     * The members a list of this entity can be sorted by, by wire name, with their Java types: the ones its JSON
     * shows that a basic JPA attribute stores. At run time {@code Listing} reads the same from the JPA metamodel;
     * {@code ListingIT} compares what the server accepts with what this says.
     */
    static SortedMap<String, Class<?>> basicMembers(Class<?> entity) {
        SortedMap<String, Class<?>> basic = new TreeMap<>();
        for (Method method : entity.getMethods()) {
            Field field = isProperty(method, entity) ? field(entity, propertyName(method)) : null;
            if (field != null && isBasicAttribute(field)) {
                basic.put(snakeCase(propertyName(method)), field.getType());
            }
        }
        return basic;
    }

    private static boolean isBasicAttribute(Field field) {
        Class<?> owner = field.getDeclaringClass();
        boolean persistent = owner.isAnnotationPresent(Entity.class) || owner.isAnnotationPresent(MappedSuperclass.class);
        boolean notBasic = Stream.of(Transient.class, ElementCollection.class, OneToMany.class, ManyToOne.class,
                OneToOne.class, ManyToMany.class, Embedded.class, EmbeddedId.class).anyMatch(field::isAnnotationPresent);
        return persistent && !notBasic && !Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers());
    }

    /** A member's Java type, and whether the database guarantees a value (a JPA id, version or NOT NULL column). */
    private record Member(Type type, boolean neverNull) {
    }

    /** The members JSON-B writes (and Bodies reads): record components in order, else public getters by name. */
    private static Map<String, Member> members(Class<?> raw) {
        Map<String, Member> members = new LinkedHashMap<>();
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                members.put(snakeCase(component.getName()), new Member(component.getGenericType(), false));
            }
            return members;
        }
        List<Method> getters = new ArrayList<>();
        for (Method method : raw.getMethods()) {
            if (isProperty(method, raw)) {
                getters.add(method);
            }
        }
        getters.sort(Comparator.comparing(Schemas::propertyName));
        getters.forEach(getter -> members.put(snakeCase(propertyName(getter)),
                new Member(getter.getGenericReturnType(), neverNull(field(raw, propertyName(getter))))));
        return members;
    }

    private static boolean neverNull(Field field) {
        return field != null && (field.isAnnotationPresent(Id.class) || field.isAnnotationPresent(Version.class)
                || (field.isAnnotationPresent(Column.class) && !field.getAnnotation(Column.class).nullable()));
    }

    private static boolean isProperty(Method method, Class<?> owner) {
        String name = method.getName();
        boolean getter = (name.startsWith("get") && name.length() > 3 && !name.equals("getClass"))
                || (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class);
        return getter && method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && !method.isBridge() && !method.isAnnotationPresent(JsonbTransient.class)
                && !(field(owner, propertyName(method)) != null && field(owner, propertyName(method)).isAnnotationPresent(JsonbTransient.class));
    }

    /** The field behind a property, declared in the class or a superclass; null for a computed one. */
    private static Field field(Class<?> owner, String property) {
        for (Class<?> k = owner; k != null; k = k.getSuperclass()) {
            try {
                return k.getDeclaredField(property);
            } catch (NoSuchFieldException notHere) {
                // look further up
            }
        }
        return null;
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * A schema name clients can use as a class name: nested types carry their enclosing class's name without
     * "Resource" ({@code Customer.Fields} → CustomerFields, {@code AuthResource.Credentials} → AuthCredentials), a
     * generic record its arguments' ({@code Page<Customer>} → CustomerPage).
     */
    static String nameOf(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            StringBuilder name = new StringBuilder();
            for (Type argument : parameterized.getActualTypeArguments()) {
                name.append(nameOf(argument));
            }
            return name + nameOf(parameterized.getRawType());
        }
        Class<?> raw = Types.raw(type);
        Class<?> enclosing = raw.getEnclosingClass();
        if (enclosing == null) {
            return raw.getSimpleName();
        }
        String owner = nameOf(enclosing);
        return (enclosing.isAnnotationPresent(Path.class) ? owner.replaceFirst("Resource$", "") : owner) + raw.getSimpleName();
    }
}
