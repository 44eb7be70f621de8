package org.heritageguide.qr;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.heritageguide.GuideProperties;
import org.heritageguide.secrets.DataSecrets;
import org.springframework.stereotype.Component;

/**
 * Signs and checks the {@code s} parameter of a QR label's address: a short HMAC-SHA256 of site and
 * exhibit under the deployment's secret, so that a label cannot be made up for an exhibit that has none.
 */
@Component
public class LabelSigner {

    /** 12 base64url characters = 72 bits: short enough for a small QR code, far too many to guess. */
    private static final int SIGNATURE_LENGTH = 12;

    private final SecretKeySpec key;
    private final GuideProperties properties;

    public LabelSigner(LabelSettings settings, DataSecrets secrets, GuideProperties properties) {
        String secret = settings.secret() != null && !settings.secret().isBlank()
                ? settings.secret() : secrets.getOrCreate("label-secret");
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.properties = properties;
    }

    public String sign(String site, String exhibit) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((site + "/" + exhibit).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, SIGNATURE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public boolean verify(String site, String exhibit, String signature) {
        if (signature == null || signature.length() != SIGNATURE_LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(sign(site, exhibit).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The address a label for this exhibit points at. */
    public String labelUrl(String site, String exhibit) {
        return properties.baseUrl() + "/v/" + site + "/" + exhibit + "?s=" + sign(site, exhibit);
    }
}
