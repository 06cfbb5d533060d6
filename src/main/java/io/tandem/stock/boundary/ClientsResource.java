package io.tandem.stock.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.stock.entity.Client;
import jakarta.ws.rs.Path;

/** {@code /api/clients}: versioned clients. */
@Path("clients")
public class ClientsResource extends VersionedResource<Client, Client.Fields> {

    @Override
    protected Class<Client> entityType() {
        return Client.class;
    }

    @Override
    protected Class<Client.Fields> fieldsType() {
        return Client.Fields.class;
    }

    @Override
    protected Client create(Client.Fields fields) {
        return new Client(fields);
    }

    @Override
    protected void apply(Client entity, Client.Fields fields) {
        entity.apply(fields);
    }
}
