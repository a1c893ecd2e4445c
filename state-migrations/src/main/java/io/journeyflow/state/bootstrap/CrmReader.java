package io.journeyflow.state.bootstrap;

import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.Profile;
import io.journeyflow.state.StateToolException;
import io.journeyflow.state.savepoint.SavedState;
import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a CRM export into customer states that hold only a profile (attributes, consent per channel, time zone,
 * {@code updated_at} = the export's time). The header is checked when the reader is made; each bad row throws a
 * {@link CrmRowException} and the next call goes on with the following row.
 */
final class CrmReader {

    private static final long[] NO_TIMERS = new long[0];

    private final CsvRecords records;
    private final List<CrmColumn> columns = new ArrayList<>();
    private final long asOf;

    /** @param asOf epoch millis: when the export was taken, stored as the profiles' {@code updated_at} */
    CrmReader(Reader in, long asOf) throws IOException {
        this.records = new CsvRecords(in);
        this.asOf = asOf;
        List<String> header = records.next();
        if (header == null) {
            throw new StateToolException("CRM export is empty: it needs a header with customer_id");
        }
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            CrmColumn column = CrmColumn.parse(name);
            if (!seen.add(column.kind() + ":" + column.name())) {
                throw new StateToolException("CRM export: column '" + name.strip() + "' appears twice");
            }
            columns.add(column);
        }
        if (columns.stream().noneMatch(c -> c.kind() == CrmColumn.Kind.CUSTOMER_ID)) {
            throw new StateToolException("CRM export has no customer_id column");
        }
    }

    /** The next customer, or {@code null} at the end; blank lines are skipped. */
    SavedState<String, CustomerState> next() throws IOException {
        List<String> cells = records.next();
        while (cells != null && cells.size() == 1 && cells.get(0).isBlank()) {
            cells = records.next();
        }
        if (cells == null) {
            return null;
        }
        long line = records.recordLine();
        if (cells.size() != columns.size()) {
            throw new CrmRowException(line, cells.size() + " fields, but the header has " + columns.size());
        }
        String customerId = null;
        Profile profile = Profile.newBuilder().setAttributes(new HashMap<>()).setConsent(new HashMap<>())
                .setUpdatedAt(asOf).build();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            CrmColumn column = columns.get(i);
            if (column.kind() == CrmColumn.Kind.CUSTOMER_ID) {
                customerId = cell.strip();
            } else if (!cell.isBlank()) {
                set(profile, column, cell, line);
            }
        }
        if (customerId == null || customerId.isEmpty()) {
            throw new CrmRowException(line, "customer_id is empty");
        }
        // Fields left out take their schema defaults: the CRM export knows nothing about journeys or policies. A
        // profile has no due time, so no timer (the default of timer_at marks state from before 0.2).
        CustomerState state = CustomerState.newBuilder().setProfile(profile).setTimerAt(null).build();
        return new SavedState<>(customerId, state, NO_TIMERS);
    }

    private static void set(Profile profile, CrmColumn column, String cell, long line) {
        try {
            switch (column.kind()) {
                case TIME_ZONE -> profile.setTimeZone(ZoneId.of(cell.strip()).getId());
                case CONSENT -> profile.getConsent().put(column.name(), (Boolean) column.value(cell));
                case ATTRIBUTE -> profile.getAttributes().put(column.name(), column.value(cell));
                case CUSTOMER_ID -> throw new IllegalStateException("customer_id is not a profile field");
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new CrmRowException(line, "column '" + column.name() + "': " + e.getMessage());
        }
    }
}
