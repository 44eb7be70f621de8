package org.heritageguide.studio;

import java.time.Instant;
import java.util.List;

import org.heritageguide.site.ContentEditing;
import org.heritageguide.site.ContentProblem;
import org.heritageguide.site.ContentYaml;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The studio's own error answers, beyond {@code {error, message}}: a stale edit carries the current
 * version (so the editor can show both), invalid content carries each problem with its line and field.
 */
@RestControllerAdvice(basePackageClasses = StudioErrors.class)
class StudioErrors {

    record Current(String yaml, Object data, String etag, String author, Instant at, String message) {
    }

    record Conflict(String error, String message, Current current) {
    }

    record Invalid(String error, String message, List<ContentProblem> problems) {
    }

    @ExceptionHandler(StudioContent.StaleEdit.class)
    ResponseEntity<Conflict> stale(StudioContent.StaleEdit stale) {
        StudioContent.FileVersion current = stale.current;
        var revision = stale.lastRevision;
        String who = revision == null ? null : revision.author();
        String message = current.exists()
                ? "Someone else saved this file since you opened it" + (who == null ? "" : " (" + who + ")")
                  + ". Your text is kept in the editor: compare both versions, then save again."
                : "This file was deleted since you opened it.";
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CONFLICT);
        if (current.exists()) {
            answer.header(HttpHeaders.ETAG, "\"" + current.etag() + "\"");
        }
        return answer.body(new Conflict("edit-conflict", message, new Current(current.text(),
                current.text() == null ? null : ContentYaml.parse(current.text()), current.etag(), who,
                revision == null ? null : revision.at(), revision == null ? null : revision.message())));
    }

    @ExceptionHandler(StudioContent.InvalidContent.class)
    ResponseEntity<Invalid> invalid(StudioContent.InvalidContent invalid) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new Invalid("invalid-content", invalid.getMessage(), invalid.problems));
    }

    @ExceptionHandler(ContentEditing.NotEditable.class)
    ResponseEntity<Invalid> notEditable(ContentEditing.NotEditable notEditable) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new Invalid("not-editable", notEditable.getMessage(), List.of()));
    }
}
