package io.journeyflow.state.cli;

import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.state.StateToolException;
import io.journeyflow.state.inspect.CustomerReport;
import io.journeyflow.state.savepoint.KeyFilter;
import io.journeyflow.state.savepoint.SavedState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code journeyctl state inspect CUSTOMER}: everything the job holds for one customer. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Everything the job holds for one customer: journeys in flight, re-entry history, profile, "
                + "recent event ids, and every registered event-time timer with what it is for. Instants are ISO "
                + "times (UTC).")
public final class InspectCommand extends StateSubcommand {

    enum Format { TEXT, JSON }

    @Mixin
    private SavepointOptions savepoint;

    @Parameters(index = "0", paramLabel = "CUSTOMER", description = "The customer id.")
    private String customer;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (YAML) or json. Default: ${DEFAULT-VALUE}.")
    private String format;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        Format output = Formats.parse(Format.class, format);
        List<SavedState<String, CustomerState>> found = new ArrayList<>();
        savepoint.customers(err).forEach("inspect", KeyFilter.only(customer), found::add);
        if (found.isEmpty()) {
            throw new StateToolException("the savepoint holds nothing for customer '" + customer
                    + "' (no journey, no history, no profile)");
        }
        CustomerReport report = new CustomerReport(found.get(0));
        if (output == Format.JSON) {
            report.printJson(out);
        } else {
            report.printText(out);
        }
        return 0;
    }
}
