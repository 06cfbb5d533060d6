package io.tandem.orders.boundary;

import io.tandem.orders.entity.Order;
import io.tandem.platform.counter.Counters;
import io.tandem.platform.versioning.VersionedResource;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** {@code /api/orders}: versioned orders with unique order numbers. */
@Path("orders")
public class OrdersResource extends VersionedResource<Order, Order.Fields> {

    @Inject
    Counters counters;

    @Override
    protected Class<Order> entityType() {
        return Order.class;
    }

    @Override
    protected Class<Order.Fields> fieldsType() {
        return Order.Fields.class;
    }

    /** Validates first, so an invalid order does not use up a number. */
    @Override
    protected Order create(Order.Fields fields) {
        new Order("pending", fields);
        return new Order(Order.number(counters.next("order_number")), fields);
    }

    @Override
    protected void apply(Order order, Order.Fields fields) {
        order.apply(fields);
    }
}
