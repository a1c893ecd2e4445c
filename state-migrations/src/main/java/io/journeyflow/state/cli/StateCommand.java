package io.journeyflow.state.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code journeyctl state}: the orchestrator's savepoints as data, and savepoints made from data. */
@Command(name = "state", mixinStandardHelpOptions = true,
        subcommands = {FunnelCommand.class, ProfilesCommand.class, InspectCommand.class, BootstrapCommand.class},
        description = "Savepoints as data: funnel, profiles, inspect; and bootstrap a savepoint from a CRM export.")
public final class StateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
