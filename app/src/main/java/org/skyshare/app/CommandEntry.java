package org.skyshare.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * One subcommand of the CLI, named by the class its module provides. A module that is not built
 * (or a command not written yet) still shows in the help and says so plainly when run.
 */
record CommandEntry(String name, String className, String summary) {

    Object instantiate() {
        try {
            return Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return new NotBuilt(name, summary);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create command " + name + " (" + className + ")", e);
        }
    }

    @Command(mixinStandardHelpOptions = true)
    static final class NotBuilt implements Callable<Integer> {
        private final String name;
        private final String summary;
        @Spec
        CommandSpec spec;

        NotBuilt(String name, String summary) {
            this.name = name;
            this.summary = summary;
        }

        @Override
        public Integer call() {
            spec.commandLine().getErr().println("skyshare " + name + ": not built yet in this version (" + summary + ").");
            return 1;
        }
    }
}
