package org.skyshare.profiles;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a person's input file (configuration, assets, profiles, patrols, routing rules) with an
 * error that names the file and says what is wrong with it: missing, a folder, unreadable, not
 * UTF-8. The JDK's own messages ("Input length = 1", "Is a directory") say neither.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * The file's text, decoded strictly as UTF-8 (a leading byte order mark is dropped).
     *
     * @param expected what the file should be, e.g. "a station configuration (YAML)"
     */
    public static String readText(Path file, String expected) {
        byte[] bytes = readBytes(file, expected);
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new InputFileException(file, "not UTF-8 text (" + firstBadByte(bytes, start) + "); expected "
                    + expected + " saved as UTF-8");
        }
    }

    /** The file's bytes, for formats that carry their own encoding (KML, images). */
    public static byte[] readBytes(Path file, String expected) {
        if (Files.isDirectory(file)) {
            throw new InputFileException(file, "is a folder; expected " + expected);
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file, "no such file; expected " + expected);
        } catch (AccessDeniedException e) {
            throw new InputFileException(file, "permission denied; cannot read " + expected);
        } catch (IOException e) {
            throw new InputFileException(file, "cannot read " + expected + " (" + e.getMessage() + ")");
        } catch (OutOfMemoryError e) {
            throw new InputFileException(file, "too large to read as " + expected);
        }
    }

    /** Checks that a file exists, is not a folder and can be read, for readers that open it themselves. */
    public static void requireReadableFile(Path file, String expected) {
        if (Files.isDirectory(file)) {
            throw new InputFileException(file, "is a folder; expected " + expected);
        }
        if (!Files.exists(file)) {
            throw new InputFileException(file, "no such file; expected " + expected);
        }
        if (!Files.isReadable(file)) {
            throw new InputFileException(file, "permission denied; cannot read " + expected);
        }
    }

    /**
     * Where and what a JSON or YAML parse error is, as "line L, column C: ..."; a limit of Jackson's
     * {@code StreamReadConstraints} (nesting depth, string or number length) carries no location,
     * so it gets a sentence of its own.
     */
    public static String parseProblem(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return "too large or too deeply nested to read: " + what.replaceAll(",? ?from `StreamReadConstraints[^`]*`", "");
        }
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return what;
        }
        return "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what;
    }

    private static String firstBadByte(byte[] bytes, int start) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // find the first offset where decoding fails, by decoding growing prefixes line by line
        int line = 1;
        int lineStart = start;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, lineStart, i - lineStart));
                } catch (CharacterCodingException bad) {
                    return "an invalid byte on line " + line;
                }
                line++;
                lineStart = i + 1;
            }
        }
        return "an invalid byte on line " + line;
    }

    /** An input file that cannot be read; the message names the file and what was expected. */
    public static final class InputFileException extends IllegalArgumentException {
        private final String reason;

        public InputFileException(Path file, String reason) {
            super(file + ": " + reason);
            this.reason = reason;
        }

        /** The sentence without the file name, for messages that place the name themselves. */
        public String reason() {
            return reason;
        }
    }
}
