package org.skyshare.app;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A failed command prints one clear sentence, not a stack trace; {@code SKYSHARE_DEBUG=1} adds the
 * trace for the people who fix it.
 */
final class UserErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        String name = cmd.getCommandSpec().qualifiedName().replaceFirst("^skyshare ", "");
        cmd.getErr().println("skyshare " + name + ": " + message(e));
        if ("1".equals(System.getenv("SKYSHARE_DEBUG"))) {
            e.printStackTrace(cmd.getErr());
        }
        cmd.getErr().flush();
        return 1;
    }

    static String message(Throwable e) {
        Throwable t = e;
        // wrappers (ExecutionException, UncheckedIOException...) carry the real sentence in their cause
        while ((t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.io.UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return "failed: " + t.getClass().getSimpleName() + " (run with SKYSHARE_DEBUG=1 for details)";
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + m;
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + m;
        }
        return m;
    }
}
