package io.sinter.rest.internal;

import io.sinter.core.api.BlobSigner;
import io.sinter.core.api.ServiceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.annotations.RequireJakartarsWhiteboard;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code GET /synchronization/imodels/connections/authorizationinformation} (api.md section 5.11): whether
 * runs may execute on the caller's behalf (the caller is a service client, or a user whose consent is
 * valid for at least one more hour), and the consent page's URL with a signed 15-minute ticket.
 */
@Component(service = AuthorizationInformationResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.authorizationinformation")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("synchronization/imodels/connections/authorizationinformation")
@Produces(Wire.JSON)
public final class AuthorizationInformationResource {
    static final String INVALID = "InvalidAuthorizationInformationRequest";
    private final BlobSigner signer;
    private final HttpEndpoint endpoint;
    private final io.sinter.core.api.ConsentService consents;

    @Activate
    public AuthorizationInformationResource(@Reference BlobSigner signer, @Reference HttpEndpoint endpoint,
            @Reference io.sinter.core.api.ConsentService consents) {
        this.signer = signer;
        this.endpoint = endpoint;
        this.consents = consents;
    }

    @GET
    public Map<String, Object> get(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security,
            @QueryParam("redirectUrl") String redirectUrl) {
        if (redirectUrl != null && !absoluteHttp(redirectUrl)) {
            throw ServiceException.invalid(INVALID, "InvalidValue", "'redirectUrl' must be an absolute http or https URL.", "redirectUrl");
        }
        io.sinter.core.api.Caller caller = AccessFilter.caller(security);
        String subject = caller.id();
        boolean authorized = caller.principal().type() == io.sinter.core.api.Principal.Type.SERVICE
                || consents.valid(subject, java.time.Instant.now().plusSeconds(3600)).isPresent();
        String ticket = ConsentTicket.issue(signer, subject);
        String href = endpoint.baseUrl() + "/auth/consent?ticket=" + ticket
                + (redirectUrl == null ? "" : "&redirectUrl=" + URLEncoder.encode(redirectUrl, StandardCharsets.UTF_8));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("isUserAuthorized", authorized);
        info.put("_links", Map.of("authorizationUrl", Map.of("href", href)));
        return Map.of("authorizationInformation", info);
    }

    static boolean absoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
