package org.d3m.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import org.d3m.core.emulator.ModelMeta;
import org.d3m.core.emulator.NetSession;
import org.d3m.core.emulator.WeightsFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.convert.ConvertService;
import org.scijava.module.ModuleItem;
import org.scijava.script.ScriptInfo;
import org.scijava.script.ScriptService;
import org.scijava.service.Service;

/**
 * Runs the scripts in scripts/ themselves, as a user pastes them into Fiji's script editor: the
 * {@code #@} script parameters are parsed by SciJava's own {@link ScriptInfo} (the parser Fiji
 * uses), each input is bound to the value the test gives, else to its {@code value =} default
 * (a service input such as {@code UIService} to the service of a SciJava {@link Context}, as Fiji
 * injects it), the code with its parameter lines processed ({@link ScriptInfo#getProcessedScript})
 * runs in the language's own engine, and the {@code #@output} variables are read back. Engines:
 * Groovy 5.0.8 ({@link GroovyShell}), Jython 2.7.4 and Nashorn 15.4 (JavaScript) through
 * javax.script. The scripts must reach D3M only through {@code org.d3m.api}.
 */
class ScriptsTest {

    private static Context context;

    @BeforeAll
    static void startContext() {
        context = new Context(ScriptService.class, ConvertService.class, org.scijava.ui.UIService.class);
    }

    @AfterAll
    static void disposeContext() {
        context.dispose();
    }

    static List<Path> scripts() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("scripts"))) {
            return s.filter(p -> p.toString().matches(".*\\.(groovy|py|js)$")).sorted().toList();
        }
    }

    /** The parsed script: its inputs and outputs as Fiji's script editor sees them. */
    static ScriptInfo info(Path script) throws Exception {
        ScriptInfo info = new ScriptInfo(context, script.toString(), new StringReader(Files.readString(script)));
        return info;
    }

    /**
     * Runs {@code script} with the inputs in {@code given} (by name); other inputs get their
     * {@code value =} default, a service its context's instance, an optional one null. Returns the
     * {@code #@output} values by name.
     */
    static Map<String, Object> run(Path script, Map<String, Object> given) throws Exception {
        ScriptInfo info = info(script);
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (ModuleItem<?> item : info.inputs()) {
            inputs.put(item.getName(), inputValue(item, given));
        }
        assertTrue(inputs.keySet().containsAll(given.keySet()), script + " has inputs " + inputs.keySet() + ", given " + given.keySet());
        String code = info.getProcessedScript();
        String name = script.getFileName().toString();
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (name.endsWith(".groovy")) {
            Binding b = new Binding();
            inputs.forEach(b::setVariable);
            new GroovyShell(ScriptsTest.class.getClassLoader(), b).evaluate(code, name);
            for (ModuleItem<?> out : info.outputs()) {
                outputs.put(out.getName(), b.hasVariable(out.getName()) ? b.getVariable(out.getName()) : null);
            }
        } else {
            // Jython: no scan of every jar on the class path into a package cache (imports of Java classes still resolve)
            System.setProperty("python.cachedir.skip", "true");
            ScriptEngine e = new ScriptEngineManager(ScriptsTest.class.getClassLoader())
                    .getEngineByExtension(name.substring(name.lastIndexOf('.') + 1));
            assertNotNull(e, "a javax.script engine for " + name);
            inputs.forEach(e::put);
            e.eval(code);
            for (ModuleItem<?> out : info.outputs()) {
                outputs.put(out.getName(), e.get(out.getName()));
            }
        }
        return outputs;
    }

    private static Object inputValue(ModuleItem<?> item, Map<String, Object> given) {
        Class<?> type = item.getType();
        if (given.containsKey(item.getName())) {
            Object v = given.get(item.getName());
            assertTrue(v == null || type.isInstance(v), item.getName() + " is a " + type.getSimpleName() + ", given " + v);
            return v;
        }
        if (Service.class.isAssignableFrom(type)) {
            Object s = context.service(type.asSubclass(Service.class));
            assertNotNull(s, "the context has no " + type.getSimpleName());
            return s;
        }
        Object d = item.getDefaultValue();
        if (d == null) {
            assertFalse(item.isRequired(), "required input " + item.getName() + " has no default; give it");
            return null;
        }
        return context.service(ConvertService.class).convert(d, type);
    }

    @Test
    void theScriptsUseD3mOnlyThroughTheFacadeAndDeclareWhatTheyUse() throws Exception {
        List<Path> scripts = scripts();
        assertEquals(3, scripts.size(), "Groovy, Jython and JavaScript examples: " + scripts);
        for (Path script : scripts) {
            String text = Files.readString(script);
            assertTrue(text.contains("org.d3m.api"), script + " uses the facade");
            assertFalse(Pattern.compile("org\\.d3m\\.(?!api\\b)").matcher(text).find(), script + " uses D3M only through org.d3m.api");
            assertFalse(text.contains("CommandService"), script + " calls the facade, not the commands");
            ScriptInfo info = info(script);
            assertEquals("seed", info.inputs().iterator().next().getName(), script + ": the seed first");
            assertEquals(Long.class, info.getInput("seed").getType());
            assertEquals(List.of("summary"), java.util.stream.StreamSupport.stream(info.outputs().spliterator(), false).map(ModuleItem::getName).toList(), script + ": one output");
            assertTrue(info.getProcessedScript().lines().noneMatch(l -> l.startsWith("#@")), "the parameter lines are processed out");
        }
    }

    /** D3M_Simulate.groovy: FastPM, its density and spectrum, shown with Fiji's UIService; with a model, the emulator. */
    @Test
    void groovyScriptSimulatesAndEmulates(@TempDir Path dir) throws Exception {
        Path weights = dir.resolve("tiny.d3mw");
        try (NetSession s = NetSession.create(4, false, 21, Device.cpu())) {
            WeightsFile.save(weights, s.net(), new ModelMeta(4, 16, 8.0, false, Map.of("dataset.kernel", "fastpm")));
        }
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("seed", 7L);
        given.put("grid", 16);
        given.put("model", weights.toFile());
        String summary = (String) run(Path.of("scripts/D3M_Simulate.groovy"), given).get("summary");
        List<String> lines = summary.lines().toList();
        assertEquals("k [h/Mpc]  P(k) [(Mpc/h)^3]", lines.get(0));
        // rows of the spectrum: the first at the fundamental 2 pi / 128 = 0.0491 h/Mpc (no empty bins, mean k)
        assertTrue(lines.get(1).startsWith("0.0491  "), lines.get(1));
        SpectrumCheck.matchesApi(lines, 7, 16);
        assertTrue(lines.get(lines.size() - 1).startsWith("D3M: P(k = 0.0491) = "), summary);

        // without the optional model (Fiji passes null): no emulator line
        given.remove("model");
        String plain = (String) run(Path.of("scripts/D3M_Simulate.groovy"), given).get("summary");
        assertFalse(plain.contains("D3M:"), plain);
        assertEquals(lines.subList(0, lines.size() - 1), plain.lines().toList(), "the same FastPM spectrum");
    }

    /** d3m_pipeline.py: the paper's Table 1 for ZA and 2LPT against FastPM (at 16^3 here, 32^3 by default). */
    @Test
    void jythonScriptComparesZaAnd2lptWithFastPm() throws Exception {
        Map<String, Object> out = run(Path.of("scripts/d3m_pipeline.py"), Map.of("seed", 7L, "grid", 16));
        String summary = String.valueOf(out.get("summary"));
        D3m sim = D3m.paper(7).withBox(128, 16);
        Table expected = D3m.compare(sim.simulate(), orderedPredictions(sim), 128, false);
        assertEquals(expected.toString(), summary, "the script's table is the facade's");
        assertTrue(summary.contains("ZA displacement") && summary.contains("2LPT density"), summary);
    }

    private static Map<String, net.imglib2.RandomAccessibleInterval<net.imglib2.type.numeric.real.FloatType>> orderedPredictions(D3m sim) {
        Map<String, net.imglib2.RandomAccessibleInterval<net.imglib2.type.numeric.real.FloatType>> m = new LinkedHashMap<>();
        m.put("ZA", sim.za());
        m.put("2LPT", sim.lpt2());
        return m;
    }

    /** za_growth.js: the ZA density power at the fundamental mode at z = 0, 1, 3 over z = 0, about D(z)^2. */
    @Test
    void javaScriptScriptGivesTheLinearGrowth() throws Exception {
        String summary = String.valueOf(run(Path.of("scripts/za_growth.js"), Map.of("seed", 7L)).get("summary"));
        List<String> lines = summary.lines().toList();
        assertEquals(3, lines.size(), summary);
        assertEquals("z = 0: P(k = 0.049 h/Mpc) / P(z = 0) = 1.0000", lines.get(0));
        double z1 = Double.parseDouble(lines.get(1).substring(lines.get(1).lastIndexOf('=') + 1).trim());
        double z3 = Double.parseDouble(lines.get(2).substring(lines.get(2).lastIndexOf('=') + 1).trim());
        assertTrue(z1 > 0.3 && z1 < 0.45, "about D(1)^2 = 0.37: " + summary);
        assertTrue(z3 > 0.09 && z3 < 0.115, "about D(3)^2 = 0.10: " + summary);
    }

    /** The Groovy script's spectrum lines are the facade's rows for the same setup. */
    private static final class SpectrumCheck {

        static void matchesApi(List<String> lines, long seed, int grid) {
            D3m sim = D3m.paper(seed).withBox(128, grid);
            org.d3m.core.analysis.SpectrumRows pk = D3m.powerSpectrum(D3m.paintDensity(sim.simulate(), 128), 128);
            for (int i = 0; i < pk.size(); i++) {
                assertEquals(String.format("%.4f  %.5g", pk.k()[i], pk.p()[i]), lines.get(1 + i), "row " + i);
            }
            assertFalse(lines.get(1 + pk.size()).matches("\\d.*"), "no more rows than the facade's");
        }
    }
}
