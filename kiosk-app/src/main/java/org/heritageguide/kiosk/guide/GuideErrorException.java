package org.heritageguide.kiosk.guide;

/** The server answered with an error of the request itself ({@code {error, message}}, 4xx). */
public class GuideErrorException extends RuntimeException {

    private final int status;
    private final String code;

    public GuideErrorException(int status, String code, String message) {
        super(status + " " + code + ": " + message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean sessionGone() {
        return status == 404 && "session-not-found".equals(code);
    }
}
