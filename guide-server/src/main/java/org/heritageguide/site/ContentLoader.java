package org.heritageguide.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads and validates the content directory ({@code sites/<site>/site.yaml, faq.yaml, exhibits/*.yaml}).
 * A file with problems is reported and replaced by its last good version, if this loader has seen one,
 * so one broken file never takes a site down.
 */
public final class ContentLoader {

    static final String SITES = "sites";
    static final String SITE_FILE = "site.yaml";
    static final String FAQ_FILE = "faq.yaml";
    static final String EXHIBITS = "exhibits";
    public static final String PICTURES = "pictures";
    private static final String YAML = ".yaml";

    private final Path contentDir;
    private final Map<String, Object> lastGood = new ConcurrentHashMap<>();

    public ContentLoader(Path contentDir) {
        this.contentDir = contentDir;
    }

    public Path contentDir() {
        return contentDir;
    }

    /**
     * Loads content that is not (yet) in the content directory, such as a curator's draft, with the same
     * validation: {@code files} maps paths relative to a content directory ({@code sites/<site>/...}) to
     * their text. Nothing is kept between calls, so a broken file is left out and reported with its
     * line and field. Used to validate an edit before it is saved and to preview a draft.
     */
    public static SiteCatalog loadFiles(Map<String, String> files) {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("guide-content-check");
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = temp.resolve(file.getKey()).normalize();
                if (!target.startsWith(temp)) {
                    throw new IllegalArgumentException("Not a path inside the content directory: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            return new ContentLoader(temp).load(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot check content in a temporary directory", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    /** Loads every site; never throws for bad content, only reports it. */
    public SiteCatalog load(long version) {
        Map<String, Site> sites = new LinkedHashMap<>();
        List<ContentProblem> problems = new ArrayList<>();
        Path sitesDir = contentDir.resolve(SITES);
        if (!Files.isDirectory(sitesDir)) {
            problems.add(new ContentProblem(SITES, 0, "", "the content directory has no sites folder: " + sitesDir.toAbsolutePath()));
            return new SiteCatalog(version, sites, problems, Instant.now());
        }
        for (Path siteDir : list(sitesDir, Files::isDirectory)) {
            String siteId = siteDir.getFileName().toString();
            if (!FileReader.isId(siteId)) {
                problems.add(new ContentProblem(relative(siteDir), 0, "", "'" + siteId + "' is not a valid site id"));
                continue;
            }
            loadSite(siteId, problems).ifPresent(site -> sites.put(siteId, site));
        }
        return new SiteCatalog(version, sites, problems, Instant.now());
    }

    private Optional<Site> loadSite(String siteId, List<ContentProblem> problems) {
        Path siteDir = contentDir.resolve(SITES).resolve(siteId);
        Site header = readFile(siteDir.resolve(SITE_FILE), problems, (reader, root) -> readHeader(reader, root, siteId));
        if (header == null) {
            return Optional.empty();
        }
        Map<String, Exhibit> exhibits = new LinkedHashMap<>();
        Path exhibitsDir = siteDir.resolve(EXHIBITS);
        List<Path> exhibitFiles = Files.isDirectory(exhibitsDir)
                ? list(exhibitsDir, p -> p.getFileName().toString().endsWith(YAML)) : List.of();
        Set<String> exhibitIds = new HashSet<>();
        exhibitFiles.forEach(p -> exhibitIds.add(exhibitId(p)));
        Path picturesDir = siteDir.resolve(PICTURES);
        Set<String> pictureFiles = new HashSet<>();
        if (Files.isDirectory(picturesDir)) {
            list(picturesDir, Files::isRegularFile).forEach(p -> pictureFiles.add(p.getFileName().toString()));
        }
        for (Path file : exhibitFiles) {
            String id = exhibitId(file);
            if (!FileReader.isId(id)) {
                problems.add(new ContentProblem(relative(file), 0, "", "'" + id + "' is not a valid exhibit id (file name)"));
                continue;
            }
            Exhibit exhibit = readFile(file, problems, (reader, root) -> readExhibit(reader, root, id, header, exhibitIds, pictureFiles));
            if (exhibit != null) {
                exhibits.put(id, exhibit);
            }
        }
        Path faqFile = siteDir.resolve(FAQ_FILE);
        List<Faq> faqs = Files.exists(faqFile)
                ? readFile(faqFile, problems, (reader, root) -> readFaqs(reader, root, exhibitIds))
                : List.of();
        return Optional.of(header.toBuilder().exhibits(exhibits).faqs(faqs == null ? List.of() : faqs).build());
    }

    private interface Parser<T> {
        T parse(FileReader reader, YamlNode root);
    }

    @SuppressWarnings("unchecked")
    private <T> T readFile(Path file, List<ContentProblem> problems, Parser<T> parser) {
        String name = relative(file);
        FileReader reader = new FileReader(name);
        T value = null;
        try (InputStream in = Files.newInputStream(file)) {
            value = parser.parse(reader, YamlNode.parse(in));
        } catch (YamlNode.YamlSyntaxException e) {
            reader.problem(null, "", "not valid YAML at line " + e.line() + ": " + e.getMessage());
        } catch (IOException e) {
            reader.problem(null, "", "cannot be read: " + e.getMessage());
        }
        problems.addAll(reader.problems());
        if (reader.hasProblems() || value == null) {
            Object previous = lastGood.get(name);
            if (previous != null) {
                problems.add(new ContentProblem(name, 0, "", "the last good version is still in use"));
            }
            return (T) previous;
        }
        lastGood.put(name, value);
        return value;
    }

    /** The site as {@code site.yaml} describes it, without its exhibits and FAQs. */
    private Site readHeader(FileReader reader, YamlNode root, String siteId) {
        if (reader.requireMap(root, "") == null) {
            return null;
        }
        reader.onlyFields(root, "", ContentFields.SITE);
        List<String> languages = reader.languages(root, "languages");
        if (languages.isEmpty()) {
            reader.problem(root, "languages", "at least one language is required");
        }
        String defaultLanguage = reader.text(root, "defaultLanguage", true);
        if (defaultLanguage != null && !languages.contains(defaultLanguage)) {
            reader.problem(root.get("defaultLanguage"), "defaultLanguage", "'" + defaultLanguage + "' is not among the site's languages " + languages);
        }
        String sourceLanguage = reader.text(root, "sourceLanguage", false);
        if (sourceLanguage == null) {
            sourceLanguage = defaultLanguage;
        } else if (!languages.contains(sourceLanguage)) {
            reader.problem(root.get("sourceLanguage"), "sourceLanguage", "'" + sourceLanguage + "' is not among the site's languages " + languages);
        }
        List<String> partial = siteLanguages(reader, root, "partialLanguages", languages);
        List<String> fallback = siteLanguages(reader, root, "fallbackLanguages", languages);
        Localized name = reader.localized(root, "name", defaultLanguage);
        Names aliases = new Names(reader.textsPerLanguage(root, "aliases"));
        Localized city = reader.localized(root, "city", null);
        Localized intro = reader.localized(root, "intro", defaultLanguage);
        Map<VisitorTopic, Localized> info = new EnumMap<>(VisitorTopic.class);
        YamlNode infoNode = root.get("visitorInfo");
        if (infoNode != null && !infoNode.isNull()) {
            if (reader.requireMap(infoNode, "visitorInfo") != null) {
                infoNode.entries().forEach((key, value) -> VisitorTopic.fromKey(key).ifPresentOrElse(
                        topic -> info.put(topic, reader.localizedNode(value, "visitorInfo." + key, null)),
                        () -> reader.problem(value, "visitorInfo." + key, "unknown topic; known topics are "
                                + Stream.of(VisitorTopic.values()).map(VisitorTopic::key).toList())));
            }
        }
        List<Area> areas = new ArrayList<>();
        YamlNode areasNode = root.get("areas");
        if (areasNode != null && areasNode.isList()) {
            reader.eachMap(areasNode, "areas", ContentFields.AREA, (area, at) -> {
                String id = reader.id(area, "id", true);
                Localized areaName = reader.localized(area, "name", defaultLanguage);
                if (id != null) {
                    areas.add(new Area(id, areaName));
                }
            });
        } else if (areasNode != null && !areasNode.isNull()) {
            reader.problem(areasNode, "areas", "expected a list of areas");
        }
        return Site.builder(siteId).name(name).aliases(aliases).defaultLanguage(defaultLanguage).sourceLanguage(sourceLanguage)
                .languages(languages).partialLanguages(partial).fallbackLanguages(fallback).city(city).intro(intro)
                .visitorInfo(info).areas(areas).browserSpeech(browserSpeech(reader, root)).build();
    }

    private static BrowserSpeech browserSpeech(FileReader reader, YamlNode root) {
        String value = reader.text(root, "browserSpeech", false);
        if (value == null) {
            return BrowserSpeech.ON_DEVICE;
        }
        return BrowserSpeech.fromKey(value).orElseGet(() -> {
            reader.problem(root.get("browserSpeech"), "browserSpeech", "expected one of "
                    + Stream.of(BrowserSpeech.values()).map(BrowserSpeech::key).toList() + ", found '" + value + "'");
            return BrowserSpeech.ON_DEVICE;
        });
    }

    /** A list of languages that must all be among the site's. */
    private static List<String> siteLanguages(FileReader reader, YamlNode root, String field, List<String> languages) {
        List<String> listed = reader.languages(root, field);
        for (String language : listed) {
            if (!languages.contains(language)) {
                reader.problem(root.get(field), field, "'" + language + "' is not among the site's languages");
            }
        }
        return listed;
    }

    private Exhibit readExhibit(FileReader reader, YamlNode root, String id, Site site, Set<String> exhibitIds,
                                Set<String> pictureFiles) {
        if (reader.requireMap(root, "") == null) {
            return null;
        }
        reader.onlyFields(root, "", ContentFields.EXHIBIT_NAMES);
        String language = site.defaultLanguage();
        String statusText = reader.text(root, "status", true);
        ExhibitStatus status = statusText == null ? ExhibitStatus.DRAFT : ExhibitStatus.fromWritten(statusText).orElse(null);
        if (status == null) {
            reader.problem(root.get("status"), "status", "expected draft or published, found '" + statusText + "'");
            status = ExhibitStatus.DRAFT;
        }
        String area = reader.id(root, "area", false);
        if (area != null && site.area(area).isEmpty()) {
            reader.problem(root.get("area"), "area", "'" + area + "' is not an area of the site (see site.yaml)");
        }
        int order = reader.integer(root, "order", Integer.MAX_VALUE);
        List<String> related = reader.texts(root, "related");
        for (String other : related) {
            if (!exhibitIds.contains(other) || other.equals(id)) {
                reader.problem(root.get("related"), "related", "'" + other + "' is not another exhibit of this site");
            }
        }
        Localized title = reader.localized(root, "title", language);
        Map<String, List<String>> aliases = reader.textsPerLanguage(root, "aliases");
        Localized summary = reader.localized(root, "summary", language);
        List<Localized> passages = new ArrayList<>();
        YamlNode passagesNode = root.get("passages");
        if (passagesNode != null && passagesNode.isList()) {
            for (int i = 0; i < passagesNode.items().size(); i++) {
                passages.add(reader.localizedNode(passagesNode.items().get(i), "passages[" + i + "]", null));
            }
        } else if (passagesNode != null && !passagesNode.isNull()) {
            reader.problem(passagesNode, "passages", "expected a list of paragraphs");
        }
        List<Fact> facts = new ArrayList<>();
        YamlNode factsNode = root.get("facts");
        if (factsNode != null && factsNode.isList()) {
            reader.eachMap(factsNode, "facts", ContentFields.FACT, (fact, at) ->
                    facts.add(new Fact(reader.localized(fact, "label", at + ".label", language),
                            reader.localized(fact, "value", at + ".value", language))));
        } else if (factsNode != null && !factsNode.isNull()) {
            reader.problem(factsNode, "facts", "expected a list of facts");
        }
        Localized location = reader.localized(root, "location", null);
        return new Exhibit(id, status, area, order, related, title, new Names(aliases), summary, passages, facts, location,
                readPictures(reader, root, language, pictureFiles));
    }

    private static List<Picture> readPictures(FileReader reader, YamlNode root, String language, Set<String> pictureFiles) {
        List<Picture> pictures = new ArrayList<>();
        YamlNode picturesNode = root.get("pictures");
        if (picturesNode == null || picturesNode.isNull()) {
            return pictures;
        }
        if (!picturesNode.isList()) {
            reader.problem(picturesNode, "pictures", "expected a list of pictures");
            return pictures;
        }
        reader.eachMap(picturesNode, "pictures", ContentFields.PICTURE, (picture, at) -> {
            String file = reader.text(picture, "file", at + ".file", true);
            if (file != null && !Picture.isFileName(file)) {
                reader.problem(picture.get("file"), at + ".file", "'" + file
                        + "' is not a picture file name (lower-case letters, digits and '-', then .jpg, .jpeg, .png or .webp)");
                file = null;
            } else if (file != null && !pictureFiles.contains(file)) {
                reader.problem(picture.get("file"), at + ".file", "there is no '" + file + "' in the site's " + PICTURES + " folder");
                file = null;
            }
            Localized alt = reader.localized(picture, "alt", at + ".alt", language);
            Localized caption = reader.localized(picture, "caption", at + ".caption", null);
            String credit = reader.text(picture, "credit", at + ".credit", true);
            if (file != null) {
                pictures.add(new Picture(file, alt, caption, credit == null ? "" : credit));
            }
        });
        return pictures;
    }

    private List<Faq> readFaqs(FileReader reader, YamlNode root, Set<String> exhibitIds) {
        if (!root.isList()) {
            if (!root.isNull() && !root.entries().isEmpty()) {
                reader.problem(root, "", "expected a list of questions and answers");
            }
            return List.of();
        }
        List<Faq> faqs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        reader.eachMap(root, "", ContentFields.FAQ, (node, at) -> {
            String id = reader.id(node, "id", true);
            if (id != null && !ids.add(id)) {
                reader.problem(node.get("id"), at + ".id", "'" + id + "' is used twice");
            }
            String exhibit = reader.id(node, "exhibit", false);
            if (exhibit != null && !exhibitIds.contains(exhibit)) {
                reader.problem(node.get("exhibit"), at + ".exhibit", "'" + exhibit + "' is not an exhibit of this site");
            }
            Map<String, List<String>> questions = reader.textsPerLanguage(node, "questions");
            Localized answer = reader.localized(node, "answer", null);
            for (String language : questions.keySet()) {
                if (!answer.has(language)) {
                    reader.problem(node, at + ".answer", "has questions in " + language + " but no answer in " + language);
                }
            }
            if (questions.isEmpty()) {
                reader.problem(node, at + ".questions", "at least one question is required");
            }
            if (id != null) {
                faqs.add(new Faq(id, exhibit, questions, answer));
            }
        });
        return faqs;
    }

    private static String exhibitId(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - YAML.length());
    }

    private String relative(Path file) {
        return contentDir.relativize(file).toString();
    }

    private static List<Path> list(Path dir, Predicate<Path> filter) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(filter).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
