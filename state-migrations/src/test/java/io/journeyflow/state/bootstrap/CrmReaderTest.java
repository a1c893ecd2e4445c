package io.journeyflow.state.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.Profile;
import io.journeyflow.state.StateToolException;
import io.journeyflow.state.savepoint.SavedState;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrmReaderTest {

    private static final long AS_OF = 1_700_000_000_000L;

    @Test
    void rowsBecomeProfileOnlyStatesWithTypedAttributesConsentAndTimeZone() throws Exception {
        List<SavedState<String, CustomerState>> rows = read("""
                customer_id,time_zone,consent.email,consent.sms,tier,attributes.ltv:double,orders:long,vip:boolean
                c-1,Europe/Paris,false,yes,gold,1200.5,12,true
                c-2,,,,"silver, plus",,,
                """);

        assertThat(rows).extracting(SavedState::key).containsExactly("c-1", "c-2");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.timers()).isEmpty();
            assertThat(row.value().getInstances()).isEmpty();
            assertThat(row.value().getHistory()).isEmpty();
            assertThat(row.value().getTimerAt()).as("no due time, no timer").isNull();
            assertThat(row.value().getProfile().getUpdatedAt()).isEqualTo(AS_OF);
        });
        Profile first = rows.get(0).value().getProfile();
        assertThat(first.getAttributes()).isEqualTo(Map.of("tier", "gold", "ltv", 1200.5, "orders", 12L, "vip", true));
        assertThat(first.getConsent()).isEqualTo(Map.of("email", false, "sms", true));
        assertThat(first.getTimeZone()).isEqualTo("Europe/Paris");
        Profile second = rows.get(1).value().getProfile();
        assertThat(second.getAttributes()).isEqualTo(Map.of("tier", "silver, plus"));
        assertThat(second.getConsent()).isEmpty();
        assertThat(second.getTimeZone()).isNull();
    }

    @Test
    void aBadRowNamesItsLineAndTheNextRowsStillRead() throws Exception {
        CrmReader reader = new CrmReader(new StringReader("""
                customer_id,time_zone,orders:long,consent.push
                c-1,Mars/Olympus,1,
                c-2,,many,
                c-3,,,maybe
                ,,,
                c-4,,"2
                ",true
                c-5,UTC
                """), AS_OF);
        List<String> problems = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            try {
                ids.add(reader.next().key());
            } catch (CrmRowException e) {
                problems.add(e.getMessage());
            }
        }

        assertThat(reader.next()).isNull();
        assertThat(ids).containsExactly("c-4");
        assertThat(problems).containsExactly(
                "line 2: column 'time_zone': Unknown time-zone ID: Mars/Olympus",
                "line 3: column 'orders': 'many' is not a long",
                "line 4: column 'push': 'maybe' is not a boolean (true/false, yes/no, 1/0)",
                "line 5: customer_id is empty",
                "line 8: 2 fields, but the header has 4");
    }

    @Test
    void headersMustNameKnownChannelsTypesAndACustomerId() {
        assertThatThrownBy(() -> read("customer_id,consent.pigeon\n")).isInstanceOf(StateToolException.class)
                .hasMessage("CRM export: column 'consent.pigeon' names no channel; channels are email, sms, push, "
                        + "in_app, ads, call_center, webhook");
        assertThatThrownBy(() -> read("customer_id,age:int\n")).hasMessage(
                "CRM export: column 'age:int' has an unknown type; types are string, long, double, boolean");
        assertThatThrownBy(() -> read("tier\n")).hasMessage("CRM export has no customer_id column");
        assertThatThrownBy(() -> read("customer_id,tier,attributes.tier\n"))
                .hasMessage("CRM export: column 'attributes.tier' appears twice");
        assertThatThrownBy(() -> read("")).hasMessage("CRM export is empty: it needs a header with customer_id");
    }

    private static List<SavedState<String, CustomerState>> read(String csv) throws IOException {
        CrmReader reader = new CrmReader(new StringReader(csv), AS_OF);
        List<SavedState<String, CustomerState>> rows = new ArrayList<>();
        for (var row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }
}
