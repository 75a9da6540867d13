package org.skyshare.app;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;

import static org.assertj.core.api.Assertions.assertThat;

/** The sentence a failed command prints for exceptions that carry no file name of their own. */
class UserErrorsTest {

    @Test
    void undecodableTextSaysUtf8InsteadOfInputLength() {
        String m = UserErrors.message(new UncheckedIOException(new MalformedInputException(1)));
        assertThat(m).isEqualTo("an input file is not UTF-8 text (Input length = 1); save it as UTF-8");
    }

    @Test
    void jacksonLimitsAreSaidWithoutTheirJavaName() {
        String m = UserErrors.message(new IllegalStateException(null, new StreamConstraintsException(
                "Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)")));
        assertThat(m).isEqualTo("an input file is too large or too deeply nested to read: Document nesting depth (1001) exceeds "
                + "the maximum allowed (1000)");
    }

    @Test
    void aProgrammingErrorIsCalledOneInsteadOfShowingJavaObjects() {
        String m = UserErrors.message(new NullPointerException(
                "Cannot invoke \"com.fasterxml.jackson.core.JsonLocation.getLineNr()\" because the return value is null"));
        assertThat(m).isEqualTo("internal error (NullPointerException); run with SKYSHARE_DEBUG=1 for details and report it");
    }

    @Test
    void anOrdinarySentencePassesUnchanged() {
        assertThat(UserErrors.message(new IllegalArgumentException("x.yaml:3: field 'a': expected a number")))
                .isEqualTo("x.yaml:3: field 'a': expected a number");
    }
}
