package io.fleetflow.launcher;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The launcher's data directory. A marker file claims it, so {@code --fresh} only ever wipes a
 * directory FleetFlow created, never one a mistyped {@code --data-dir} pointed at.
 */
public final class DataDirectory {

    static final String MARKER = ".fleetflow-data";

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /** Creates (or reuses) the directory, first wiping it when {@code fresh}. */
    public static DataDirectory open(Path root, boolean fresh) throws IOException {
        if (Files.exists(root) && !isEmpty(root) && !Files.exists(root.resolve(MARKER))) {
            throw new IOException(
                    root
                            + " is not empty and was not created by FleetFlow; choose another"
                            + " --data-dir");
        }
        if (fresh && Files.exists(root)) {
            deleteRecursively(root);
        }
        Files.createDirectories(root);
        if (!Files.exists(root.resolve(MARKER))) {
            Files.writeString(root.resolve(MARKER), "FleetFlow local data; safe to delete.\n");
        }
        return new DataDirectory(root);
    }

    public Path root() {
        return root;
    }

    public Path resolve(String child) {
        return root.resolve(child);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        Files.walkFileTree(
                root,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                            throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e)
                            throws IOException {
                        if (e != null) {
                            throw e;
                        }
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }
}
