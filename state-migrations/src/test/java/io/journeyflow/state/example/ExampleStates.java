package io.journeyflow.state.example;

import io.journeyflow.job.OperatorIds;
import io.journeyflow.state.example.v1.Reminder;
import io.journeyflow.state.example.v2.Recipient;
import io.journeyflow.state.example.v2.Schedule;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/**
 * The migration example's uids, types and state descriptors, declared once as the real job's are in
 * {@code OperatorIds}, {@code StreamTypes} and {@code StateDescriptors}. Version 1 keeps one {@link Reminder} per
 * customer; version 2 splits it into a {@link Schedule} and a {@link Recipient}, under the same operator uid.
 */
final class ExampleStates {

    static final OperatorIds.Id REQUESTS = new OperatorIds.Id("reminder-requests", "Reminder requests");
    static final OperatorIds.Id REMINDERS = new OperatorIds.Id("reminders", "Reminders");
    static final OperatorIds.Id SENT = new OperatorIds.Id("reminders-sent", "Reminders sent");

    static final TypeInformation<Reminder> REMINDER = new AvroTypeInfo<>(Reminder.class);
    static final TypeInformation<Schedule> SCHEDULE = new AvroTypeInfo<>(Schedule.class);
    static final TypeInformation<Recipient> RECIPIENT = new AvroTypeInfo<>(Recipient.class);

    private ExampleStates() {
    }

    /** Version 1. */
    static ValueStateDescriptor<Reminder> reminder() {
        return new ValueStateDescriptor<>("reminder", REMINDER);
    }

    /** Version 2, when. */
    static ValueStateDescriptor<Schedule> schedule() {
        return new ValueStateDescriptor<>("schedule", SCHEDULE);
    }

    /** Version 2, where. */
    static ValueStateDescriptor<Recipient> recipient() {
        return new ValueStateDescriptor<>("recipient", RECIPIENT);
    }
}
