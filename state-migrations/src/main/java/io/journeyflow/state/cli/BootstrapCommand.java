package io.journeyflow.state.cli;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.OperatorIds;
import io.journeyflow.state.bootstrap.CrmBootstrap;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code journeyctl state bootstrap}: a savepoint holding the profiles of a CRM export, for a new deployment. */
@Command(name = "bootstrap", mixinStandardHelpOptions = true,
        description = {"Builds a savepoint of the orchestrator job from a CRM export (CSV), so a new deployment "
                + "starts with known profiles: start the job from it (flink run -s DIR ...).",
                "Columns: customer_id (required), time_zone (IANA id), consent.<channel> (true/false, yes/no, "
                        + "1/0), and attributes: [attributes.]<name>[:string|long|double|boolean]. Empty cells are "
                        + "left unset."})
public final class BootstrapCommand extends StateSubcommand {

    /** Exit code when the export has bad rows (nothing was written). */
    public static final int INVALID_EXPORT = 2;

    @Option(names = "--crm", required = true, paramLabel = "FILE", description = "The CRM export (CSV, UTF-8).")
    private Path crm;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new savepoint directory.")
    private String out;

    @Option(names = "--as-of", paramLabel = "TIME",
            description = "When the export was taken (the profiles' updated_at). Default: now.")
    private Instant asOf;

    @Option(names = "--max-parallelism", paramLabel = "N",
            description = "The job's max parallelism; must equal the job's. Default: ${DEFAULT-VALUE}.")
    private int maxParallelism = JobConfig.defaults().maxParallelism();

    @Option(names = "--parallelism", defaultValue = "2", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    private int parallelism;

    @Override
    int run(PrintWriter stdout, PrintWriter err) throws Exception {
        CrmBootstrap bootstrap = new CrmBootstrap(crm, asOf == null ? Instant.now() : asOf, err);
        CrmBootstrap.Check check = bootstrap.check();
        if (check.badRows() > 0) {
            err.printf("%s has %,d bad rows, nothing was written:%n", crm, check.badRows());
            check.errors().forEach(error -> err.println("  " + error));
            if (check.badRows() > check.errors().size()) {
                err.printf("  ... and %,d more%n", check.badRows() - check.errors().size());
            }
            err.flush();
            return INVALID_EXPORT;
        }
        bootstrap.write(out, check.customers(), maxParallelism, parallelism);
        stdout.printf("savepoint %s: %,d customer profiles under uid '%s', max parallelism %d%n", out,
                check.customers(), OperatorIds.ORCHESTRATOR.uid(), maxParallelism);
        stdout.flush();
        return 0;
    }
}
