package org.d3m.commands;

import java.util.stream.Collectors;
import org.d3m.ij.fields.CommandProvenance;

/** A command's inputs as the key=value text the launcher and macros accept (for provenance notes). */
final class CommandLine {

    private CommandLine() {
    }

    static String of(Object command) {
        return CommandProvenance.of(command, "").entries().entrySet().stream()
                .filter(e -> !e.getKey().equals("what") && !e.getKey().equals("version") && !e.getKey().equals("created")
                        && !e.getKey().equals("command"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
