package org.heritageguide.studio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.ObjectId;
import org.heritageguide.GuideProperties;
import org.heritageguide.files.AtomicFiles;
import org.heritageguide.site.ContentLoader;
import org.heritageguide.site.ContentProblem;
import org.heritageguide.site.Picture;
import org.heritageguide.site.Site;
import org.heritageguide.site.SiteCatalog;
import org.heritageguide.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The curators' content: drafts and published versions of every file, their revisions, validation,
 * and publishing into the content directory. Every change is one commit; files in the content
 * directory are replaced by an atomic move, so a write cut short leaves the last good version in force.
 */
@Component
class StudioContent implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StudioContent.class);
    static final String DISK_AUTHOR = "disk";
    private static final Pattern FILE = Pattern.compile("site\\.yaml|faq\\.yaml|exhibits/[a-z0-9]+(-[a-z0-9]+)*\\.yaml");
    private static final String PICTURES = ContentLoader.PICTURES + "/";

    private final Path contentDir;
    private final ContentRepository repository;
    private final Supplier<SiteCatalog> reload;
    private final Supplier<SiteCatalog> live;
    /** Writers in this instance take turns here, then with other instances sharing the revisions on the lock file. */
    private final ReentrantLock writing = new ReentrantLock();
    private final Path writeLockFile;
    private volatile Map<String, Long> diskFingerprint = Map.of();
    private final Map<String, SiteCatalog> checkedDrafts = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "content-disk-poll");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    StudioContent(GuideProperties properties, StudioSettings settings, SiteDirectory sites) {
        this(properties.contentDir(),
                settings.revisionsDir() != null ? settings.revisionsDir() : properties.dataDir().resolve("revisions"),
                settings.diskPollInterval(), sites::reload, sites::catalog);
    }

    /**
     * @param reload reads the content directory again and serves it (returns the new catalog)
     * @param live   the catalog being served
     */
    StudioContent(Path contentDir, Path revisions, Duration pollInterval, Supplier<SiteCatalog> reload,
                  Supplier<SiteCatalog> live) {
        this.contentDir = contentDir;
        this.reload = reload;
        this.live = live;
        this.repository = new ContentRepository(revisions);
        this.writeLockFile = revisions.resolve("studio-writer.lock");
        syncFromDisk();
        poll.scheduleWithFixedDelay(this::pollDisk, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollDisk() {
        try {
            syncFromDisk();
        } catch (RuntimeException e) {
            log.warn("Studio: could not check the content directory for changes", e);
        }
    }

    /** A file's text in one branch; {@code etag} is its content's id, {@code null} when the file does not exist. */
    record FileVersion(String path, String text, String etag) {

        boolean exists() {
            return etag != null;
        }
    }

    /** A save that was refused because someone else saved the file since the editor read it. */
    static final class StaleEdit extends RuntimeException {
        final FileVersion current;
        final ContentRepository.Revision lastRevision;

        StaleEdit(FileVersion current, ContentRepository.Revision lastRevision) {
            super("stale edit");
            this.current = current;
            this.lastRevision = lastRevision;
        }
    }

    /** A save or publication refused because the content would not be valid. */
    static final class InvalidContent extends RuntimeException {
        final List<ContentProblem> problems;

        InvalidContent(String message, List<ContentProblem> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }
    }

    /** Whether a path is one of a site's text files (the ones the editor opens). */
    static boolean isFile(String relativePath) {
        return relativePath != null && FILE.matcher(relativePath).matches();
    }

    /** Whether a path is one of a site's pictures (kept and published as they are, never edited as text). */
    static boolean isPicture(String relativePath) {
        return relativePath != null && relativePath.startsWith(PICTURES)
                && Picture.isFileName(relativePath.substring(PICTURES.length()));
    }

    static String exhibitFile(String exhibitId) {
        return "exhibits/" + exhibitId + ".yaml";
    }

    private static String repoPath(String site, String relativePath) {
        return "sites/" + site + "/" + relativePath;
    }

    static String etagOf(ObjectId blob) {
        return blob == null ? null : blob.name();
    }

    FileVersion draft(String site, String relativePath) {
        return version(repository.snapshot(ContentRepository.DRAFT), site, relativePath);
    }

    /** A picture of the site's draft (published or not), as its bytes. */
    Optional<byte[]> draftPicture(String site, String fileName) {
        String relativePath = PICTURES + fileName;
        if (!isPicture(relativePath)) {
            return Optional.empty();
        }
        ObjectId blob = repository.snapshot(ContentRepository.DRAFT).blob(repoPath(site, relativePath));
        return blob == null ? Optional.empty() : Optional.of(repository.read(blob));
    }

    FileVersion published(String site, String relativePath) {
        return version(repository.snapshot(ContentRepository.PUBLISHED), site, relativePath);
    }

    private FileVersion version(ContentRepository.Snapshot snapshot, String site, String relativePath) {
        ObjectId blob = snapshot.blob(repoPath(site, relativePath));
        return blob == null ? new FileVersion(relativePath, null, null)
                : new FileVersion(relativePath, text(repository.read(blob)), blob.name());
    }

    /** What differs between draft and published for one site: relative path → (draft etag, published etag). */
    record FileState(String path, String draftEtag, String publishedEtag) {
        boolean changed() {
            return !Objects.equals(draftEtag, publishedEtag);
        }
    }

    /** Every site that has content, published or draft. */
    List<String> siteIds() {
        Set<String> ids = new java.util.TreeSet<>();
        for (String branch : List.of(ContentRepository.DRAFT, ContentRepository.PUBLISHED)) {
            for (String path : repository.snapshot(branch).files().keySet()) {
                String[] parts = path.split("/");
                if (parts.length > 2 && parts[0].equals("sites")) {
                    ids.add(parts[1]);
                }
            }
        }
        return List.copyOf(ids);
    }

    List<FileState> files(String site) {
        SortedMap<String, ObjectId> draft = siteFiles(repository.snapshot(ContentRepository.DRAFT), site);
        SortedMap<String, ObjectId> published = siteFiles(repository.snapshot(ContentRepository.PUBLISHED), site);
        Set<String> paths = new java.util.TreeSet<>(draft.keySet());
        paths.addAll(published.keySet());
        return paths.stream().map(p -> new FileState(p, etagOf(draft.get(p)), etagOf(published.get(p)))).toList();
    }

    private static SortedMap<String, ObjectId> siteFiles(ContentRepository.Snapshot snapshot, String site) {
        String prefix = "sites/" + site + "/";
        SortedMap<String, ObjectId> files = new TreeMap<>();
        snapshot.files().subMap(prefix, prefix + Character.MAX_VALUE)
                .forEach((path, blob) -> files.put(path.substring(prefix.length()), blob));
        return files;
    }

    /** Every file of the site's draft, as text, keyed by its path relative to the content directory. */
    private Map<String, String> draftFiles(String site) {
        return filesOf(repository.snapshot(ContentRepository.DRAFT), site);
    }

    /** A site's files as the content loader checks them: texts, and pictures by name (it checks they are there). */
    private Map<String, String> filesOf(ContentRepository.Snapshot snapshot, String site) {
        Map<String, String> files = new LinkedHashMap<>();
        siteFiles(snapshot, site).forEach((path, blob) -> files.put(repoPath(site, path),
                isPicture(path) ? "" : text(repository.read(blob))));
        return files;
    }

    /**
     * Keeps an uploaded picture (already checked) in the site's draft together with the exhibit file that
     * names it, as one revision: refused, with nothing kept, if that exhibit file would not be valid or
     * was saved by someone else since {@code expectedEtag}. A picture of the same name is replaced.
     */
    FileVersion addPicture(String site, String fileName, byte[] picture, String exhibitPath, String expectedEtag,
                           String exhibitText, String author) {
        String picturePath = PICTURES + fileName;
        if (!isPicture(picturePath) || !isFile(exhibitPath)) {
            throw new IllegalArgumentException("Not a picture and an exhibit file: " + picturePath + ", " + exhibitPath);
        }
        Map<String, String> files = draftFiles(site);
        files.put(repoPath(site, picturePath), "");
        files.put(repoPath(site, exhibitPath), exhibitText);
        String exhibitFile = repoPath(site, exhibitPath);
        List<ContentProblem> problems = ContentLoader.loadFiles(files).problems().stream()
                .filter(p -> p.file().equals(exhibitFile)).toList();
        if (!problems.isEmpty()) {
            throw new InvalidContent("The picture's description has " + problems.size() + " problem(s); nothing was saved.", problems);
        }
        writing.lock();
        try {
            ContentRepository.Snapshot draft = repository.snapshot(ContentRepository.DRAFT);
            if (!Objects.equals(etagOf(draft.blob(exhibitFile)), expectedEtag)) {
                throw stale(site, exhibitPath);
            }
            byte[] exhibitBytes = exhibitText.getBytes(StandardCharsets.UTF_8);
            Map<String, byte[]> changes = new LinkedHashMap<>();
            changes.put(repoPath(site, picturePath), picture);
            changes.put(exhibitFile, exhibitBytes);
            repository.commit(ContentRepository.DRAFT, draft, changes, author, Instant.now(), "Add picture " + fileName + " to " + exhibitPath);
            return new FileVersion(exhibitPath, exhibitText, ContentRepository.idOf(exhibitBytes).name());
        } catch (ContentRepository.BranchMoved moved) {
            throw stale(site, exhibitPath);
        } finally {
            writing.unlock();
        }
    }

    /** The site as its draft would be served (for previews and the editor's checks). */
    Optional<Site> draftSite(String site) {
        return checkedDraft(site).site(site);
    }

    /**
     * The site as its draft would be served with one file's text in place of the saved one (an editor's
     * unsaved changes), or with the saved draft's if that text is not valid: a broken file is left out.
     */
    Optional<Site> draftSiteWith(String site, String relativePath, String text) {
        Map<String, String> files = draftFiles(site);
        files.put(repoPath(site, relativePath), text);
        SiteCatalog edited = ContentLoader.loadFiles(files);
        String file = repoPath(site, relativePath);
        return edited.problems().stream().anyMatch(p -> p.file().equals(file)) ? draftSite(site) : edited.site(site);
    }

    /** The draft of a site, loaded and validated; kept while the draft branch does not move. */
    private SiteCatalog checkedDraft(String site) {
        ContentRepository.Snapshot draft = repository.snapshot(ContentRepository.DRAFT);
        String key = site + "@" + draft.commit();
        SiteCatalog cached = checkedDrafts.get(key);
        if (cached == null) {
            cached = ContentLoader.loadFiles(filesOf(draft, site));
            if (checkedDrafts.size() > 32) {
                checkedDrafts.clear();
            }
            checkedDrafts.put(key, cached);
        }
        return cached;
    }

    /** The problems a file's text would have in the site's draft, without saving it. */
    List<ContentProblem> validate(String site, String relativePath, String text) {
        Map<String, String> files = draftFiles(site);
        files.put(repoPath(site, relativePath), text);
        SiteCatalog checked = ContentLoader.loadFiles(files);
        String file = repoPath(site, relativePath);
        return checked.problems().stream().filter(p -> p.file().equals(file)).toList();
    }

    /** Problems of the whole draft of a site (e.g. a related exhibit that no longer exists). */
    List<ContentProblem> draftProblems(String site) {
        return checkedDraft(site).problems();
    }

    /**
     * Saves a new draft of a file as one revision. {@code expectedEtag} is the version the curator
     * edited ({@code null} to create a file that must not exist yet).
     */
    FileVersion save(String site, String relativePath, String expectedEtag, String text, String author, String message) {
        List<ContentProblem> problems = validate(site, relativePath, text);
        if (!problems.isEmpty()) {
            throw new InvalidContent("The file has " + problems.size() + " problem(s); nothing was saved.", problems);
        }
        String path = repoPath(site, relativePath);
        try (WriteLock held = writeLock()) {
            ContentRepository.Snapshot draft = repository.snapshot(ContentRepository.DRAFT);
            ObjectId current = draft.blob(path);
            if (!Objects.equals(etagOf(current), expectedEtag)) {
                throw stale(site, relativePath);
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            repository.commit(ContentRepository.DRAFT, draft, Map.of(path, bytes), author, Instant.now(), message);
            return new FileVersion(relativePath, text, ContentRepository.idOf(bytes).name());
        } catch (ContentRepository.BranchMoved moved) {
            throw stale(site, relativePath);
        }
    }

    /**
     * Deletes a file from the draft (as one revision; it stays in the history and can be restored).
     * Refused if other files of the draft would then be invalid (an exhibit still named as related).
     */
    void delete(String site, String relativePath, String expectedEtag, String author, String message) {
        String path = repoPath(site, relativePath);
        Map<String, String> files = draftFiles(site);
        files.remove(path);
        Set<String> before = new HashSet<>();
        draftProblems(site).forEach(p -> before.add(p.toString()));
        List<ContentProblem> introduced = ContentLoader.loadFiles(files).problems().stream()
                .filter(p -> !before.contains(p.toString())).toList();
        if (!introduced.isEmpty()) {
            throw new InvalidContent("Other files still refer to it; nothing was deleted.", introduced);
        }
        try (WriteLock held = writeLock()) {
            ContentRepository.Snapshot draft = repository.snapshot(ContentRepository.DRAFT);
            if (draft.blob(path) == null || !Objects.equals(etagOf(draft.blob(path)), expectedEtag)) {
                throw stale(site, relativePath);
            }
            Map<String, byte[]> change = new java.util.HashMap<>();
            change.put(path, null);
            repository.commit(ContentRepository.DRAFT, draft, change, author, Instant.now(), message);
        } catch (ContentRepository.BranchMoved moved) {
            throw stale(site, relativePath);
        }
    }

    private StaleEdit stale(String site, String relativePath) {
        List<ContentRepository.Versioned> last = repository.history(ContentRepository.DRAFT, repoPath(site, relativePath), 1);
        return new StaleEdit(draft(site, relativePath), last.isEmpty() ? null : last.get(0).revision());
    }

    /** A revision in a file's history. */
    record HistoryEntry(ContentRepository.Revision revision, String etag, boolean live, boolean current) {
    }

    List<HistoryEntry> history(String site, String relativePath, int limit) {
        String path = repoPath(site, relativePath);
        ObjectId published = repository.snapshot(ContentRepository.PUBLISHED).blob(path);
        ObjectId draft = repository.snapshot(ContentRepository.DRAFT).blob(path);
        List<HistoryEntry> entries = new ArrayList<>();
        boolean first = true;
        for (ContentRepository.Versioned version : repository.history(ContentRepository.DRAFT, path, limit)) {
            entries.add(new HistoryEntry(version.revision(), etagOf(version.blob()),
                    version.blob() != null && version.blob().equals(published),
                    first && Objects.equals(version.blob(), draft)));
            first = false;
        }
        return entries;
    }

    /** The last revision of each of a site's draft files (relative path → revision). */
    Map<String, ContentRepository.Revision> lastChanges(String site) {
        Map<String, ContentRepository.Revision> result = new LinkedHashMap<>();
        String prefix = "sites/" + site + "/";
        repository.lastChanges(ContentRepository.DRAFT, prefix)
                .forEach((path, revision) -> result.put(path.substring(prefix.length()), revision));
        return result;
    }

    /** The versions of a file as the draft history holds them: (revision, text), newest first. */
    List<Map.Entry<ContentRepository.Revision, String>> versions(String site, String relativePath, int limit) {
        List<Map.Entry<ContentRepository.Revision, String>> versions = new ArrayList<>();
        for (ContentRepository.Versioned version : repository.history(ContentRepository.DRAFT, repoPath(site, relativePath), limit)) {
            versions.add(Map.entry(version.revision(), version.blob() == null ? "" : text(repository.read(version.blob()))));
        }
        return versions;
    }

    Optional<String> textAt(String site, String relativePath, String revision) {
        return Optional.ofNullable(repository.readAt(revision, repoPath(site, relativePath))).map(StudioContent::text);
    }

    /** Makes an earlier revision of a file the current draft again (as a new revision: nothing is lost). */
    FileVersion restore(String site, String relativePath, String revision, String expectedEtag, String author) {
        String text = textAt(site, relativePath, revision)
                .orElseThrow(() -> new IllegalArgumentException("That revision has no " + relativePath));
        return save(site, relativePath, expectedEtag, text, author,
                "Restore " + relativePath + " as of revision " + revision.substring(0, Math.min(10, revision.length())));
    }

    /** What a publication did. */
    record Published(List<String> paths, long catalogVersion) {
    }

    /**
     * Makes the drafts of the given files (all changed files of the site when {@code relativePaths} is
     * empty), and the changed pictures, live: validates the site as it would be, writes the files into the content directory, keeps
     * the revision, runs {@code written} and reloads the catalog. Refused, with the problems, if it would break the site.
     *
     * @param written run once the files and the revision are there for every instance to read, before this
     *                one reloads (other instances told then reload at the same time as this one)
     */
    Published publish(String site, Collection<String> relativePaths, String author, String message, Runnable written) {
        List<String> changed = writeAndKeep(site, relativePaths, author, message);
        if (changed.isEmpty()) {
            // the draft is live already, perhaps because another instance sharing the folders published it a
            // moment ago: this one serves it too before saying so
            syncFromDisk();
            return new Published(List.of(), live.get().version());
        }
        written.run();
        return new Published(changed, reload.get().version());
    }

    /** The files published and their revision, under the write lock; the paths changed, none if none. */
    private List<String> writeAndKeep(String site, Collection<String> relativePaths, String author, String message) {
        try (WriteLock held = writeLock()) {
            ContentRepository.Snapshot draft = repository.snapshot(ContentRepository.DRAFT);
            ContentRepository.Snapshot published = repository.snapshot(ContentRepository.PUBLISHED);
            List<String> changed = new ArrayList<>();
            for (FileState state : files(site)) {
                // pictures go along with any publication: an exhibit published without the picture it names would be refused
                if (state.changed() && (relativePaths.isEmpty() || relativePaths.contains(state.path()) || isPicture(state.path()))) {
                    changed.add(state.path());
                }
            }
            if (changed.isEmpty()) {
                return changed;
            }
            Map<String, String> before = filesOf(published, site);
            Map<String, String> after = new LinkedHashMap<>(before);
            Map<String, byte[]> changes = new LinkedHashMap<>();
            for (String relative : changed) {
                String path = repoPath(site, relative);
                ObjectId blob = draft.blob(path);
                byte[] bytes = blob == null ? null : repository.read(blob);
                changes.put(path, bytes);
                if (bytes == null) {
                    after.remove(path);
                } else {
                    after.put(path, isPicture(relative) ? "" : text(bytes));
                }
            }
            Set<String> existing = new HashSet<>();
            ContentLoader.loadFiles(before).problems().forEach(p -> existing.add(p.toString()));
            List<ContentProblem> introduced = ContentLoader.loadFiles(after).problems().stream()
                    .filter(p -> !existing.contains(p.toString())).toList();
            if (!introduced.isEmpty()) {
                throw new InvalidContent("Publishing would break the site; nothing was published.", introduced);
            }
            for (Map.Entry<String, byte[]> change : changes.entrySet()) {
                writeToDisk(change.getKey(), change.getValue());
            }
            repository.commit(ContentRepository.PUBLISHED, published, changes, author, Instant.now(), message);
            diskFingerprint = fingerprint();
            return changed;
        } catch (ContentRepository.BranchMoved moved) {
            throw new IllegalStateException("The published content changed during publication; try again", moved);
        }
    }

    private void writeToDisk(String path, byte[] content) {
        Path target = contentDir.resolve(path);
        try {
            if (content == null) {
                Files.deleteIfExists(target);
                return;
            }
            AtomicFiles.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /**
     * Picks up files changed by hand in the content directory: keeps them as a revision of the published
     * content (and of the draft, where no curator's draft differs), then reloads the catalog, which
     * validates them. Also serves what another instance sharing the content and data directories
     * published (already a revision, so nothing is recorded), should its notice over Redis have been
     * missed. Cheap when nothing changed (sizes and times only).
     */
    void syncFromDisk() {
        if (fingerprint().equals(diskFingerprint)) {
            return;
        }
        boolean recorded;
        boolean firstLook;
        try (WriteLock held = writeLock()) {
            Map<String, Long> now = fingerprint();
            if (now.equals(diskFingerprint)) {
                return; // taken in meanwhile (the disk check and a publication notice at once)
            }
            firstLook = diskFingerprint.isEmpty();
            recorded = importDisk();
            diskFingerprint = now;
        } catch (ContentRepository.BranchMoved moved) {
            return;
        }
        if (recorded || !firstLook) {
            reload.get();
        }
    }

    private boolean importDisk() throws ContentRepository.BranchMoved {
        ContentRepository.Snapshot published = repository.snapshot(ContentRepository.PUBLISHED);
        ContentRepository.Snapshot draft = repository.snapshot(ContentRepository.DRAFT);
        Map<String, byte[]> onDisk = readDisk();
        Map<String, byte[]> changes = new LinkedHashMap<>();
        onDisk.forEach((path, bytes) -> {
            if (!ContentRepository.idOf(bytes).equals(published.blob(path))) {
                changes.put(path, bytes);
            }
        });
        published.files().keySet().stream().filter(path -> !onDisk.containsKey(path)).forEach(path -> changes.put(path, null));
        if (changes.isEmpty()) {
            return false;
        }
        Instant now = Instant.now();
        if (!published.exists()) {
            repository.commit(ContentRepository.PUBLISHED, published, changes, DISK_AUTHOR, now, "Content as found in " + contentDir);
            if (!draft.exists()) {
                repository.commit(ContentRepository.DRAFT, draft, changes, DISK_AUTHOR, now, "Content as found in " + contentDir);
            }
            log.info("Studio: keeping revisions of {} content files", changes.size());
            return false;
        }
        String message = "Changed on disk: " + String.join(", ", changes.keySet());
        repository.commit(ContentRepository.PUBLISHED, published, changes, DISK_AUTHOR, now, message);
        Map<String, byte[]> draftChanges = new LinkedHashMap<>();
        changes.forEach((path, bytes) -> {
            if (Objects.equals(draft.blob(path), published.blob(path))) {
                draftChanges.put(path, bytes);
            }
        });
        if (!draftChanges.isEmpty()) {
            repository.commit(ContentRepository.DRAFT, draft, draftChanges, DISK_AUTHOR, now, message);
        }
        log.info("Studio: {}", message);
        return true;
    }

    private Map<String, byte[]> readDisk() {
        Map<String, byte[]> files = new TreeMap<>();
        for (Path file : contentFiles()) {
            try {
                files.put(contentDir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            } catch (IOException e) {
                log.warn("Studio: cannot read {}: {}", file, e.getMessage());
            }
        }
        return files;
    }

    private Map<String, Long> fingerprint() {
        Map<String, Long> fingerprint = new TreeMap<>();
        for (Path file : contentFiles()) {
            try {
                fingerprint.put(file.toString(), Files.getLastModifiedTime(file).toMillis() * 31 + Files.size(file));
            } catch (IOException ignored) {
                // vanished between listing and reading: the next poll sees it gone
            }
        }
        return fingerprint;
    }

    private List<Path> contentFiles() {
        Path sitesDir = contentDir.resolve("sites");
        if (!Files.isDirectory(sitesDir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(sitesDir, 3)) {
            return paths.filter(Files::isRegularFile).filter(p -> isSiteFile(sitesDir.relativize(p))).sorted().toList();
        } catch (IOException e) {
            log.warn("Studio: cannot list {}: {}", sitesDir, e.getMessage());
            return List.of();
        }
    }

    private static boolean isSiteFile(Path underSites) {
        if (underSites.getNameCount() < 2) {
            return false;
        }
        String relative = underSites.subpath(1, underSites.getNameCount()).toString().replace('\\', '/');
        return isFile(relative) || isPicture(relative);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Held while revisions and the content directory are written. */
    interface WriteLock extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * One writer at a time, in this instance and in every other one sharing the data directory: without
     * it, another instance's disk check could find a publication's files half way (written, not yet
     * committed) and keep them as a change by {@code disk}.
     */
    private WriteLock writeLock() {
        writing.lock();
        try {
            FileChannel channel = FileChannel.open(writeLockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.lock();
                return () -> {
                    try (channel) {
                        lock.release();
                    } catch (IOException e) {
                        log.warn("Studio: could not release {}: {}", writeLockFile, e.getMessage());
                    } finally {
                        writing.unlock();
                    }
                };
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            writing.unlock();
            throw new UncheckedIOException("Cannot lock " + writeLockFile, e);
        } catch (RuntimeException e) {
            writing.unlock();
            throw e;
        }
    }

    @Override
    public void destroy() {
        poll.shutdownNow();
        repository.close();
    }
}
