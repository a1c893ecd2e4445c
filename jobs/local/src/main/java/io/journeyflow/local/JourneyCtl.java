package io.journeyflow.local;

import io.journeyflow.local.generate.GenerateCommand;
import io.journeyflow.local.kafka.SendCommand;
import io.journeyflow.local.kafka.TailCommand;
import io.journeyflow.local.kafka.TopicsCommand;
import io.journeyflow.local.simulate.SimulateCommand;
import io.journeyflow.state.cli.StateCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code journeyctl} command line: {@code simulate}, {@code generate}, {@code topics}, {@code send}, {@code tail},
 * {@code state}.
 */
@Command(name = "journeyctl", mixinStandardHelpOptions = true, version = "journeyctl 0.1.0",
        subcommands = {SimulateCommand.class, GenerateCommand.class, TopicsCommand.class, SendCommand.class,
            TailCommand.class, StateCommand.class, CommandLine.HelpCommand.class},
        description = "Journeyflow's tool: simulate journeys over event files, generate events, create the job's "
                + "topics, send it events, read what it committed, read and write the job's savepoints.")
public final class JourneyCtl implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** The command line, for callers (and tests) that set their own output writers. */
    public static CommandLine commandLine() {
        return new CommandLine(new JourneyCtl());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
