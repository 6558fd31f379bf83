package dev.barriersim.report;

import dev.barriersim.core.observe.Utf8Output;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An output folder written all or nothing: files go into a hidden sibling
 * {@code .<name>.partial-<pid>-<n>}, and {@link #commit()} replaces the final folder with one atomic
 * rename. Closing without commit deletes the temporary folder, so a failed run never leaves a
 * half-written file.
 */
public final class OutputFolder implements AutoCloseable {
  /** The file whose presence marks a folder as a barriersim output that may be replaced. */
  public static final String MARKER = "summary.json";

  private static final AtomicLong COUNTER = new AtomicLong();
  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
  private static final int BUFFER = 1 << 16;

  /** Set once the JVM shuts down (Ctrl-C): no new file may be opened, so the cleanup below is final. */
  private static volatile boolean closing;

  static {
    // Best effort on Ctrl-C: remove temporary folders that will never be committed. Runs may still
    // be writing on their (daemon) threads, so new files are refused first and deletion is retried.
    Runtime.getRuntime().addShutdownHook(new Thread(OutputFolder::deleteOpenFolders, "barriersim-partial-cleanup"));
  }

  private static void deleteOpenFolders() {
    closing = true;
    for (int attempt = 0; attempt < 20 && !OPEN.isEmpty(); attempt++) {
      for (Path p : OPEN) {
        deleteQuietly(p);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) OPEN.remove(p);
      }
      if (!OPEN.isEmpty()) {
        try {
          Thread.sleep(25);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private final Path target;
  private final Path temp;
  private boolean done;

  private OutputFolder(Path target, Path temp) {
    this.target = target;
    this.temp = temp;
  }

  /** Starts writing the folder {@code target}; fails early if it may not be replaced. */
  public static OutputFolder begin(Path target) throws IOException {
    Path t = target.toAbsolutePath().normalize();
    checkReplaceable(t);
    Path parent = t.getParent();
    if (parent == null) throw new OutputConflictException(target + ": cannot write to the file system root");
    Files.createDirectories(parent);
    Path temp = parent.resolve(tempName(t.getFileName().toString()));
    Files.createDirectory(temp);
    OPEN.add(temp);
    return new OutputFolder(t, temp);
  }

  /**
   * Fails with {@link OutputConflictException} unless {@code target} is absent, an empty folder, or
   * a previous output (it holds {@value #MARKER}): replacing anything else could destroy user data.
   */
  public static void checkReplaceable(Path target) throws IOException {
    checkCreatable(target.toAbsolutePath().normalize());
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return;
    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new OutputConflictException(target + ": exists and is not a folder; choose another --out");
    }
    if (Files.isRegularFile(target.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) return;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
      if (entries.iterator().hasNext()) {
        throw new OutputConflictException(target + ": exists, is not empty and holds no " + MARKER
            + ", so it is not a barriersim output that may be replaced; choose another --out or remove it");
      }
    }
  }

  /**
   * Fails with {@link OutputConflictException} when {@code target}'s folder cannot be made: an
   * existing ancestor is a regular file, or the nearest existing ancestor is not writable.
   */
  private static void checkCreatable(Path target) throws OutputConflictException {
    Path parent = target.getParent();
    if (parent == null) throw new OutputConflictException(target + ": cannot write to the file system root");
    Path p = parent;
    while (p != null && !Files.exists(p)) p = p.getParent();
    if (p == null) return;
    if (!Files.isDirectory(p)) {
      throw new OutputConflictException(target + ": " + p + " is a file, not a folder; choose another --out");
    }
    if (!Files.isWritable(p)) {
      throw new OutputConflictException(target + ": cannot write in " + p + " (permission denied); choose another --out");
    }
  }

  /**
   * Fails with {@link OutputConflictException} unless a batch may write into {@code out}: absent
   * (and creatable), a previous batch's folder (it holds {@code index.json}), or a folder holding
   * only scenario outputs (each with {@value #MARKER}).
   */
  public static void checkReplaceableBatch(Path out) throws IOException {
    Path t = out.toAbsolutePath().normalize();
    checkCreatable(t);
    if (!Files.exists(t, LinkOption.NOFOLLOW_LINKS)) return;
    if (!Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
      throw new OutputConflictException(out + ": exists and is not a folder; choose another --out");
    }
    if (!Files.isWritable(t)) throw new OutputConflictException(out + ": cannot write in it (permission denied)");
    if (Files.isRegularFile(t.resolve("index.json"), LinkOption.NOFOLLOW_LINKS)) return;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(t)) {
      for (Path e : entries) {
        boolean output = Files.isRegularFile(e.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
        if (!output) {
          throw new OutputConflictException(out + ": holds " + e.getFileName() + ", which is not a barriersim"
              + " output, so the folder may hold your data; choose another --out or remove it");
        }
      }
    }
  }

  /** The folder being written (temporary until {@link #commit()}). */
  public Path dir() {
    return temp;
  }

  /** The final folder. */
  public Path target() {
    return target;
  }

  /** A buffered UTF-8 writer for {@code relative} inside the folder, creating parent folders. */
  public Writer newWriter(String relative) throws IOException {
    return newWriter(temp.resolve(relative));
  }

  /** Writes {@code text} to {@code relative} inside the folder, UTF-8. */
  public void writeString(String relative, String text) throws IOException {
    try (Writer w = newWriter(relative)) {
      w.write(text);
    }
  }

  /** Replaces the final folder with this one: the old one is deleted, then one atomic rename. */
  public void commit() throws IOException {
    if (done) throw new IllegalStateException("already committed or closed");
    checkReplaceable(target);
    deleteTree(target);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    OPEN.remove(temp);
    done = true;
  }

  /** Deletes the temporary folder unless committed. */
  @Override
  public void close() {
    if (done) return;
    done = true;
    deleteQuietly(temp);
    OPEN.remove(temp);
  }

  /** Writes one file atomically: a temporary sibling, then a rename over {@code file}. */
  public static void writeFileAtomically(Path file, String text) throws IOException {
    Path f = file.toAbsolutePath().normalize();
    Files.createDirectories(f.getParent());
    Path temp = f.getParent().resolve(tempName(f.getFileName().toString()));
    try {
      try (Writer w = newWriter(temp)) {
        w.write(text);
      }
      // rename(2) replaces an existing regular file atomically.
      Files.move(temp, f, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * A buffered UTF-8 writer for a run's stream {@code file}, creating its parent folders (refused
   * once the JVM shuts down). It is a {@link Utf8Output}: the event log and task timeline hand it
   * their lines as UTF-8 bytes, which it writes as they are instead of decoding and encoding them again.
   */
  public static Writer writer(Path file) throws IOException {
    return new Utf8Output(new BufferedOutputStream(open(file), BUFFER));
  }

  private static Writer newWriter(Path file) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(open(file), StandardCharsets.UTF_8), BUFFER);
  }

  /** {@code file} opened for writing, its parent folders created; refused once the JVM shuts down. */
  private static OutputStream open(Path file) throws IOException {
    if (closing) throw new IOException("shutting down: " + file + " is not written");
    Files.createDirectories(file.getParent());
    return Files.newOutputStream(file);
  }

  private static String tempName(String name) {
    return "." + name + ".partial-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
  }

  private static void deleteQuietly(Path dir) {
    try {
      deleteTree(dir);
    } catch (IOException | UncheckedIOException e) {
      // Cleanup is best effort; the caller is already reporting the real failure.
    }
  }

  /** Deletes a folder and everything in it; absent is fine; symbolic links are removed, not followed. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
        if (exc instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
        throw exc;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null) throw exc;
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
