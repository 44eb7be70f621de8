package org.heritageguide.picture;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Exhibit pictures ({@code guide.pictures.*}).
 *
 * @param widths        the only widths, in pixels, a picture is served at (each made once and kept on disk):
 *                      a budget, so that no request can make the server scale to any size it names
 * @param maxUploadSize the largest picture file a curator may upload
 * @param maxPixels     the most pixels (width × height, read from the file's header before decoding) an
 *                      uploaded picture may have: a small file may declare a huge image (a decompression bomb)
 */
@Validated
@ConfigurationProperties("guide.pictures")
public record PictureSettings(
        @NotEmpty @DefaultValue({"320", "640", "1280"}) List<@Positive Integer> widths,
        @DefaultValue("15MB") DataSize maxUploadSize,
        @Positive @DefaultValue("40000000") long maxPixels) {

    public PictureSettings {
        widths = widths.stream().sorted().distinct().toList();
    }
}
