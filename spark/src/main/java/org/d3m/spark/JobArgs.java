package org.d3m.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's {@code key=value} arguments, split into what Spark takes ({@code master}, and any
 * {@code spark.*} key, which goes into the SparkConf as it is) and the job's own keys, which are the
 * single-machine command's and are parsed by the plugin's own key parser ({@link CommandKeys}).
 */
final class JobArgs {

    final String job;
    /** The job's keys, as given ({@code key=value}). */
    final List<String> keys;
    /** The raw text of each job key (paths such as {@code hdfs://nn/x} are taken from here, not from a File). */
    final Map<String, String> raw;
    /** {@code spark.*} keys for the SparkConf. */
    final Map<String, String> sparkConf;
    /** {@code master=...}, or null (then spark-submit's, else local[*]). */
    final String master;

    private JobArgs(String job, List<String> keys, Map<String, String> raw, Map<String, String> sparkConf, String master) {
        this.job = job;
        this.keys = keys;
        this.raw = raw;
        this.sparkConf = sparkConf;
        this.master = master;
    }

    static JobArgs parse(String job, List<String> args) {
        List<String> keys = new ArrayList<>();
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> conf = new LinkedHashMap<>();
        String master = null;
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + a + "'");
            }
            String k = a.substring(0, eq).trim();
            String v = a.substring(eq + 1).trim();
            if (k.equals("master")) {
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("master must not be empty (e.g. local[*], yarn, k8s://https://host:443)");
                }
                master = Sparks.requireMasterUrl(v);
            } else if (k.startsWith("spark.")) {
                conf.put(k, v);
            } else {
                keys.add(a);
                raw.put(k, v);
            }
        }
        return new JobArgs(job, keys, raw, conf, master);
    }

    /** The raw text of a key, or null when not given or empty. */
    String rawPath(String key) {
        String v = raw.get(key);
        return v == null || v.isEmpty() ? null : v;
    }
}
