package io.journeyflow.state.example;

import io.journeyflow.schema.CustomerEvent;
import java.util.Map;

/** Reads a {@code remind} event: {@code {channel, address, due}} in its properties, {@code due} in epoch millis. */
final class Requests {

    static final String REMIND = "remind";

    private Requests() {
    }

    static CustomerEvent remind(String customer, String channel, String address, long due, long at) {
        return CustomerEvent.newBuilder().setEventId(customer + "-" + due).setCustomerId(customer).setType(REMIND)
                .setTs(at).setProperties(Map.of("channel", channel, "address", address, "due", due)).build();
    }

    static String channel(CustomerEvent request) {
        return request.getProperties().get("channel").toString();
    }

    static String address(CustomerEvent request) {
        return request.getProperties().get("address").toString();
    }

    static long due(CustomerEvent request) {
        return ((Number) request.getProperties().get("due")).longValue();
    }
}
