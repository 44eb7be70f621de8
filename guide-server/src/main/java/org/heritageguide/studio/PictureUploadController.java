package org.heritageguide.studio;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.heritageguide.picture.PictureCheck;
import org.heritageguide.picture.PictureSettings;
import org.heritageguide.picture.Pictures;
import org.heritageguide.site.ContentEditing;
import org.heritageguide.site.Picture;
import org.heritageguide.web.ApiException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * A curator adds a picture to an exhibit: the file (JPEG, PNG or WebP) and its description in one form,
 * kept together in the site's draft. Anything refused is answered with why, and nothing is kept. And
 * the studio shows the draft's pictures (published or not yet) at the widths visitors get them.
 */
@RestController
class PictureUploadController {

    private final StudioContent content;
    private final PictureSettings settings;
    private final Pictures pictures;

    PictureUploadController(StudioContent content, PictureSettings settings, Pictures pictures) {
        this.content = content;
        this.settings = settings;
        this.pictures = pictures;
    }

    /**
     * A picture of the site's draft at width {@code w} (one the guide serves): the editor's thumbnail of a
     * picture a curator has just uploaded, before visitors can get it. Revalidated on each use (its ETag),
     * since a draft picture's name may come to hold another picture.
     */
    @GetMapping("/api/v1/studio/sites/{site}/pictures/{file}")
    Mono<ResponseEntity<Resource>> draftPicture(@PathVariable String site, @PathVariable String file, @RequestParam int w) {
        if (!pictures.widths().contains(w)) {
            throw ApiException.badRequest("unsupported-width", "w must be one of "
                    + pictures.widths().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
        }
        return StudioContentController.blocking(() -> content.draftPicture(site, file)
                        .flatMap(bytes -> pictures.sized(site, bytes, w))
                        .orElseThrow(() -> ApiException.notFound("picture-not-found",
                                "The draft of the site '" + site + "' has no picture '" + file + "'.")))
                .map(sized -> ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePrivate()).eTag(sized.etag())
                        .contentType(MediaType.parseMediaType(sized.mediaType()))
                        .body((Resource) new FileSystemResource(sized.file())));
    }

    record Uploaded(String file, String path, String etag, String yaml) {
    }

    /**
     * Multipart fields: {@code file}, {@code credit}, and per language {@code alt.<language>} and
     * {@code caption.<language>}.
     */
    @PostMapping(path = "/api/v1/studio/sites/{site}/exhibits/{exhibit}/pictures", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Uploaded>> upload(@PathVariable String site, @PathVariable String exhibit, ServerWebExchange exchange,
                                          Principal principal) {
        String exhibitPath = StudioContentController.checkedPath(StudioContent.exhibitFile(exhibit));
        StudioContent.FileVersion current = content.draft(site, exhibitPath);
        if (!current.exists()) {
            throw ApiException.notFound("exhibit-not-found", "The site '" + site + "' has no exhibit '" + exhibit + "'.");
        }
        return exchange.getMultipartData().flatMap(form -> {
            if (!(form.getFirst("file") instanceof FilePart file)) {
                throw ApiException.badRequest("no-file", "Send the picture as the form field 'file'.");
            }
            long limit = settings.maxUploadSize().toBytes();
            return DataBufferUtils.join(file.content(), (int) Math.min(Integer.MAX_VALUE, limit))
                    .onErrorMap(DataBufferLimitException.class, tooLarge -> new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                            "A picture may be at most " + settings.maxUploadSize().toMegabytes() + " MB. Make it smaller and upload it again."))
                    .map(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        DataBufferUtils.release(buffer);
                        return bytes;
                    })
                    .flatMap(bytes -> StudioContentController.blocking(() -> store(site, exhibit, exhibitPath, current, file.filename(),
                            bytes, form, principal.getName())));
        });
    }

    private ResponseEntity<Uploaded> store(String site, String exhibit, String exhibitPath, StudioContent.FileVersion current,
                                           String uploadedName, byte[] bytes, MultiValueMap<String, Part> form, String author) {
        PictureCheck.Checked picture;
        try {
            picture = PictureCheck.check(bytes, settings.maxPixels());
        } catch (PictureCheck.Refused refused) {
            HttpStatus status = refused.code.equals("not-a-picture") ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.UNPROCESSABLE_CONTENT;
            throw new ApiException(status, refused.code, refused.getMessage());
        }
        String fileName = freeName(site, baseName(uploadedName, exhibit), picture.format().extension);
        String text = ContentEditing.withPicture(current.text(), new ContentEditing.NewPicture(fileName,
                perLanguage(form, "alt."), perLanguage(form, "caption."), field(form, "credit")));
        StudioContent.FileVersion saved = content.addPicture(site, fileName, bytes, exhibitPath, current.etag(), text, author);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(saved.etag())
                .body(new Uploaded(fileName, saved.path(), saved.etag(), saved.text()));
    }

    /** The uploaded file's name in the content's spelling (lower-case words joined by '-'), else the exhibit's id. */
    private static String baseName(String uploadedName, String exhibit) {
        String name = uploadedName == null ? "" : uploadedName.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        String slug = ContentEditing.slug(name);
        return slug.isEmpty() ? exhibit : slug;
    }

    /** A name no picture of the site's draft has yet, so that an upload never replaces another exhibit's picture. */
    private String freeName(String site, String base, String extension) {
        Set<String> taken = content.files(site).stream().map(StudioContent.FileState::path).collect(Collectors.toSet());
        String name = base + "." + extension;
        for (int n = 2; taken.contains("pictures/" + name) || !Picture.isFileName(name); n++) {
            name = base + "-" + n + "." + extension;
            if (n > 999) {
                throw new IllegalStateException("No free picture name for " + base);
            }
        }
        return name;
    }

    private static Map<String, String> perLanguage(MultiValueMap<String, Part> form, String prefix) {
        Map<String, String> texts = new LinkedHashMap<>();
        form.forEach((name, parts) -> {
            if (name.startsWith(prefix) && !parts.isEmpty() && parts.get(0) instanceof FormFieldPart field) {
                texts.put(name.substring(prefix.length()), field.value());
            }
        });
        return texts;
    }

    private static String field(MultiValueMap<String, Part> form, String name) {
        return form.getFirst(name) instanceof FormFieldPart field ? field.value() : null;
    }
}
