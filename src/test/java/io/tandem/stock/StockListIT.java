package io.tandem.stock;

import io.tandem.it.Api;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stock screen's list: by product name, then SKU and client; {@code ?q=} finds a product or a client. */
class StockListIT {

    final Api api = new Api(TestServer.url());

    @Test
    void rowsComeByProductNameAndTheSearchFindsProductsAndClients_wildcardsLiteral() {
        String admin = api.admin().access();
        String manager = api.login(api.createUser(admin, "stocklist", "MANAGER").getString("username"), Api.PASSWORD).access();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long zebra = product(manager, "Z-" + unique, "Zebra labels " + unique);
        long apple = product(manager, "A-" + unique, "Apple boxes " + unique);
        long north = client(manager, "North " + unique);
        long south = client(manager, "South_" + unique);
        long zebraNorth = stock(manager, zebra, north);
        long appleSouth = stock(manager, apple, south);
        long appleNorth = stock(manager, apple, north);

        assertEquals(List.of(appleNorth, appleSouth, zebraNorth), ids("/api/stock?q=" + unique, manager));
        assertEquals(List.of(appleNorth, zebraNorth), ids("/api/stock?q=NORTH%20" + unique, manager));
        assertEquals(List.of(zebraNorth), ids("/api/stock?q=z-" + unique, manager));
        assertEquals(List.of(appleSouth), ids("/api/stock?q=south_" + unique, manager));
        assertEquals(List.of(), ids("/api/stock?q=south%25" + unique, manager), "% matches only itself");
        assertEquals(3, api.get("/api/stock?size=1&q=" + unique, manager).ok().getInt("total"));
        assertEquals("q", api.get("/api/stock?q=" + "x".repeat(201), manager).problem(400).getString("field"));
    }

    private List<Long> ids(String path, String token) {
        return api.get(path, token).ok().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(o -> o.getJsonNumber("id").longValue()).toList();
    }

    private long product(String token, String sku, String name) {
        return api.post("/api/products", token, Json.createObjectBuilder().add("sku", sku).add("name", name).build()).ok().getInt("id");
    }

    private long client(String token, String name) {
        return api.post("/api/clients", token, Json.createObjectBuilder().add("name", name).build()).ok().getInt("id");
    }

    private long stock(String token, long product, long client) {
        JsonObject body = Json.createObjectBuilder().add("product_id", product).add("client_id", client).add("quantity_on_hand", 1).build();
        return api.post("/api/stock", token, body).ok().getInt("id");
    }
}
