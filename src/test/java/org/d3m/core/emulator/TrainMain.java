package org.d3m.core.emulator;

import java.nio.file.Path;

/** Child process for the kill test: trains and prints one line per step, flushed. */
public final class TrainMain {

    private TrainMain() {
    }

    public static void main(String[] args) {
        Trainer.Config c = TrainerTest.config().withCheckpointEvery(Integer.parseInt(args[2]), 0);
        Trainer.train(Path.of(args[0]), Path.of(args[1]), c, (f, msg) -> {
            System.out.println("progress " + msg);
            System.out.flush();
        });
        System.out.println("done");
    }
}
