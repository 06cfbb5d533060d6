package io.tandem.platform.openapi;

import io.tandem.platform.TandemApplication;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every JAX-RS resource method the WAR has, found independently of the OpenAPI reader: each concrete class under
 * {@code io.tandem} with {@code @Path}, each public method that carries (or inherits, as JAX-RS does from the
 * method it overrides) an HTTP method annotation — so the generic {@code VersionedResource} subclasses get their
 * own paths. Methods marked {@code @Operation(hidden = true)} (the test clock) are left out.
 */
public record ResourceMethods(List<ResourceMethod> all, List<ResourceMethod> hidden) {

    /** One resource method: "POST /api/racks/{rack_id}/claim" and what it takes. */
    public record ResourceMethod(String method, String path, Set<String> pathParameters, Set<String> queryParameters,
                          Set<String> headerParameters, boolean takesBody, String javaName) {
        String key() {
            return method + " " + path;
        }
    }

    /**
     * What the document gets wrong about these methods: one missing or at another path or method, one documented that
     * does not exist (or is hidden), a parameter not declared, a body the method reads but the document omits or
     * the other way round. Empty when the document and the code agree.
     */
    public List<String> disagreementsWith(JsonObject document) {
        List<String> findings = new ArrayList<>();
        Map<String, JsonObject> operations = OpenApiLint.operations(document);
        Map<String, ResourceMethod> byKey = new TreeMap<>();
        all.forEach(method -> byKey.put(method.key(), method));
        byKey.forEach((key, method) -> {
            JsonObject operation = operations.get(key);
            if (operation == null) {
                findings.add(key + " (" + method.javaName() + ") is not documented");
                return;
            }
            check(findings, key, "path", method.pathParameters(), operation);
            check(findings, key, "query", method.queryParameters(), operation);
            check(findings, key, "header", method.headerParameters(), operation);
            if (method.takesBody() != operation.containsKey("requestBody")) {
                findings.add(key + ": " + method.javaName() + (method.takesBody() ? " reads a body the document does not describe"
                        : " reads no body, but the document describes one"));
            }
        });
        operations.keySet().stream().filter(key -> key.contains(" /api/") && !byKey.containsKey(key))
                .forEach(key -> findings.add(key + " is documented but no resource method answers it"));
        hidden.forEach(method -> {
            if (document.getJsonObject("paths").containsKey(method.path())) {
                findings.add(method.path() + " (" + method.javaName() + ") is hidden but documented");
            }
        });
        return findings;
    }

    private static void check(List<String> findings, String key, String in, Set<String> names, JsonObject operation) {
        Set<String> declared = new TreeSet<>();
        JsonArray parameters = operation.getJsonArray("parameters");
        if (parameters != null) {
            parameters.forEach(p -> {
                if (in.equals(p.asJsonObject().getString("in"))) {
                    declared.add(p.asJsonObject().getString("name"));
                }
            });
        }
        if (!declared.containsAll(names)) {
            findings.add(key + ": " + in + " parameters " + names + " but the document declares " + declared);
        }
    }

    public static ResourceMethods ofTheWar() {
        List<ResourceMethod> visible = new ArrayList<>();
        List<ResourceMethod> hidden = new ArrayList<>();
        String api = TandemApplication.class.getAnnotation(ApplicationPath.class).value();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getMethods()) {
                Method declared = method.isBridge() ? null : annotatedDeclaration(resource, method);
                if (declared == null) {
                    continue;
                }
                ResourceMethod found = describe(api, resource, declared);
                Operation operation = declared.getAnnotation(Operation.class);
                (operation != null && operation.hidden() ? hidden : visible).add(found);
            }
        }
        return new ResourceMethods(visible, hidden);
    }

    private static ResourceMethod describe(String api, Class<?> resource, Method declared) {
        String path = "/" + Stream.of(api, resource.getAnnotation(Path.class).value(),
                        declared.isAnnotationPresent(Path.class) ? declared.getAnnotation(Path.class).value() : "")
                .map(part -> part.replaceAll("^/+|/+$", "")).filter(part -> !part.isEmpty())
                .reduce((a, b) -> a + "/" + b).orElse("");
        Set<String> pathParameters = new TreeSet<>();
        Set<String> queryParameters = new TreeSet<>();
        Set<String> headerParameters = new TreeSet<>();
        boolean body = false;
        for (Parameter parameter : declared.getParameters()) {
            if (parameter.isAnnotationPresent(PathParam.class)) {
                pathParameters.add(parameter.getAnnotation(PathParam.class).value());
            } else if (parameter.isAnnotationPresent(QueryParam.class)) {
                queryParameters.add(parameter.getAnnotation(QueryParam.class).value());
            } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
                headerParameters.add(parameter.getAnnotation(HeaderParam.class).value());
            } else if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (var field : parameter.getType().getDeclaredFields()) {
                    if (field.isAnnotationPresent(QueryParam.class)) {
                        queryParameters.add(field.getAnnotation(QueryParam.class).value());
                    }
                }
            } else if (!parameter.isAnnotationPresent(Context.class)) {
                body = true;
            }
        }
        return new ResourceMethod(httpMethod(declared), path, pathParameters, queryParameters, headerParameters, body,
                resource.getSimpleName() + "." + declared.getName());
    }

    /** The method itself if it has JAX-RS annotations, else the nearest overridden declaration that has them. */
    private static Method annotatedDeclaration(Class<?> resource, Method method) {
        for (Class<?> k = resource; k != null && k != Object.class; k = k.getSuperclass()) {
            try {
                Method candidate = k.getDeclaredMethod(method.getName(), method.getParameterTypes());
                if (httpMethod(candidate) != null) {
                    return candidate;
                }
                if (Stream.of(candidate.getAnnotations()).anyMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.ws.rs"))) {
                    return null;
                }
            } catch (NoSuchMethodException notDeclaredHere) {
                // look further up
            }
        }
        return null;
    }

    private static String httpMethod(Method method) {
        return Endpoints.httpMethod(method);
    }

    /** The concrete @Path classes among the WAR's compiled classes. */
    private static List<Class<?>> resourceClasses() {
        try {
            java.nio.file.Path classes = java.nio.file.Path.of(TandemApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/tandem"))) {
                List<Class<?>> resources = new ArrayList<>();
                for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(file).toString().replace('/', '.').replaceFirst("\\.class$", "");
                    Class<?> type = Class.forName(name, false, ResourceMethods.class.getClassLoader());
                    if (type.isAnnotationPresent(Path.class) && !Modifier.isAbstract(type.getModifiers()) && !type.isInterface()) {
                        resources.add(type);
                    }
                }
                return resources;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
