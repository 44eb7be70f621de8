package org.heritageguide.qr;

import java.util.concurrent.Callable;

import org.heritageguide.GuideProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** QR codes and printable label sheets for the studio (behind the studio's login). */
@RestController
@RequestMapping("/api/v1/studio/sites/{siteId}")
class LabelsController {

    private final LabelPrinter printer;
    private final GuideProperties guide;

    LabelsController(LabelPrinter printer, GuideProperties guide) {
        this.printer = printer;
        this.guide = guide;
    }

    /** Where the site's labels point, said before anyone prints them. */
    record LabelAddress(String address, boolean phonesCanOpenIt) {
    }

    @GetMapping("/labels")
    LabelAddress address(@PathVariable String siteId) {
        printer.site(siteId);
        return new LabelAddress(guide.baseUrl(), !guide.publicBaseUrlIsThisMachineOnly());
    }

    @GetMapping("/exhibits/{exhibitId}/qr.png")
    Mono<ResponseEntity<byte[]>> code(@PathVariable String siteId, @PathVariable String exhibitId,
                                      @RequestParam(required = false) Integer size) {
        return rendered(() -> printer.codePng(siteId, exhibitId, size), MediaType.IMAGE_PNG,
                ContentDisposition.inline().filename("qr-" + siteId + "-" + exhibitId + ".png").build());
    }

    @GetMapping("/labels.pdf")
    Mono<ResponseEntity<byte[]>> sheet(@PathVariable String siteId,
                                       @RequestParam(required = false) String exhibits,
                                       @RequestParam(required = false) String languages) {
        return rendered(() -> printer.sheetPdf(siteId, exhibits, languages), MediaType.APPLICATION_PDF,
                ContentDisposition.attachment().filename("labels-" + siteId + ".pdf").build());
    }

    /** Renders off the event loop: a sheet of many labels takes a noticeable share of a core. */
    private static Mono<ResponseEntity<byte[]>> rendered(Callable<byte[]> render, MediaType type,
                                                         ContentDisposition disposition) {
        return Mono.fromCallable(render)
                .subscribeOn(Schedulers.boundedElastic())
                .map(body -> ResponseEntity.ok()
                        .contentType(type)
                        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                        // the address in the code changes with the public base URL and the label secret
                        .cacheControl(CacheControl.noCache().cachePrivate())
                        .body(body));
    }
}
