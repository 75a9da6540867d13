package org.skyshare.profiles;

import java.util.List;
import java.util.stream.Collectors;

/** A profile that cannot be used, with every problem found in it. */
public class ProfileException extends RuntimeException {
    private final List<Problem> problems;

    public ProfileException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public ProfileException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
