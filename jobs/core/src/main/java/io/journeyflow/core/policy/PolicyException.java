package io.journeyflow.core.policy;

import java.util.List;

/** A policy file that cannot be used; every problem is listed, each naming its field. */
public final class PolicyException extends IllegalArgumentException {

    private final List<String> problems;

    public PolicyException(List<String> problems) {
        super("the contact policy has " + problems.size() + (problems.size() == 1 ? " error: " : " errors: ")
                + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
