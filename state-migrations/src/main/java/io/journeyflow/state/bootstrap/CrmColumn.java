package io.journeyflow.state.bootstrap;

import io.journeyflow.job.JobConfig;
import io.journeyflow.state.StateToolException;
import java.util.Locale;

/**
 * One column of a CRM export, from its header: {@code customer_id}, {@code time_zone}, {@code consent.<channel>}, or
 * an attribute: {@code [attributes.]<name>[:string|long|double|boolean]} (string when no type is given).
 */
record CrmColumn(Kind kind, String name, Type type) {

    enum Kind { CUSTOMER_ID, TIME_ZONE, CONSENT, ATTRIBUTE }

    enum Type { STRING, LONG, DOUBLE, BOOLEAN }

    static CrmColumn parse(String header) {
        String text = header.strip();
        if (text.equals("customer_id")) {
            return new CrmColumn(Kind.CUSTOMER_ID, text, Type.STRING);
        }
        if (text.equals("time_zone")) {
            return new CrmColumn(Kind.TIME_ZONE, text, Type.STRING);
        }
        if (text.startsWith("consent.")) {
            String channel = text.substring("consent.".length());
            if (!JobConfig.CHANNELS.contains(channel)) {
                throw new StateToolException("CRM export: column '" + text + "' names no channel; channels are "
                        + String.join(", ", JobConfig.CHANNELS));
            }
            return new CrmColumn(Kind.CONSENT, channel, Type.BOOLEAN);
        }
        String name = text.startsWith("attributes.") ? text.substring("attributes.".length()) : text;
        int colon = name.lastIndexOf(':');
        Type type = Type.STRING;
        if (colon >= 0) {
            String typeName = name.substring(colon + 1).toUpperCase(Locale.ROOT);
            try {
                type = Type.valueOf(typeName);
            } catch (IllegalArgumentException e) {
                throw new StateToolException("CRM export: column '" + text
                        + "' has an unknown type; types are string, long, double, boolean");
            }
            name = name.substring(0, colon);
        }
        if (name.isBlank()) {
            throw new StateToolException("CRM export: a column has no name (header '" + header + "')");
        }
        return new CrmColumn(Kind.ATTRIBUTE, name, type);
    }

    /** The cell as this column's type; an empty cell is never passed here. */
    Object value(String cell) {
        try {
            return switch (type) {
                case STRING -> cell;
                case LONG -> Long.parseLong(cell.strip());
                case DOUBLE -> Double.parseDouble(cell.strip());
                case BOOLEAN -> bool(cell);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cell + "' is not a " + type.name().toLowerCase(Locale.ROOT));
        }
    }

    private Boolean bool(String cell) {
        return switch (cell.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException("'" + cell + "' is not a boolean (true/false, yes/no, 1/0)");
        };
    }
}
