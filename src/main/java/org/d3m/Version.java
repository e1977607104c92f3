package org.d3m;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The plugin version, read from {@code /org/d3m/version.properties}, which the build writes
 * (process-classes, see {@code org.d3m.ij.PluginsConfigGenerator}). "dev" when run from an IDE
 * without that step.
 */
public final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    /** The Maven project version, for example "0.1.0-SNAPSHOT", or "dev". */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/org/d3m/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
