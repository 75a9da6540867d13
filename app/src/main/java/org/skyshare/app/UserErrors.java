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
        if (t instanceof java.nio.charset.CharacterCodingException) {
            // the JDK says "Input length = 1": a reader that did not name its file met text that is not UTF-8
            return "an input file is not UTF-8 text (" + m + "); save it as UTF-8";
        }
        if (t instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return "an input file is too large or too deeply nested to read: " + m.replaceAll(",? ?from `StreamReadConstraints[^`]*`", "");
        }
        if (t instanceof NullPointerException || t instanceof ClassCastException || t instanceof IndexOutOfBoundsException) {
            // a bug, not the user's input: say so rather than print a sentence about Java objects
            return "internal error (" + t.getClass().getSimpleName() + "); run with SKYSHARE_DEBUG=1 for details and report it";
        }
        return m;
    }
}
