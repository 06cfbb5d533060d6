package io.tandem.platform.listing;

import io.tandem.it.Api;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ?sort=} and {@code ?q=} on the versioned collections: both directions with ties in id order, search in
 * any text member with the user's wildcards taken literally, totals that count the matches, scoped lists, 400s
 * naming the parameter — and every sortable member the document offers is one the server accepts, and no other.
 * The suite shares one database, so each test searches for a tag of its own.
 */
class ListingIT {

    Api api;
    String token;
    String tag;

    @BeforeEach
    void signIn() {
        api = new Api(TestServer.url());
        String admin = api.admin().access();
        token = api.login(api.createUser(admin, "lister", "USER").getString("username"), Api.PASSWORD).access();
        tag = "lst" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long storage(String name, String location) {
        return api.post("/api/storage", token, Json.createObjectBuilder().add("name", name).add("vendor", "IBM")
                .add("location", location).build()).ok().getJsonNumber("id").longValue();
    }

    private JsonObject list(String collection, String query) {
        return api.get("/api/" + collection + "?" + query, token).ok();
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(item -> item.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void sortsAscendingAndDescending_ignoringCase_tiesInIdOrder_andTheTotalCountsTheMatches() {
        long b = storage(tag + "-b", "Hall 1");
        long upperA = storage(tag + "-A", "Hall 2");
        long c = storage(tag + "-c", "Hall 3");
        long lowerA = storage(tag + "-a", "Hall 4");
        storage("Not found by the search", "Hall 5");

        JsonObject ascending = list("storage", "q=" + tag + "&sort=name");
        assertEquals(List.of(upperA, lowerA, b, c), ids(ascending));
        assertEquals(4, ascending.getInt("total"));
        assertEquals(List.of(c, b, upperA, lowerA), ids(list("storage", "q=" + tag + "&sort=-name")),
                "descending; the two names that sort alike still come by id");
        assertEquals(List.of(lowerA, c, upperA, b), ids(list("storage", "q=" + tag + "&sort=-location")));
        assertEquals(List.of(lowerA, c, upperA, b), ids(list("storage", "q=" + tag + "&sort=-id")));

        JsonObject secondPage = list("storage", "q=" + tag + "&sort=name&size=3&page=2");
        assertEquals(List.of(c), ids(secondPage));
        assertEquals(4, secondPage.getInt("total"), "the total counts every match, not the page");
        assertTrue(list("storage", "size=1").getInt("total") > 4, "without q every storage system counts");
    }

    @Test
    void searchIgnoresCase_looksInEveryTextMember_andTakesWildcardsLiterally() {
        long percent = storage(tag + " 100% sure", "Hall A");
        long noPercent = storage(tag + " 1000 sure", "Hall A");
        long underscore = storage(tag + " a_b", "Hall A");
        long noUnderscore = storage(tag + " axb", "Hall A");
        long inLocation = storage("Elsewhere", "Basement of " + tag.toUpperCase());

        assertEquals(List.of(percent, noPercent, underscore, noUnderscore, inLocation), ids(list("storage", "q=" + tag)));
        assertEquals(List.of(percent), ids(list("storage", "q=" + encoded(tag + " 100%"))));
        assertEquals(List.of(underscore), ids(list("storage", "q=" + encoded(tag + " a_b"))));
        assertEquals(List.of(inLocation), ids(list("storage", "q=" + encoded("basement OF " + tag))));
        JsonObject none = list("storage", "q=" + encoded(tag + "%' OR '1'='1"));
        assertEquals(0, none.getInt("total"));
        assertTrue(none.getJsonArray("items").isEmpty());
    }

    @Test
    void scopedListsSortAndSearchWithinTheirScope() {
        long customer = api.post("/api/core/customers", token, Json.createObjectBuilder().add("name", tag).build())
                .ok().getJsonNumber("id").longValue();
        long other = api.post("/api/core/customers", token, Json.createObjectBuilder().add("name", tag + "-other").build())
                .ok().getJsonNumber("id").longValue();
        List<Long> projects = new ArrayList<>();
        for (String name : List.of("Gamma " + tag, "alpha " + tag, "Beta " + tag)) {
            projects.add(api.post("/api/core/projects", token, Json.createObjectBuilder().add("name", name)
                    .add("customer_id", customer).build()).ok().getJsonNumber("id").longValue());
        }
        api.post("/api/core/projects", token, Json.createObjectBuilder().add("name", "alpha " + tag).add("customer_id", other).build()).ok();

        JsonObject ofCustomer = list("core/projects", "customer_id=" + customer + "&sort=name");
        assertEquals(List.of(projects.get(1), projects.get(2), projects.get(0)), ids(ofCustomer));
        assertEquals(3, ofCustomer.getInt("total"));
        JsonObject alpha = list("core/projects", "customer_id=" + customer + "&q=ALPHA");
        assertEquals(List.of(projects.get(1)), ids(alpha));
        assertEquals(1, alpha.getInt("total"));
        assertEquals(2, list("core/projects", "q=" + encoded("alpha " + tag)).getInt("total"), "without the scope both customers' count");
        api.get("/api/core/projects?customer_id=x", token).problem(400);

        for (String alias : List.of(tag + "_b", tag + "_a")) {
            api.post("/api/san/aliases", token, Json.createObjectBuilder().add("project_id", projects.get(0)).add("name", alias)
                    .add("wwpn", "50:00:00:00:" + randomWwpnTail()).add("fabric", "FAB_A").build()).ok();
        }
        JsonObject aliases = list("san/aliases", "project_id=" + projects.get(0) + "&sort=-name&q=" + encoded(tag + "_"));
        assertEquals(List.of(tag + "_b", tag + "_a"), aliases.getJsonArray("items").stream()
                .map(a -> a.asJsonObject().getString("name")).toList());
        assertEquals(2, aliases.getInt("total"));
    }

    private static String randomWwpnTail() {
        String hex = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        return hex.substring(0, 2) + ":" + hex.substring(2, 4) + ":" + hex.substring(4, 6) + ":" + hex.substring(6, 8);
    }

    @Test
    void aSortByAnythingButAMember_orTooLongASearch_isA400NamingTheParameter() {
        for (String sort : List.of("nope", "-", "--name", "password_hash", "members", "name;DROP TABLE customer",
                "lower(name)", "name desc", "NAME")) {
            JsonObject problem = api.get("/api/core/customers?sort=" + encoded(sort), token).problem(400);
            assertEquals("sort", problem.getString("field"), sort);
        }
        JsonObject zones = api.get("/api/san/zones?sort=members", token).problem(400);
        assertTrue(!zones.getJsonArray("sortable").contains(Json.createValue("members")), "a list member is no sort key");
        JsonObject tooLong = api.get("/api/storage?q=" + "x".repeat(ListQuery.MAX_TEXT + 1), token).problem(400);
        assertEquals("q", tooLong.getString("field"));
        assertEquals(200, api.get("/api/storage?q=" + "x".repeat(ListQuery.MAX_TEXT), token).status());
    }

    /**
     * The document's {@code sort} enum is made by reflection, the server's whitelist from the JPA metamodel: for
     * every list that takes {@code sort}, the two name the same members, and the database sorts by each of them.
     */
    @Test
    void everySortTheDocumentOffersIsAccepted_andTheServerAcceptsNoOther() {
        JsonObject paths = api.send("GET", "/openapi", null, null, null, "Accept", "application/json").json().getJsonObject("paths");
        Map<String, List<String>> offered = new TreeMap<>();
        paths.forEach((path, operations) -> {
            JsonObject get = operations.asJsonObject().getJsonObject("get");
            JsonArray parameters = get == null ? null : get.getJsonArray("parameters");
            if (parameters != null) {
                parameters.stream().map(JsonValue::asJsonObject).filter(p -> p.getString("name").equals("sort"))
                        .forEach(p -> offered.put(path, p.getJsonObject("schema").getJsonArray("enum").stream()
                                .map(v -> ((JsonString) v).getString()).filter(v -> !v.startsWith("-")).toList()));
            }
        });
        assertTrue(offered.size() >= 19, () -> "lists with sort: " + offered.keySet());
        offered.forEach((path, members) -> {
            JsonObject refused = api.get(path + "?sort=not_a_member", token).problem(400);
            List<String> accepted = refused.getJsonArray("sortable").stream().map(v -> ((JsonString) v).getString()).toList();
            assertEquals(members, accepted, path);
            assertTrue(members.containsAll(List.of("id", "version", "last_modified_at", "last_modified_by")), path);
            for (String member : members) {
                assertEquals(200, api.get(path + "?size=2&sort=-" + member, token).status(), path + " sorted by " + member);
            }
        });
    }
}
