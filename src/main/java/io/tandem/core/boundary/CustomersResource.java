package io.tandem.core.boundary;

import io.tandem.core.entity.Customer;
import io.tandem.platform.versioning.VersionedResource;
import jakarta.ws.rs.Path;

/** {@code /api/core/customers}: versioned customers. */
@Path("core/customers")
public class CustomersResource extends VersionedResource<Customer, Customer.Fields> {

    @Override
    protected Class<Customer> entityType() {
        return Customer.class;
    }

    @Override
    protected Class<Customer.Fields> fieldsType() {
        return Customer.Fields.class;
    }

    @Override
    protected Customer create(Customer.Fields fields) {
        return new Customer(fields);
    }

    @Override
    protected void apply(Customer customer, Customer.Fields fields) {
        customer.apply(fields);
    }
}
