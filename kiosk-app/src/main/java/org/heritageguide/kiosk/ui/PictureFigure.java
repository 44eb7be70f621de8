package org.heritageguide.kiosk.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

import org.heritageguide.kiosk.guide.ExhibitDetail.Picture;
import org.heritageguide.kiosk.guide.ExhibitDetail.Size;

import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One exhibit picture shown large, with its caption and credit under it. The picture is one of the sizes
 * the server serves, the narrowest that fills the space it is given, loaded by JavaFX in the background:
 * its place (of the picture's own shape) is kept while it loads, so that nothing below it moves, and a
 * picture that cannot be loaded (server down, refused) takes nothing away from the page: it is left out,
 * caption and all. Its alt text, in the visitor's language, is what a screen reader says of it.
 */
final class PictureFigure {

    private static final Logger log = Logger.getLogger(PictureFigure.class.getName());
    /** Pictures already loaded whole, by address and width: an exhibit opened again shows its picture at once. */
    private static final Map<String, Image> LOADED = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > 8;
        }
    };

    private PictureFigure() {
    }

    /**
     * @param address   turns the server's path of a size into the address to load it from
     * @param maxWidth  the most room the picture may take, in layout pixels (as its height)
     * @param pixelScale how many screen pixels one layout pixel is (HiDPI screens)
     * @param text      the picture's texts in the visitor's language (alt, caption), as the page picks them
     */
    static VBox of(Picture picture, Function<String, String> address, double maxWidth, double maxHeight,
                   double pixelScale, Function<Map<String, String>, String> text) {
        double scale = Math.min(maxWidth / picture.width(), maxHeight / picture.height());
        double width = Math.floor(picture.width() * scale);
        double height = Math.floor(picture.height() * scale);

        ImageView view = new ImageView();
        view.getStyleClass().add("picture");
        view.setFitWidth(width);
        view.setFitHeight(height);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        String alt = text.apply(picture.alt());
        view.setAccessibleText(alt);
        StackPane frame = new StackPane(view);
        frame.getStyleClass().add("picture-frame");
        frame.setMinSize(width, height);
        frame.setPrefSize(width, height);
        frame.setMaxSize(width, height);

        VBox figure = new VBox(frame);
        figure.getStyleClass().add("picture-figure");
        figure.setMaxWidth(width);
        String caption = text.apply(picture.caption());
        if (!caption.isBlank()) {
            Label label = KioskView.label(caption, "picture-caption");
            label.setMaxWidth(width);
            figure.getChildren().add(label);
        }
        if (!picture.credit().isBlank()) {
            Label label = KioskView.label(picture.credit(), "picture-credit");
            label.setMaxWidth(width);
            figure.getChildren().add(label);
        }

        double pixels = Math.ceil(width * pixelScale);
        Size size = picture.sizeFor(pixels);
        double loadWidth = Math.min(pixels, size.width());
        String url = address.apply(size.url());
        String key = url + "#" + (int) loadWidth;
        Image kept = LOADED.get(key);
        Image image = kept != null ? kept : new Image(url, loadWidth, 0, true, true, true);
        view.setImage(image);
        if (kept == null) {
            watch(image, key, figure);
        }
        return figure;
    }

    /** Keeps a picture once it has loaded whole; leaves the figure out if it cannot be loaded. */
    private static void watch(Image image, String key, VBox figure) {
        Runnable check = () -> {
            if (image.isError()) {
                figure.setVisible(false);
                figure.setManaged(false);
                LOADED.remove(key);
                log.fine(() -> "Picture " + key + " not shown: " + image.getException());
            } else if (image.getProgress() >= 1.0 && image.getWidth() > 0) {
                LOADED.put(key, image);
            }
        };
        image.errorProperty().addListener((o, was, now) -> check.run());
        image.progressProperty().addListener((o, was, now) -> check.run());
        check.run();
    }
}
