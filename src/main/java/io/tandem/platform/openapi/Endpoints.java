package io.tandem.platform.openapi;

import io.tandem.platform.listing.ListQuery;
import io.tandem.platform.versioning.Versioned;
import io.tandem.platform.versioning.VersionedResource;
import io.tandem.platform.web.Page;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Puts operations into the document. A JAX-RS resource method gives its HTTP method, path, parameters and (when it
 * returns a type rather than a {@code Response}) its answer by reflection, so those cannot drift from the code; a
 * versioned collection gives its seven operations from one call. Every operation gets the problems its kind can
 * answer: 401 (a public one too: a token that is sent must be valid), 404 with a path parameter, 400 with a body or
 * query, 413/415 with a body, 503 (the database is busy) when it writes, and a problem+json {@code default} for
 * anything else (405, 500).
 */
final class Endpoints {

    static final String BEARER = "bearer";

    private static final Map<String, String> PARAMETER_HELP = Map.of(
            "If-Match", "The version you read as its ETag (\"3\"), instead of `version` in the body.",
            "Idempotency-Key", "1-128 visible characters. The same key with the same body (per user) answers the "
                    + "first answer again with `Idempotent-Replayed: true`; with another body, 422.",
            "Last-Event-ID", "The id of the last event received: the stream resumes right after it.",
            "version", "The version you read, instead of `If-Match`.",
            "page", "Page number, from 1.",
            "size", "Items per page, 1-500.",
            "q", "Only items where one of their text members contains this text, ignoring case.");

    final Schemas schemas;
    private final OpenAPI document;
    private final Set<String> tags = new TreeSet<>();

    Endpoints(OpenAPI document) {
        this.document = document;
        this.schemas = new Schemas(document.getComponents());
    }

    /** The operation of a JAX-RS resource method, read from its annotations (inherited ones too, as JAX-RS does). */
    Endpoint of(Class<?> resource, String javaMethod) {
        Method method = annotated(resource, javaMethod);
        String http = httpMethod(method);
        String path = "/api/" + join(resource.getAnnotation(Path.class).value(),
                method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "");
        Endpoint endpoint = add(http, path, component(resource), noun(resource) + capitalized(javaMethod));
        Type answer = Types.resolve(method.getGenericReturnType(), Types.bindings(resource));
        for (java.lang.reflect.Parameter parameter : method.getParameters()) {
            parameter(endpoint, parameter, answer);
        }
        Class<?> raw = Types.raw(answer);
        if (!(raw == void.class || raw == Response.class || Map.class.isAssignableFrom(raw) || JsonValue.class.isAssignableFrom(raw))) {
            endpoint.ok(answer);
        }
        return endpoint;
    }

    /** The seven operations of a versioned collection (see {@link VersionedResource}). */
    VersionedOperations versioned(Class<? extends VersionedResource<?, ?>> resource) {
        var bindings = Types.bindings(resource);
        Class<?> entity = Types.raw(bindings.get(VersionedResource.class.getTypeParameters()[0]));
        Type fieldsType = bindings.get(VersionedResource.class.getTypeParameters()[1]);
        String one = Versioned.nounOf(entity);
        String many = plural(one);
        String name = entity.getSimpleName();
        Schema fields = schemas.request(fieldsType);
        Schema update = itemWithVersion(fieldsType, name + "Update");
        VersionedOperations collection = new VersionedOperations(
                of(resource, "list").id("list" + plural(name)).summary("List " + many),
                of(resource, "get").id("get" + name).summary("Get a " + one).ok(entity)
                        .successHeader("ETag", "The version, \"<version>\"."),
                of(resource, "post").id("create" + name).summary("Create a " + one)
                        .body(fields, true, Endpoint.JSON).created(entity).problems(409, 422)
                        .successHeader("ETag", "The version, \"1\".").successHeader("Location", "The new " + one + "."),
                of(resource, "put").id("replace" + name).summary("Replace a " + one).body(update, true, Endpoint.JSON)
                        .ok(entity).problems(409, 412, 428).successHeader("ETag", "The new version."),
                of(resource, "patch").id("patch" + name).summary("Change some fields of a " + one + " (RFC 7396 merge patch)")
                        .body(update, true, VersionedResource.MERGE_PATCH, Endpoint.JSON).ok(entity)
                        .problems(409, 412, 428).successHeader("ETag", "The new version."),
                of(resource, "delete").id("delete" + name).summary("Delete a " + one).noContent()
                        .who("MANAGER or ADMIN").problems(409, 412, 428),
                of(resource, "history").id("get" + name + "History").summary("Revisions of a " + one + ", newest first"));
        collection.replace.description("Needs `version` in the body or `If-Match`: none → 428, a stale body version → 409, "
                + "a stale If-Match → 412, both with the current state.");
        collection.patch.description("Members present are set, null removes; `version` or `If-Match` as for PUT.");
        return collection;
    }

    /** The operations of one versioned collection, for the few that add to them. */
    record VersionedOperations(Endpoint list, Endpoint get, Endpoint create, Endpoint replace, Endpoint patch, Endpoint delete,
                      Endpoint history) {
    }

    /** An endpoint the server itself provides (health, metrics, this document): no resource method to read. */
    Endpoint platform(String http, String path, String operationId) {
        Endpoint endpoint = add(http, path, "platform", operationId).publicly();
        endpoint.operation.getResponses().removeAPIResponse("401");
        endpoint.operation.getResponses().removeAPIResponse("default");
        return endpoint;
    }

    /** The tags the operations used, one per business component. */
    Set<String> tags() {
        return tags;
    }

    private Endpoint add(String http, String path, String tag, String operationId) {
        Operation operation = OASFactory.createOperation().operationId(operationId).addTag(tag)
                .responses(OASFactory.createAPIResponses().addAPIResponse("default",
                        OASFactory.createAPIResponse().ref(Problems.ref(Problems.ANY))));
        tags.add(tag);
        PathItem item = document.getPaths().getPathItem(path);
        if (item == null) {
            item = OASFactory.createPathItem();
            document.getPaths().addPathItem(path, item);
        }
        PathItem.HttpMethod verb = PathItem.HttpMethod.valueOf(http);
        if (item.getOperations().containsKey(verb)) {
            throw new IllegalStateException(http + " " + path + " is documented twice");
        }
        item.setOperation(verb, operation);
        Endpoint endpoint = new Endpoint(operation, schemas).problems(401);
        return http.equals(HttpMethod.GET) ? endpoint : endpoint.problems(503);
    }

    /**
     * Adds a path, query or header parameter to the operation; the body is for {@link Endpoint#body} to say. The
     * answer tells which items a {@link ListQuery} sorts and searches.
     */
    private void parameter(Endpoint endpoint, java.lang.reflect.Parameter parameter, Type answer) {
        if (parameter.isAnnotationPresent(PathParam.class)) {
            add(endpoint, parameter.getAnnotation(PathParam.class).value(), Parameter.In.PATH, parameter.getType());
            endpoint.problems(404);
        } else if (parameter.isAnnotationPresent(QueryParam.class)) {
            add(endpoint, parameter.getAnnotation(QueryParam.class).value(), Parameter.In.QUERY, parameter.getType());
            endpoint.problems(400);
        } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
            add(endpoint, parameter.getAnnotation(HeaderParam.class).value(), Parameter.In.HEADER, parameter.getType());
        } else if (parameter.getType() == Page.Request.class) {
            endpoint.operation.addParameter(bounded("page", 1, null, 1));
            endpoint.operation.addParameter(bounded("size", 1, Page.MAX_SIZE, 50));
            endpoint.problems(400);
        } else if (parameter.getType() == ListQuery.class) {
            listQuery(endpoint, Types.raw(Types.argument(answer, 0)));
        } else if (parameter.isAnnotationPresent(BeanParam.class)) {
            throw new IllegalArgumentException("Unknown @BeanParam " + parameter.getType() + ": document its parameters");
        }
    }

    /** {@code sort} (each member both ways, as an enum a client can offer) and {@code q} of a list of entities. */
    private static void listQuery(Endpoint endpoint, Class<?> entity) {
        SortedMap<String, Class<?>> members = Schemas.basicMembers(entity);
        List<Object> orders = new ArrayList<>();
        members.keySet().forEach(member -> orders.addAll(List.of(member, "-" + member)));
        String text = members.entrySet().stream().filter(m -> m.getValue() == String.class).map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
        endpoint.operation.addParameter(OASFactory.createParameter().name("sort").in(Parameter.In.QUERY)
                .description("Sort by this member; a leading `-` sorts descending. Text sorts case-insensitively; "
                        + "items that sort alike come by id. Default: by id. Another name → 400 naming `sort`.")
                .schema(Schemas.simple(SchemaType.STRING, null).enumeration(orders)));
        endpoint.operation.addParameter(OASFactory.createParameter().name("q").in(Parameter.In.QUERY)
                .description("Only items where one of " + text + " contains this text, ignoring case (`%` and `_` "
                        + "match themselves); `total` counts those items.")
                .schema(Schemas.simple(SchemaType.STRING, null).maxLength(ListQuery.MAX_TEXT)));
        endpoint.problems(400);
    }

    private void add(Endpoint endpoint, String name, Parameter.In in, Class<?> type) {
        endpoint.operation.addParameter(OASFactory.createParameter().name(name).in(in).description(PARAMETER_HELP.get(name))
                .required(in == Parameter.In.PATH ? true : null).schema(schemas.request(type)));
    }

    private static Parameter bounded(String name, int minimum, Integer maximum, int byDefault) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(PARAMETER_HELP.get(name))
                .schema(Schemas.simple(SchemaType.INTEGER, "int32").minimum(BigDecimal.valueOf(minimum))
                        .maximum(maximum == null ? null : BigDecimal.valueOf(maximum)).defaultValue(byDefault));
    }

    /** A PUT or PATCH body: the editable fields plus the version the client read. */
    Schema itemWithVersion(Type fields, String name) {
        return schemas.define(name, Object.class, schemas.requestObject(fields).addProperty("version", version()));
    }

    /** An item of a bulk save: a new one without {@code id}, or an update with {@code id} and {@code version}. */
    Schema itemWithIdAndVersion(Type fields, String name) {
        return schemas.define(name, Object.class, schemas.requestObject(fields)
                .addProperty("id", Schemas.simple(SchemaType.INTEGER, "int64").description("Absent for a new item."))
                .addProperty("version", version()));
    }

    private static Schema version() {
        return Schemas.simple(SchemaType.INTEGER, "int64").minimum(BigDecimal.ZERO).description("The version you read; or send If-Match.");
    }

    /** The declaration that carries the JAX-RS annotations: the method itself or the one it overrides. */
    private static Method annotated(Class<?> resource, String name) {
        Method[] found = Arrays.stream(resource.getMethods()).filter(m -> m.getName().equals(name) && !m.isBridge()).toArray(Method[]::new);
        if (found.length != 1) {
            throw new IllegalArgumentException(resource.getSimpleName() + " has " + found.length + " public methods named " + name);
        }
        for (Class<?> k = resource; k != null; k = k.getSuperclass()) {
            try {
                Method declared = k.getDeclaredMethod(name, found[0].getParameterTypes());
                if (httpMethod(declared) != null) {
                    return declared;
                }
            } catch (NoSuchMethodException notHere) {
                // look further up
            }
        }
        throw new IllegalArgumentException(resource.getSimpleName() + "." + name + " is not a resource method");
    }

    /** The HTTP method a resource method answers (@GET, @POST …), or null for a sub-resource locator. */
    static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static String join(String... parts) {
        return String.join("/", Arrays.stream(parts).map(p -> p.replaceAll("^/+|/+$", "")).filter(p -> !p.isEmpty()).toList());
    }

    /** io.tandem.racks.boundary.RacksResource → racks: the business component. */
    private static String component(Class<?> resource) {
        return resource.getPackageName().split("\\.")[2];
    }

    /** RacksResource → racks, LeaveRequestsResource → leaveRequests. */
    private static String noun(Class<?> resource) {
        String name = resource.getSimpleName().replaceFirst("Resource$", "");
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static String plural(String noun) {
        return noun.endsWith("s") ? noun + "es" : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }
}
