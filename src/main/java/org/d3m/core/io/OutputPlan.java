package org.d3m.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a command is about to write, checked as a whole before any work: nothing it writes may be
 * one of its inputs, no two outputs may be the same file, each file must have the extension of
 * its kind, and each must be writable (see {@link AtomicFiles#checkWritable}: only regular files
 * or new paths are replaced). Paths are compared canonically: relative or absolute, through
 * symbolic links and {@code ..}. Folder outputs may not exist yet; they are created later, by the
 * command, once its inputs have been read.
 *
 * <p>Keys name the parameters in messages: {@code "output=a.npy is the same file as input=a.npy, ..."}.
 */
public final class OutputPlan {

    /** What a file output holds, and so the extensions it may have. */
    public enum Kind {
        FIELD(".tif", ".tiff", ".npy"), CSV(".csv"), PNG(".png"), MARKDOWN(".md", ".markdown"), ANY;

        private final List<String> extensions;

        Kind(String... extensions) {
            this.extensions = List.of(extensions);
        }

        boolean accepts(Path p) {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return extensions.isEmpty() || extensions.stream().anyMatch(n::endsWith);
        }
    }

    private record Entry(String key, Path path) {
        String say() {
            return key + "=" + path;
        }
    }

    private final List<Entry> inputs = new ArrayList<>();
    private final List<Entry> files = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    private final List<Entry> folders = new ArrayList<>();
    private final List<Entry> inFolders = new ArrayList<>();

    /** An input file or folder; it matters only if it exists. Null is ignored. */
    public OutputPlan input(String key, Path p) {
        if (p != null && !p.toString().isEmpty()) {
            inputs.add(new Entry(key, p));
        }
        return this;
    }

    /** A file output of a kind; a field also writes its provenance sidecar {@code <file>.json}. Null is ignored. */
    public OutputPlan file(String key, Path p, Kind kind) {
        if (p != null && !p.toString().isEmpty()) {
            files.add(new Entry(key, p));
            kinds.add(kind);
            if (kind == Kind.FIELD) {
                files.add(new Entry(key + " (sidecar)", Provenance.sidecarOf(p)));
                kinds.add(Kind.ANY);
            }
        }
        return this;
    }

    /**
     * A folder output and the files (relative paths, possibly in sub-folders) that will be written
     * into it. Null is ignored.
     */
    public OutputPlan folder(String key, Path dir, List<String> contents) {
        if (dir != null && !dir.toString().isEmpty()) {
            folders.add(new Entry(key, dir));
            for (String c : contents) {
                inFolders.add(new Entry(key, dir.resolve(c)));
            }
        }
        return this;
    }

    /** Runs every check; the first failure is an IllegalArgumentException with a one-line message. */
    public void check() {
        for (int i = 0; i < files.size(); i++) {
            Entry e = files.get(i);
            if (!kinds.get(i).accepts(e.path())) {
                throw new IllegalArgumentException(kindMessage(e, kinds.get(i)));
            }
            AtomicFiles.checkWritable(e.path());
        }
        for (Entry f : folders) {
            checkFolder(f);
        }
        for (Entry e : inFolders) {
            if (Files.exists(e.path()) || Files.isSymbolicLink(e.path())) {
                AtomicFiles.checkWritable(e.path());
            }
        }
        Map<Path, Entry> written = new LinkedHashMap<>();
        List<Entry> all = new ArrayList<>(files);
        all.addAll(inFolders);
        all.addAll(folders);
        for (Entry e : all) {
            Entry before = written.putIfAbsent(canonical(e.path()), e);
            boolean bothFolders = folders.contains(e) && folders.contains(before);
            if (before != null && !before.key().equals(e.key()) && !bothFolders) {
                throw new IllegalArgumentException(e.say() + " and " + before.say() + " are the same file; give each output its own name");
            }
        }
        for (Entry in : inputs) {
            Entry out = Files.exists(in.path()) ? written.get(canonical(in.path())) : null;
            if (out != null && !folders.contains(out)) {
                throw new IllegalArgumentException(out.say() + " is the same file as " + in.say()
                        + ", which it would destroy; choose another output");
            }
        }
    }

    private static String kindMessage(Entry e, Kind kind) {
        return switch (kind) {
            case FIELD -> e.say() + ": unknown field file type; use .tif, .tiff or .npy";
            case CSV -> e.say() + ": a table is written as CSV; the name must end in .csv";
            case PNG -> e.say() + ": a plot is written as PNG; the name must end in .png";
            case MARKDOWN -> e.say() + ": the table is written into a Markdown file; the name must end in .md";
            case ANY -> throw new IllegalStateException("any name is accepted");
        };
    }

    /** A folder output: an existing writable folder, or a new path under one (created later). */
    private static void checkFolder(Entry f) {
        Path abs = f.path().toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new IllegalArgumentException("cannot write " + f.say() + ": it exists and is not a folder");
            }
            if (!Files.isWritable(abs)) {
                throw new IllegalArgumentException("cannot write " + f.say() + ": the folder is not writable");
            }
            return;
        }
        Path up = abs.getParent();
        while (up != null && !Files.exists(up)) {
            up = up.getParent();
        }
        if (up == null || !Files.isDirectory(up) || !Files.isWritable(up)) {
            throw new IllegalArgumentException("cannot write " + f.say() + ": cannot create a folder under " + up);
        }
    }

    /**
     * The canonical form of a path that may not exist: the real path of its longest existing
     * prefix, followed by the rest.
     */
    static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
