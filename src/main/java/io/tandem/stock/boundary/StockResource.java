package io.tandem.stock.boundary;

import io.tandem.platform.idempotency.Idempotency;
import io.tandem.platform.json.Bodies;
import io.tandem.platform.listing.ListQuery;
import io.tandem.platform.problem.Require;
import io.tandem.platform.web.Page;
import io.tandem.stock.entity.Allocation;
import io.tandem.stock.entity.Stock;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /api/stock}: stock rows, hand adjustments, allocations and their release. */
@Path("stock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StockResource {

    @Inject
    StockLedger ledger;

    @Inject
    StockAllocations allocations;

    @Inject
    Idempotency idempotency;

    public record NewStock(Long productId, Long clientId, Long quantityOnHand) {
    }

    public record Adjustment(Long delta, String reason) {
    }

    /** One line ({@code product_id, client_id, quantity}) or several ({@code lines}), optionally for an order. */
    public record AllocationRequest(Long productId, Long clientId, Long quantity, List<StockLedger.Line> lines, Long orderId) {
        List<StockLedger.Line> allLines() {
            return lines != null ? lines : List.of(new StockLedger.Line(productId, clientId, quantity));
        }
    }

    /** By product name, SKU and client name; {@code ?q=} finds rows whose product or client contains the text. */
    @GET
    public Page<Stock> list(@BeanParam Page.Request page, @QueryParam("q") String q) {
        Optional<String> text = ListQuery.of(null, q).text();
        return Page.of(ledger.list(text, page.offset(), page.limit()), page, ledger.count(text));
    }

    @GET
    @Path("{id}")
    public Stock get(@PathParam("id") long id) {
        return ledger.get(id);
    }

    @GET
    @Path("{id}/allocations")
    public List<Allocation> allocationsOf(@PathParam("id") long id) {
        ledger.get(id);
        return ledger.allocationsOf(id);
    }

    @POST
    public Response create(String body) {
        NewStock request = read(body, NewStock.class);
        return Response.status(201).entity(ledger.create(request.productId(), request.clientId(), request.quantityOnHand())).build();
    }

    @POST
    @Path("{id}/adjust")
    public Stock adjust(@PathParam("id") long id, String body) {
        return ledger.adjust(id, read(body, Adjustment.class).delta());
    }

    @POST
    @Path("allocate")
    public Response allocate(@HeaderParam(Idempotency.HEADER) String key, String body) {
        AllocationRequest request = read(body, AllocationRequest.class);
        return idempotency.run(key, body, () -> Response.status(201)
                .entity(Map.of("allocations", allocations.allocate(request.allLines(), request.orderId()))).build());
    }

    @POST
    @Path("allocations/{id}/release")
    public Allocation release(@PathParam("id") long id) {
        return ledger.release(id);
    }

    private static <T> T read(String body, Class<T> type) {
        return Require.body(Bodies.read(body, type));
    }
}
