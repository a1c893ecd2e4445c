package io.journeyflow.state.cli;

import io.journeyflow.state.StateToolException;
import io.journeyflow.state.profiles.ProfileFilter;
import io.journeyflow.state.profiles.ProfileSink;
import io.journeyflow.state.profiles.ProfilesQuery;
import io.journeyflow.state.savepoint.KeyFilter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code journeyctl state profiles}: customer id and profile of the customers the filters keep. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = {"Exports profiles (customer id + profile record) as JSON lines or CSV. Paths name profile "
                + "fields as the CSV columns do: attributes.<name>, consent.<channel>, time_zone, updated_at, and "
                + "any field the profile gains later.",
                "--customer and --prefix select customers (a customer matching either is kept); --has and --where "
                        + "must all hold."})
public final class ProfilesCommand extends StateSubcommand {

    enum Format { JSONL, CSV }

    @Mixin
    private SavepointOptions savepoint;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "FORMAT",
            description = "jsonl or csv. Default: ${DEFAULT-VALUE}.")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write. Default: standard output.")
    private Path file;

    @Option(names = "--customer", paramLabel = "ID", split = ",", description = "Only these customer ids.")
    private List<String> customers = new ArrayList<>();

    @Option(names = "--prefix", paramLabel = "PREFIX", split = ",", description = "Only ids starting with PREFIX.")
    private List<String> prefixes = new ArrayList<>();

    @Option(names = "--has", paramLabel = "PATH",
            description = "Only profiles where PATH is set, e.g. attributes.tier.")
    private List<String> has = new ArrayList<>();

    @Option(names = "--where", paramLabel = "PATH=VALUE",
            description = "Only profiles where PATH equals VALUE as text, e.g. consent.email=false.")
    private List<String> where = new ArrayList<>();

    @Override
    int run(PrintWriter out, PrintWriter err) throws IOException {
        Format output = Formats.parse(Format.class, format);
        ProfileFilter filter = ProfileFilter.of(has, where);
        KeyFilter keys = new KeyFilter(Set.copyOf(customers), prefixes);
        ProfilesQuery query = new ProfilesQuery(savepoint.customers(err));
        long written;
        try (PrintWriter target = file == null ? out : open(file);
             ProfileSink sink = output == Format.CSV ? ProfileSink.csv(target) : ProfileSink.jsonLines(target)) {
            written = query.export(keys, filter, sink);
        }
        err.printf("%,d profiles written%s%n", written, file == null ? "" : " to " + file);
        err.flush();
        return 0;
    }

    private static PrintWriter open(Path file) {
        try {
            return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StateToolException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
