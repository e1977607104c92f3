package org.d3m.commands;

import static org.d3m.commands.GeneratorCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.d3m.testfixtures.TinyModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reproduce-table end to end through the launcher, with a tiny model trained in the test (no 3PCF here). */
class ReproduceTableCommandTest {

    private static final String[] SMALL = {"box_size=64", "grid=16", "steps=2", "threads=2", "seeds=2"};

    private static String[] args(String... extra) {
        String[] a = new String[1 + SMALL.length + extra.length];
        a[0] = "reproduce-table";
        System.arraycopy(SMALL, 0, a, 1, SMALL.length);
        System.arraycopy(extra, 0, a, 1 + SMALL.length, extra.length);
        return a;
    }

    @Test
    void writesTableCsvMarkdownAndPlotsPerCosmology(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("table");
        GeneratorCommandsTest.Result r = cli(args("seed=2000", "model=" + TinyModel.weights(), "three_point_seeds=0",
                "cosmologies=trained,Om0.1", "device=cpu", "output_dir=" + out));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| Om0.1 | D3M | displacement |") && r.out().contains("written to " + out), r.out());
        assertTrue(r.err().contains("Om0.1 seed 2001"), "progress names cosmology and seed: " + r.err());
        assertTrue(r.err().contains("Reproduce Table: Estimated time: about ") && r.err().contains("(4 runs, the 3PCF on 0) on 2 cores"),
                "the CLI runs at once and says the estimate (issue 26 item 13): " + r.err());
        List<String> csv = Files.readAllLines(out.resolve("table.csv"));
        assertEquals(1 + 2 * 6, csv.size());
        assertTrue(csv.get(12).startsWith("Om0.1,D3M,displacement,2,"), csv.get(12));
        String md = Files.readString(out.resolve("table.md"));
        assertTrue(md.contains("| trained | 2LPT | density |") && md.contains("model " + TinyModel.weights()), md);
        assertTrue(md.contains("estimated time before the run: about "), "table.md keeps the estimate beside the time taken: " + md);
        for (String c : new String[] {"trained", "Om0.1"}) {
            for (String png : new String[] {"transfer-density", "transfer-displacement", "stochasticity-density",
                "stochasticity-displacement"}) {
                assertTrue(Files.size(out.resolve(c).resolve(png + ".png")) > 1000, c + "/" + png);
            }
            assertTrue(Files.isRegularFile(out.resolve(c).resolve("spectra.csv")));
        }

        // the trained cosmology's ZA and 2LPT rows are ensemble-compare's for the same seeds
        Path ens = dir.resolve("ens");
        GeneratorCommandsTest.Result e = cli("ensemble-compare", "box_size=64", "grid=16", "steps=2", "threads=2",
                "seeds=2", "seed=2000", "include_za=true", "three_point=false", "output_dir=" + ens);
        assertEquals(0, e.code(), e.err());
        List<String> ec = Files.readAllLines(ens.resolve("table.csv"));
        // ensemble-compare rows: 2LPT density, 2LPT displacement, ZA density, ZA displacement (after "row")
        assertEquals(cells(ec.get(1)), cells(csv.get(3)), "2LPT density");
        assertEquals(cells(ec.get(2)), cells(csv.get(4)), "2LPT displacement");
        assertEquals(cells(ec.get(3)), cells(csv.get(1)), "ZA density");
        assertEquals(cells(ec.get(4)), cells(csv.get(2)), "ZA displacement");
    }

    /** The numeric cells of a row (mean and std of point-wise, T, r, ..., 3PCF), from either CSV. */
    private static List<String> cells(String line) {
        String[] f = line.split(",");
        int first = f[0].matches("[0-9.]+") ? 1 : 4; // ensemble-compare: row index; reproduce-table: cosmology, model, field, seeds
        return List.of(f).subList(first, first + 12);
    }

    @Test
    void badInputIsOneLineErrorBeforeAnyWork(@TempDir Path dir) throws Exception {
        String model = "model=" + TinyModel.weights();
        String[][] bad = {
            args("model=" + dir.resolve("missing.d3mw"), "output_dir=" + dir.resolve("a")),
            args(model, "cosmologies=trained,Om0.7", "output_dir=" + dir.resolve("b")),
            args(model, "pk_dir=" + dir, "cosmologies=Om0.5", "output_dir=" + dir.resolve("c")),
            args(model, "seed=505", "output_dir=" + dir.resolve("d")),
            args(model, "three_point_seeds=-1", "output_dir=" + dir.resolve("e")),
            args(model, "kernel=exact", "output_dir=" + dir.resolve("f")),
            args(model, "redshift=9", "output_dir=" + dir.resolve("g")),
        };
        String[] expect = {
            "error: weights file not found: " + dir.resolve("missing.d3mw"),
            "error: unknown cosmology 'Om0.7' in cosmologies; use all or a comma-separated list of trained, As1.8x, As0.2x,"
                + " Om0.5, Om0.1",
            "error: pk_dir " + dir + " has no class_pk_Om0.5.txt (the linear P(k) table of cosmology Om0.5, Omega_m = 0.5)",
            "error: seeds 505..506 include seeds the model was trained on (500..509, from its dataset metadata);"
                + " choose seed >= 510",
            "error: three_point_seeds must be >= 0, got -1",
            "error: the model was trained on kernel=fastpm fields, not kernel=exact; pass kernel=fastpm or a model trained"
                + " on exact fields",
            "error: redshift must be in [0, 1/a_start - 1) = [0, 9), got 9",
        };
        for (int i = 0; i < bad.length; i++) {
            GeneratorCommandsTest.Result r = cli(bad[i]);
            assertEquals(1, r.code(), String.join(" ", bad[i]));
            assertEquals(expect[i], r.err().strip(), String.join(" ", bad[i]));
        }
        for (String d : new String[] {"a", "b", "c", "d", "e", "f", "g"}) {
            assertTrue(!Files.exists(dir.resolve(d)), "nothing written for " + d);
        }
    }
}
