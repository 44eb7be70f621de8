package org.heritageguide.studio;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.heritageguide.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishing a site's drafts (all, or chosen files) and following its progress. */
@RestController
@RequestMapping(path = "/api/v1/studio/sites/{site}/publication", produces = MediaType.APPLICATION_JSON_VALUE)
class PublishController {

    private final Publications publications;

    PublishController(Publications publications) {
        this.publications = publications;
    }

    /** {@code paths}: files to publish (site.yaml, faq.yaml, exhibits/x.yaml); none: every changed file. */
    record PublishRequest(List<String> paths, String message) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Publications.Job> publish(@PathVariable String site, @RequestBody PublishRequest request, Principal principal) {
        List<String> paths = new ArrayList<>();
        if (request.paths() != null) {
            request.paths().forEach(path -> paths.add(StudioContentController.checkedPath(path)));
        }
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(publications.start(site, paths, principal.getName(), request.message()));
        } catch (IllegalStateException running) {
            throw ApiException.conflict("publication-running", "This site is being published already; wait for it to finish.");
        }
    }

    @GetMapping
    Publications.Job latest(@PathVariable String site) {
        return publications.latest(site).orElseThrow(() -> ApiException.notFound("no-publication",
                "This site has not been published from the studio since the server started."));
    }
}
