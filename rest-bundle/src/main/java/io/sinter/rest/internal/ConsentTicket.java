package io.sinter.rest.internal;

import io.sinter.core.api.BlobSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The consent page's ticket (api.md section 5.11): base64url JSON {@code {sub, exp}} + {@code .} +
 * HMAC-SHA256 of that with the signing key of section 4.3. Issued by the authorization-information
 * endpoint, checked by the consent page.
 */
final class ConsentTicket {
    static final long LIFETIME_SECONDS = 15 * 60;
    private static final Pattern SUB = Pattern.compile("\"sub\":\"([^\"]*)\"");
    private static final Pattern EXP = Pattern.compile("\"exp\":(\\d+)");

    private ConsentTicket() {
    }

    /** @return a ticket for {@code subject}, valid for {@value #LIFETIME_SECONDS} seconds */
    static String issue(BlobSigner signer, String subject) {
        long expires = System.currentTimeMillis() / 1000 + LIFETIME_SECONDS;
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"sub\":\"" + subject + "\",\"exp\":" + expires + "}").getBytes(StandardCharsets.UTF_8));
        return payload + "." + signer.mac(payload);
    }

    /** @return the subject of a ticket whose signature holds (constant-time compare) and that has not expired, else null */
    static String subject(BlobSigner signer, String ticket) {
        int dot = ticket == null ? -1 : ticket.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        String payload = ticket.substring(0, dot);
        if (!MessageDigest.isEqual(signer.mac(payload).getBytes(StandardCharsets.US_ASCII),
                ticket.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        String json;
        try {
            json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Matcher sub = SUB.matcher(json);
        Matcher exp = EXP.matcher(json);
        if (!sub.find() || !exp.find() || Long.parseLong(exp.group(1)) < System.currentTimeMillis() / 1000) {
            return null;
        }
        return sub.group(1);
    }
}
