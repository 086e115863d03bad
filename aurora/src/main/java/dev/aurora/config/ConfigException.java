package dev.aurora.config;

import java.util.List;

/**
 * A configuration that cannot be used: a missing or malformed file, an unknown key, a value of the
 * wrong type or out of range. It carries every problem found, each naming its source and key, and
 * its message lists them one per line.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /**
     * A failure listing these problems; the message has one line per problem.
     *
     * @param problems at least one problem
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public ConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** {@return every problem found, in the order they were found} */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        if (problems.size() == 1) {
            return "Invalid configuration: " + problems.getFirst();
        }
        StringBuilder text = new StringBuilder("Invalid configuration (" + problems.size() + " problems):");
        for (ConfigProblem problem : problems) {
            text.append("\n  ").append(problem);
        }
        return text.toString();
    }
}
