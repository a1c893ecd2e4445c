package io.journeyflow.core.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a contact policy file (YAML or JSON); the reference is docs/policies.md. Every field is optional: an empty
 * document is {@link ContactPolicy#defaults()}. Unknown fields and bad values are errors, all reported at once.
 */
public final class PolicyReader {

    private static final Set<String> TOP = Set.of("default_time_zone", "quiet_hours", "caps", "suppressions",
            "arbitration", "max_defer", "best_channel", "best_hour", "profile");
    static final List<String> CATEGORIES = List.of("promotional", "service", "transactional");

    private PolicyReader() {
    }

    public static ContactPolicy read(String text) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readTree(text);
        } catch (Exception e) {
            throw new PolicyException(List.of("not YAML or JSON: "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " ")));
        }
        ContactPolicy defaults = ContactPolicy.defaults();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return defaults;
        }
        Fields top = new Fields(new ArrayList<>(), "");
        if (!root.isObject()) {
            throw new PolicyException(List.of("the policy must be a mapping of " + String.join(", ", TOP)));
        }
        top.onlyKnown(root, TOP);
        ZoneId zone = zone(top, root, "default_time_zone", defaults.defaultZone());
        QuietHours quiet = quietHours(top.nested(root, "quiet_hours"));
        List<FrequencyCap> caps = new ArrayList<>();
        top.each(root, "caps", (item, f) -> caps.add(cap(item, f)));
        List<SuppressionRule> suppressions = new ArrayList<>();
        top.each(root, "suppressions", (item, f) -> suppressions.add(suppression(item, f)));
        Fields arbitration = top.nested(root, "arbitration");
        Fields best = top.nested(root, "best_channel");
        Fields hour = top.nested(root, "best_hour");
        Fields profile = top.nested(root, "profile");
        arbitration.onlyKnown(Set.of("window", "defer"));
        best.onlyKnown(Set.of("prior_clicks", "prior_deliveries", "explore"));
        hour.onlyKnown(Set.of("default_hour"));
        profile.onlyKnown(Set.of("engagement_half_life", "activity", "activity_days", "max_activity_keys"));
        ChannelChoice choice = new ChannelChoice(
                best.number("prior_clicks", defaults.channelChoice().priorClicks(), 0, 1e6),
                best.number("prior_deliveries", defaults.channelChoice().priorDeliveries(), 1e-9, 1e6),
                best.number("explore", defaults.channelChoice().exploreRate(), 0, 1));
        List<ActivityRule> activity = new ArrayList<>();
        profile.each(profile.node(), "activity", (item, f) -> {
            f.onlyKnown(item, Set.of("event", "by"));
            activity.add(new ActivityRule(f.text(item, "event", true), f.text(item, "by", false)));
        });
        ContactPolicy policy = new ContactPolicy(zone, quiet, caps, suppressions,
                arbitration.node() == null
                        ? defaults.arbitrationWindowMillis()
                        : arbitration.duration("window", 0, true),
                arbitration.duration("defer", defaults.arbitrationDeferMillis(), false),
                top.durationOr(root, "max_defer", defaults.maxDeferMillis()), choice,
                (int) hour.number("default_hour", defaults.defaultSendHour(), 0, 23),
                profile.duration("engagement_half_life", defaults.engagementHalfLifeMillis(), false), activity,
                (int) profile.number("activity_days", defaults.activityDays(), 1, 366),
                (int) profile.number("max_activity_keys", defaults.maxActivityKeys(), 1, 1024));
        if (!top.problems().isEmpty()) {
            throw new PolicyException(top.problems());
        }
        return policy;
    }

    private static ZoneId zone(Fields fields, JsonNode node, String name, ZoneId fallback) {
        String text = fields.text(node, name, false);
        try {
            return text == null ? fallback : ZoneId.of(text);
        } catch (DateTimeException e) {
            fields.error(name, "'" + text + "' is not a time zone id such as Europe/Paris or UTC");
            return fallback;
        }
    }

    private static QuietHours quietHours(Fields fields) {
        if (fields.node() == null) {
            return null;
        }
        fields.onlyKnown(Set.of("from", "to", "categories"));
        LocalTime from = time(fields, "from");
        LocalTime to = time(fields, "to");
        if (from != null && from.equals(to)) {
            fields.error("to", "must differ from 'from'");
        }
        Set<String> categories = fields.choices(fields.node(), "categories", CATEGORIES,
                Set.of("promotional", "service"));
        return from == null || to == null ? null : new QuietHours(from, to, categories);
    }

    private static LocalTime time(Fields fields, String name) {
        String text = fields.text(fields.node(), name, true);
        try {
            return text == null ? null : LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            fields.error(name, "'" + text + "' is not a local time such as 21:00");
            return null;
        }
    }

    private static FrequencyCap cap(JsonNode item, Fields f) {
        f.onlyKnown(item, Set.of("id", "channel", "category", "max", "per"));
        String category = f.text(item, "category", false);
        if (FrequencyCap.TRANSACTIONAL.equals(category)) {
            f.error("category", "transactional actions are never capped");
        } else if (category != null && !CATEGORIES.contains(category)) {
            f.error("category", "'" + category + "' is not one of " + String.join(", ", CATEGORIES));
        }
        String id = f.text(item, "id", true);
        return new FrequencyCap(id, f.text(item, "channel", false), category,
                (int) f.number(item, "max", Double.NaN, 1, 1_000), f.durationOf(item, "per", true));
    }

    private static SuppressionRule suppression(JsonNode item, Fields f) {
        f.onlyKnown(item, Set.of("id", "start_on", "end_on", "max", "categories", "journeys"));
        Set<String> categories = f.choices(item, "categories", CATEGORIES, Set.of());
        Set<String> journeys = f.texts(item, "journeys");
        if (categories.isEmpty() && journeys.isEmpty()) {
            f.error("categories", "a suppression needs categories, journeys, or both");
        }
        return new SuppressionRule(f.text(item, "id", true), f.text(item, "start_on", true),
                f.text(item, "end_on", false), f.durationOf(item, "max", true), categories, journeys);
    }
}
