package io.journeyflow.state.cli;

import io.journeyflow.state.StateToolException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Output formats named in lower case on the command line. */
final class Formats {

    private Formats() {
    }

    static <E extends Enum<E>> E parse(Class<E> formats, String name) {
        try {
            return Enum.valueOf(formats, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StateToolException("--format must be one of " + Arrays.stream(formats.getEnumConstants())
                    .map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + "; got '"
                    + name + "'");
        }
    }
}
