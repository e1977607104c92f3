package org.d3m.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The launcher without Spark: usage, list, help, masters, one-line errors. */
class MainTest {

    @Test
    void usageListAndHelp() {
        Runs.Result none = Runs.spark();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("usage: d3m spark list"), none.err());
        Runs.Result list = Runs.spark("list");
        assertEquals(0, list.code());
        assertTrue(list.out().contains("make-dataset") && list.out().contains("ensemble") && list.out().contains("reproduce-table"));
        Runs.Result help = Runs.spark("help", "make-dataset");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("usage: d3m spark make-dataset key=value") && help.out().contains("mesh_factor")
                && help.out().contains("master"), help.out());
        Runs.Result eh = Runs.spark("help", "ensemble");
        assertTrue(eh.out().contains("models") && eh.out().contains("default auto"), eh.out());
    }

    @Test
    void localMastersRetryLikeACluster() {
        assertEquals("local[2,4]", Sparks.master("local[2]"));
        assertEquals("local[*,4]", Sparks.master("local[*]"));
        assertEquals("local[1,4]", Sparks.master("local"));
        assertEquals("local[2,1]", Sparks.master("local[2,1]"));
        assertEquals("yarn", Sparks.master("yarn"));
        assertEquals(3, Sparks.slots(new SparkConf().setMaster("local[3,4]")));
        assertEquals(2, Sparks.slots(new SparkConf().setMaster("yarn").set("spark.executor.cores", "4").set("spark.task.cpus", "2")));
    }

    @Test
    void clusterMemoryIsCheckedAgainstTheExecutorHeap() {
        SparkConf c = new SparkConf().setMaster("yarn").set("spark.executor.memory", "1g").set("spark.executor.cores", "2");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Sparks.requireMemory(c, 800L << 20, "grid 256^3"));
        assertTrue(e.getMessage().startsWith("grid 256^3 x 2 concurrent tasks needs ~1600 MB per executor but"
                + " spark.executor.memory leaves ~724 MB of heap"), e.getMessage());
        Sparks.requireMemory(c.set("spark.executor.memory", "4g"), 800L << 20, "grid 256^3");
    }
}
