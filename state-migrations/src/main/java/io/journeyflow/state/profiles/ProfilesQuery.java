package io.journeyflow.state.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyflow.schema.state.Profile;
import io.journeyflow.state.customer.CustomerStates;
import io.journeyflow.state.render.AvroJson;
import io.journeyflow.state.render.Flat;
import io.journeyflow.state.savepoint.KeyFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Exports the profiles of the customers the filters keep. The profile record is rendered from its schema, so fields
 * added to it later are exported without a change here. Customers without a profile are skipped.
 */
public final class ProfilesQuery {

    private final CustomerStates customers;

    public ProfilesQuery(CustomerStates customers) {
        this.customers = customers;
    }

    /** Returns how many profiles were written. */
    public long export(KeyFilter keys, ProfileFilter filter, ProfileSink sink) {
        long[] written = {0};
        customers.forEach("profiles", keys, customer -> {
            Profile profile = customer.value() == null ? null : customer.value().getProfile();
            if (profile == null) {
                return;
            }
            JsonNode tree = AvroJson.of(profile);
            Map<String, String> flat = Flat.of(tree);
            if (filter.test(flat)) {
                try {
                    sink.add(customer.key(), tree, flat);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written[0]++;
            }
        });
        return written[0];
    }
}
