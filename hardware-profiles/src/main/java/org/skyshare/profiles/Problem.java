package org.skyshare.profiles;

/** One thing wrong in a profile file, located well enough for a person to fix it. */
public record Problem(String file, int line, String field, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return field == null || field.isEmpty()
                ? where + ": " + message
                : where + ": field '" + field + "': " + message;
    }
}
