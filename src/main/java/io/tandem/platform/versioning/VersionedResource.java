package io.tandem.platform.versioning;

import io.tandem.platform.idempotency.Idempotency;
import io.tandem.platform.json.Bodies;
import io.tandem.platform.listing.ListQuery;
import io.tandem.platform.listing.Listing;
import io.tandem.platform.problem.Require;
import io.tandem.platform.web.Page;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;

/**
 * The REST shape every versioned entity gets: list, read (with ETag), create, replace (PUT), merge-patch
 * (PATCH, RFC 7396), delete and history. A domain resource extends this with its entity, its editable fields
 * (a record read from the JSON body) and how to build and change the entity from them; the version check, the
 * 428/409/412 answers and the revisions come from {@link VersionedStore}.
 *
 * @param <T> the entity
 * @param <F> its editable fields
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class VersionedResource<T extends Versioned, F> {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    protected VersionedStore store;

    @Inject
    protected Idempotency idempotency;

    @Context
    protected UriInfo uri;

    protected abstract Class<T> entityType();

    protected abstract Class<F> fieldsType();

    /** A new entity from the fields; throws a 400 problem naming a field that is not valid. */
    protected abstract T create(F fields);

    /** Changes the entity to the fields; validates them all before changing anything. */
    protected abstract void apply(T entity, F fields);

    /** A page of the collection: {@code ?sort=} and {@code ?q=} as {@link ListQuery} says, within {@link #scope()}. */
    @GET
    public Page<T> list(@BeanParam Page.Request page, @BeanParam ListQuery query) {
        Listing.Found<T> found = store.list(entityType(), scope(), query, page.offset(), page.limit());
        return Page.of(found.items(), page, found.total());
    }

    /**
     * Attribute values every listed item has, from query parameters the collection offers (a project's zones with
     * {@code ?project_id=}); none by default. Names are the entity's attributes, never text a client sent.
     */
    protected Map<String, Object> scope() {
        return Map.of();
    }

    /** A whole-number query parameter as a scope, or no scope when it is absent. */
    protected Map<String, Object> scopeBy(String parameter, String attribute) {
        String value = uri.getQueryParameters().getFirst(parameter);
        return value == null ? Map.of() : Map.of(attribute, Require.wholeNumber(parameter, value));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return withTag(Response.ok(), store.find(entityType(), id));
    }

    /** Creates one; honours {@code Idempotency-Key}, so a retried create never makes a second one. */
    @POST
    public Response post(@HeaderParam(Idempotency.HEADER) String idempotencyKey, String body) {
        return idempotency.run(idempotencyKey, body, () -> {
            T created = store.create(create(fieldsOf(parse(body))));
            return withTag(Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.getId())).build()), created);
        });
    }

    @PUT
    @Path("{id}")
    public Response put(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, String body) {
        JsonObject json = parse(body);
        F fields = fieldsOf(json);
        T saved = store.update(entityType(), id, ExpectedVersion.of(ifMatch, versionIn(json)), entity -> apply(entity, fields));
        return withTag(Response.ok(), saved);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, String body) {
        JsonObject patch = parse(body);
        ExpectedVersion expected = ExpectedVersion.of(ifMatch, versionIn(patch));
        JsonObject changes = Json.createObjectBuilder(patch).remove("version").build();
        T saved = store.update(entityType(), id, expected, entity -> {
            JsonValue merged = Json.createMergePatch(changes).apply(VersionedStore.stateOf(entity));
            apply(entity, fieldsOf(merged.asJsonObject()));
        });
        return withTag(Response.ok(), saved);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @QueryParam("version") String version) {
        store.delete(entityType(), id, ExpectedVersion.fromQuery(ifMatch, version));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/history")
    public Page<RevisionView> history(@PathParam("id") long id, @BeanParam Page.Request page) {
        List<RevisionView> revisions = store.history(entityType(), id, page.offset(), page.limit());
        return Page.of(revisions, page, store.historySize(entityType(), id));
    }

    protected static Response withTag(Response.ResponseBuilder response, Versioned entity) {
        return response.tag(new EntityTag(Long.toString(entity.getVersion()))).entity(entity).build();
    }

    protected F fieldsOf(JsonObject json) {
        return Bodies.read(json, fieldsType());
    }

    public static JsonObject parse(String body) {
        return Bodies.parse(body);
    }

    /** The {@code version} member of a body, if any. */
    public static Long versionIn(JsonObject body) {
        return Bodies.whole(body.get("version"), "version", 0, Long.MAX_VALUE);
    }
}
