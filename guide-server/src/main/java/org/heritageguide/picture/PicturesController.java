package org.heritageguide.picture;

import java.time.Duration;
import java.util.stream.Collectors;

import org.heritageguide.site.SiteDirectory;
import org.heritageguide.web.ApiException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A site's published pictures, at the widths the guide serves; a request naming the picture's ETag
 * ({@code If-None-Match}) gets 304 from Spring's response handling.
 */
@RestController
class PicturesController {

    private final Pictures pictures;
    private final SiteDirectory sites;

    PicturesController(Pictures pictures, SiteDirectory sites) {
        this.pictures = pictures;
        this.sites = sites;
    }

    @GetMapping("/api/v1/sites/{site}/pictures/{file}")
    Mono<ResponseEntity<Resource>> picture(@PathVariable String site, @PathVariable String file, @RequestParam int w,
                                           @RequestParam(required = false) String v) {
        if (!pictures.widths().contains(w)) {
            throw ApiException.badRequest("unsupported-width", "w must be one of "
                    + pictures.widths().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
        }
        if (sites.site(site).isEmpty()) {
            throw ApiException.notFound("site-not-found", "There is no site '" + site + "'.");
        }
        return Mono.fromCallable(() -> pictures.sized(site, file, w)
                        .orElseThrow(() -> ApiException.notFound("picture-not-found", "The site '" + site + "' has no picture '" + file + "'.")))
                .subscribeOn(Schedulers.boundedElastic())
                .map(sized -> {
                    // a URL naming the current version never changes; one without it must be checked again
                    CacheControl caching = sized.etag().startsWith(v == null ? "\0" : v + "-")
                            ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                            : CacheControl.noCache();
                    return ResponseEntity.ok().cacheControl(caching).eTag(sized.etag())
                            .contentType(MediaType.parseMediaType(sized.mediaType()))
                            .body(new FileSystemResource(sized.file()));
                });
    }
}
