package io.journeyflow.state;

import io.journeyflow.job.TestData;
import io.journeyflow.schema.CustomerEvent;
import java.time.Duration;
import java.util.Map;

/** Customer events for the tests, at minutes after {@link TestData#T0}. */
public final class Events {

    private Events() {
    }

    public static long at(int minutes) {
        return TestData.T0 + Duration.ofMinutes(minutes).toMillis();
    }

    public static CustomerEvent event(String customer, String type, int minute) {
        return TestData.event(customer + "-" + type + "-" + minute, customer, type, at(minute));
    }

    public static CustomerEvent event(String customer, String type, int minute, Map<String, Object> properties) {
        return CustomerEvent.newBuilder(event(customer, type, minute)).setProperties(properties).build();
    }
}
