package org.d3m.spark;

import java.util.List;
import java.util.Map;
import org.d3m.ij.Commands;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleException;

/**
 * A job's keys parsed exactly as {@code ./d3m COMMAND} parses them: the command's {@code @Parameter}
 * fields (here through a subclass of the plugin's command, so the keys, defaults, checks and messages
 * are the command's), converted by the plugin's {@link Commands#parseKeyValues}. No SciJava context is
 * started; the object is never run as a command.
 */
final class CommandKeys<T extends Command> {

    final CommandInfo info;
    final Module module;
    final T command;

    private CommandKeys(CommandInfo info, Module module, T command) {
        this.info = info;
        this.module = module;
        this.command = command;
    }

    /** The keys of {@code type} under the CLI name {@code name}. */
    static <T extends Command> CommandInfo info(Class<T> type, String name) {
        CommandInfo info = new CommandInfo(type);
        info.setName(name);
        return info;
    }

    @SuppressWarnings("unchecked")
    static <T extends Command> CommandKeys<T> parse(Class<T> type, String name, List<String> keyValues) {
        CommandInfo info = info(type, name);
        Map<String, Object> values = Commands.parseKeyValues(info, keyValues);
        Module m;
        try {
            m = info.createModule();
        } catch (ModuleException e) {
            throw new IllegalStateException("cannot instantiate " + type.getName() + ": " + e.getMessage(), e);
        }
        values.forEach(m::setInput);
        return new CommandKeys<>(info, m, (T) m.getDelegateObject());
    }

    /** A key's value (the command's field). */
    Object get(String key) {
        return module.getInput(key);
    }

    int getInt(String key) {
        return ((Number) get(key)).intValue();
    }

    long getLong(String key) {
        return ((Number) get(key)).longValue();
    }
}
