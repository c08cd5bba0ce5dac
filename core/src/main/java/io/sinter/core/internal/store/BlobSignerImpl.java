package io.sinter.core.internal.store;

import io.sinter.core.api.BlobSigner;
import io.sinter.core.api.ServiceException;
import io.sinter.core.internal.DataFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HMAC-SHA256 signatures of blob URLs. The key is {@code signingKey} of PID {@value StorageConfig#PID},
 * or 32 random bytes generated once and kept in {@code <data>/storage/signing.key}. Rotating the key
 * invalidates all outstanding URLs.
 */
@Component(service = BlobSigner.class, configurationPid = StorageConfig.PID)
@Designate(ocd = StorageConfig.class)
public final class BlobSignerImpl implements BlobSigner {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private final Logger logger = LoggerFactory.getLogger(BlobSignerImpl.class);
    private final Path keyFile;
    private volatile byte[] key;
    private volatile StorageConfig config;

    @Activate
    public BlobSignerImpl(BundleContext context, StorageConfig config) {
        this(DataFolder.of(context).resolve("storage").resolve("signing.key"), config);
    }

    BlobSignerImpl(Path keyFile, StorageConfig config) {
        this.keyFile = keyFile;
        modified(config);
    }

    @Modified
    void modified(StorageConfig config) {
        byte[] configured = config.signingKey().getBytes(StandardCharsets.UTF_8);
        if (configured.length > 0 && configured.length < 32) {
            logger.warn("signingKey of {} has {} bytes; at least 32 are needed: using the generated key", StorageConfig.PID, configured.length);
        }
        this.key = configured.length >= 32 ? configured : generatedKey();
        this.config = config;
    }

    private byte[] generatedKey() {
        try {
            if (Files.isRegularFile(keyFile)) {
                return Base64.getUrlDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(keyFile.getParent());
            Path temp = Files.createTempFile(keyFile.getParent(), "signing", ".tmp");
            Files.writeString(temp, BASE64URL.encodeToString(fresh), StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            logger.info("Generated the URL signing key in {}", keyFile);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key " + keyFile, e);
        }
    }

    @Override
    public String sign(String sp, String blobId, long expiresEpochSecond) {
        return mac(sp + "\n/storage/blobs/" + blobId + "\n" + expiresEpochSecond);
    }

    @Override
    public String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return BASE64URL.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public void verify(String method, String blobId, String sp, String se, String sig) {
        boolean wellFormed = sp != null && se != null && sig != null && ("r".equals(sp) || "w".equals(sp)) && se.matches("\\d{1,12}");
        boolean signed = wellFormed && MessageDigest.isEqual(
                sign(sp, blobId, Long.parseLong(se)).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII));
        boolean methodMatches = "r".equals(sp) ? "GET".equals(method) || "HEAD".equals(method) : "PUT".equals(method);
        if (!signed || !methodMatches) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "SignatureInvalid", "The URL signature is not valid.");
        }
        if (System.currentTimeMillis() / 1000 > Long.parseLong(se)) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "SignatureExpired", "The signed URL has expired.");
        }
    }

    @Override
    public long lifetimeSeconds(String sp) {
        return "w".equals(sp) ? config.uploadUrlLifetime() : config.downloadUrlLifetime();
    }
}
