package org.heritageguide.studio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Every revision of the content, in a Git repository kept in the data directory (never inside the
 * content directory, which may itself sit in a project's Git checkout). Two branches: {@code draft}
 * holds what the curators saved, {@code published} what visitors are served (the files in the content
 * directory). Commits are written straight into the object database; the content directory itself is
 * written only by the studio's publisher and the operator.
 */
final class ContentRepository implements AutoCloseable {

    static final String DRAFT = "refs/heads/draft";
    static final String PUBLISHED = "refs/heads/published";

    private final Repository git;
    private final Map<ObjectId, Snapshot> snapshots = new java.util.HashMap<>();
    private final Map<String, Map<String, Revision>> lastChanges = new java.util.HashMap<>();

    ContentRepository(Path gitDir) {
        try {
            Files.createDirectories(gitDir.getParent());
            git = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build();
            if (!git.getObjectDatabase().exists()) {
                git.create(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the content revisions at " + gitDir, e);
        }
    }

    /** One commit, as shown in a file's history. */
    record Revision(String id, String author, Instant at, String message) {
    }

    /** The files of one commit (path → blob), or an empty snapshot for a branch with no commit yet. */
    record Snapshot(ObjectId commit, SortedMap<String, ObjectId> files) {

        boolean exists() {
            return commit != null;
        }

        ObjectId blob(String path) {
            return files.get(path);
        }
    }

    /** Thrown when the branch moved since the caller read it. */
    static final class BranchMoved extends Exception {
        BranchMoved(String branch) {
            super(branch + " moved");
        }
    }

    synchronized Snapshot snapshot(String branch) {
        try {
            ObjectId head = git.resolve(branch);
            if (head == null) {
                return new Snapshot(null, Collections.emptySortedMap());
            }
            Snapshot known = snapshots.get(head);
            if (known == null) {
                known = snapshotOf(head);
                if (snapshots.size() > 16) {
                    snapshots.clear();
                }
                snapshots.put(head.copy(), known);
            }
            return known;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Snapshot snapshotOf(ObjectId commitId) throws IOException {
        SortedMap<String, ObjectId> files = new TreeMap<>();
        try (RevWalk walk = new RevWalk(git); TreeWalk tree = new TreeWalk(git)) {
            RevCommit commit = walk.parseCommit(commitId);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                files.put(tree.getPathString(), tree.getObjectId(0));
            }
        }
        return new Snapshot(commitId, Collections.unmodifiableSortedMap(files));
    }

    byte[] read(ObjectId blob) {
        try (ObjectReader reader = git.newObjectReader()) {
            return reader.open(blob, Constants.OBJ_BLOB).getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blob id a text would have, without storing it: the version tag of a file's content. */
    static ObjectId idOf(byte[] content) {
        try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
            return formatter.idFor(Constants.OBJ_BLOB, content);
        }
    }

    /**
     * Commits {@code changes} (path → new content, {@code null} to delete) on top of {@code base}, which
     * must still be the branch's head. Returns the new commit, or {@code base} when nothing changed.
     */
    synchronized ObjectId commit(String branch, Snapshot base, Map<String, byte[]> changes, String author,
                                 Instant at, String message) throws BranchMoved {
        try (ObjectInserter inserter = git.newObjectInserter()) {
            ObjectId head = git.resolve(branch);
            if (head == null ? base.commit() != null : !head.equals(base.commit())) {
                throw new BranchMoved(branch);
            }
            SortedMap<String, ObjectId> files = new TreeMap<>(base.files());
            for (Map.Entry<String, byte[]> change : changes.entrySet()) {
                if (change.getValue() == null) {
                    files.remove(change.getKey());
                } else {
                    files.put(change.getKey(), inserter.insert(Constants.OBJ_BLOB, change.getValue()));
                }
            }
            if (base.exists() && files.equals(base.files())) {
                return base.commit();
            }
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            files.forEach((path, blob) -> {
                DirCacheEntry entry = new DirCacheEntry(path);
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
                builder.add(entry);
            });
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (head != null) {
                commit.setParentId(head);
            }
            PersonIdent person = new PersonIdent(author, author + "@studio", at, ZoneOffset.UTC);
            commit.setAuthor(person);
            commit.setCommitter(person);
            commit.setMessage(message);
            ObjectId created = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = git.updateRef(branch);
            update.setExpectedOldObjectId(head == null ? ObjectId.zeroId() : head);
            update.setNewObjectId(created);
            update.setRefLogMessage(message, false);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new BranchMoved(branch);
            }
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commits of a branch that changed {@code path}, newest first, with the blob each left there. */
    synchronized List<Versioned> history(String branch, String path, int limit) {
        List<Versioned> versions = new ArrayList<>();
        try (RevWalk walk = new RevWalk(git)) {
            ObjectId head = git.resolve(branch);
            if (head == null) {
                return versions;
            }
            walk.markStart(walk.parseCommit(head));
            ObjectId newer = null;
            RevCommit newerCommit = null;
            for (RevCommit commit : walk) {
                ObjectId blob = blobAt(commit, path);
                if (newerCommit != null && !java.util.Objects.equals(blob, newer)) {
                    versions.add(versionOf(newerCommit, newer));
                    if (versions.size() >= limit) {
                        return versions;
                    }
                }
                newer = blob;
                newerCommit = commit;
            }
            if (newerCommit != null && newer != null) {
                versions.add(versionOf(newerCommit, newer));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    /**
     * The last revision that changed each file under {@code prefix}, found in one walk back through the
     * branch (stopping once every current file is found), kept until the branch moves.
     */
    synchronized Map<String, Revision> lastChanges(String branch, String prefix) {
        try (RevWalk walk = new RevWalk(git)) {
            ObjectId head = git.resolve(branch);
            if (head == null) {
                return Map.of();
            }
            String key = head.name() + ":" + prefix;
            Map<String, Revision> known = lastChanges.get(key);
            if (known != null) {
                return known;
            }
            java.util.Set<String> wanted = new java.util.HashSet<>(snapshot(branch).files().tailMap(prefix).keySet()
                    .stream().filter(p -> p.startsWith(prefix)).toList());
            Map<String, Revision> found = new java.util.HashMap<>();
            walk.markStart(walk.parseCommit(head));
            for (RevCommit commit : walk) {
                if (found.size() == wanted.size()) {
                    break;
                }
                try (TreeWalk diff = new TreeWalk(git)) {
                    diff.setRecursive(true);
                    diff.setFilter(org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(
                            org.eclipse.jgit.treewalk.filter.PathFilter.create(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix),
                            org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF));
                    diff.addTree(commit.getTree());
                    if (commit.getParentCount() > 0) {
                        diff.addTree(walk.parseCommit(commit.getParent(0)).getTree());
                    } else {
                        diff.addTree(new org.eclipse.jgit.treewalk.EmptyTreeIterator());
                    }
                    while (diff.next()) {
                        String path = diff.getPathString();
                        if (wanted.contains(path) && !found.containsKey(path)) {
                            found.put(path, versionOf(commit, null).revision());
                        }
                    }
                }
            }
            if (lastChanges.size() > 16) {
                lastChanges.clear();
            }
            Map<String, Revision> result = Map.copyOf(found);
            lastChanges.put(key, result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A revision together with the content it left at the path ({@code null}: the file was deleted). */
    record Versioned(Revision revision, ObjectId blob) {
    }

    private static Versioned versionOf(RevCommit commit, ObjectId blob) {
        PersonIdent author = commit.getAuthorIdent();
        return new Versioned(new Revision(commit.getName(), author.getName(), author.getWhenAsInstant(),
                commit.getFullMessage().strip()), blob);
    }

    private ObjectId blobAt(RevCommit commit, String path) throws IOException {
        try (TreeWalk tree = TreeWalk.forPath(git, path, commit.getTree())) {
            return tree == null ? null : tree.getObjectId(0);
        }
    }

    /** The content of {@code path} at a revision, or {@code null} if that revision does not have it. */
    synchronized byte[] readAt(String revision, String path) {
        try (RevWalk walk = new RevWalk(git)) {
            ObjectId id = git.resolve(revision + "^{commit}");
            if (id == null) {
                return null;
            }
            ObjectId blob = blobAt(walk.parseCommit(id), path);
            return blob == null ? null : read(blob);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
