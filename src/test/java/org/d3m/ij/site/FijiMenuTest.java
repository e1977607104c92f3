package org.d3m.ij.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scijava.command.Command;
import org.scijava.plugin.Plugin;
import org.d3m.ij.Commands;

/**
 * Fiji shows each D3M command once, with our dialog (docs/user-guide.md, "Installing into Fiji"):
 * imagej-legacy's {@code IJ1Helper.addMenuItems} puts every SciJava command with a menu path into
 * ImageJ 1's menus and, for a label that plugins.config already gave, takes the label over (the
 * generic SciJava form would replace our dialog). {@code LegacyService.getScriptsAndNonLegacyCommands}
 * skips commands whose {@code @Plugin(visible = false)}; so every D3M command is invisible to
 * SciJava's menus and has its plugins.config line instead.
 */
class FijiMenuTest {

    @Test
    void everyD3mCommandIsHiddenFromSciJavaMenusAndListedInPluginsConfig() throws Exception {
        String index = resource(PluginsConfigGenerator.INDEX);
        String config = resource("plugins.config");
        List<String> commands = new ArrayList<>();
        for (Object o : new PluginsConfigGenerator.Json(index).all()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) o;
            String cls = String.valueOf(entry.get("class"));
            Class<?> c = Class.forName(cls);
            Plugin plugin = c.getAnnotation(Plugin.class);
            if (plugin == null || plugin.type() != Command.class || !cls.startsWith("org.d3m.commands.")
                    || plugin.menuPath().isBlank()) {
                continue;
            }
            commands.add(cls);
            assertFalse(plugin.visible(), cls + ": @Plugin(visible = false), or Fiji adds a second, SciJava entry");
            String leaf = plugin.menuPath().substring(plugin.menuPath().lastIndexOf('>') + 1).trim();
            String menu = plugin.menuPath().substring(0, plugin.menuPath().lastIndexOf('>')).replace(" ", "");
            String line = menu + ", \"" + leaf + "\", org.d3m.ij.bridge.CommandBridge(\"" + cls + "\")";
            assertEquals(1, config.lines().filter(line::equals).count(), "plugins.config line for " + cls + ": " + line);
        }
        assertTrue(commands.size() >= 15, "D3M commands found: " + commands);
    }

    /** A file of the main classes (what goes into D3M_Fiji.jar), not of the test classes. */
    private static String resource(String name) throws Exception {
        java.nio.file.Path classes = java.nio.file.Paths.get(Commands.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        java.nio.file.Path file = classes.resolve(name);
        assertTrue(java.nio.file.Files.isRegularFile(file), file + " (built by process-classes)");
        return java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
    }
}
