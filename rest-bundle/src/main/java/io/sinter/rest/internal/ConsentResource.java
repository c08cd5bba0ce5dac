package io.sinter.rest.internal;

import io.sinter.core.api.BlobSigner;
import io.sinter.core.api.Caller;
import io.sinter.core.api.ConsentService;
import io.sinter.core.api.Principal;
import io.sinter.core.api.PrincipalService;
import io.sinter.core.api.ServiceException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
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
 * The long-running-job consent page of api.md section 5.11. {@code GET} shows who the signed ticket
 * names and what is granted; {@code POST} (same origin only) stores or refuses the consent and
 * redirects to {@code redirectUrl} when {@code sinter.auth.consent.redirectAllowlist} allows it;
 * {@code DELETE} (bearer) revokes the caller's consent.
 */
@Component(service = ConsentResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.consent")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("auth/consent")
public final class ConsentResource {
    private static final String HTML = "text/html; charset=utf-8";
    private final ConsentService consents;
    private final PrincipalService principals;
    private final BlobSigner signer;
    private final HttpEndpoint endpoint;

    @Activate
    public ConsentResource(@Reference ConsentService consents, @Reference PrincipalService principals, @Reference BlobSigner signer,
            @Reference HttpEndpoint endpoint) {
        this.consents = consents;
        this.principals = principals;
        this.signer = signer;
        this.endpoint = endpoint;
    }

    /** @return the user a valid ticket names, or null when the ticket is tampered with, expired or names no user */
    private Principal ticketUser(String ticket) {
        String subject = ConsentTicket.subject(signer, ticket);
        if (subject == null) {
            return null;
        }
        try {
            Principal p = principals.get(subject);
            return p.type() == Principal.Type.USER && !p.disabled() ? p : null;
        } catch (ServiceException gone) {
            return null;
        }
    }

    @GET
    public Response page(@QueryParam("ticket") String ticket, @QueryParam("redirectUrl") String redirectUrl) {
        Principal user = ticketUser(ticket);
        if (user == null) {
            return html(403, "Consent link not valid", "<p>This consent link was altered or has expired (links are valid for 15 minutes). "
                    + "Ask your application for a new one.</p>");
        }
        String body = "<p>Signed in as <b>" + esc(user.displayName()) + "</b> (" + esc(user.username()) + ").</p>"
                + "<p>Allow Sinter to run synchronizations on your behalf for the next 90 days, also while you are not signed in? "
                + "Runs of connections with authentication type <i>User</i> that you start need this consent.</p>"
                + "<form method=\"post\" action=\"" + esc(endpoint.baseUrl()) + "/auth/consent\">"
                + "<input type=\"hidden\" name=\"ticket\" value=\"" + esc(ticket) + "\">"
                + (redirectUrl == null ? "" : "<input type=\"hidden\" name=\"redirectUrl\" value=\"" + esc(redirectUrl) + "\">")
                + "<button name=\"decision\" value=\"grant\">Allow</button> <button name=\"decision\" value=\"deny\">Deny</button></form>";
        return html(200, "Sinter: long-running-job consent", body);
    }

    @POST
    public Response decide(@HeaderParam("Origin") String origin, String text) {
        if (origin != null && !origin.equals(origin(endpoint.baseUrl()))) {
            return html(403, "Refused", "<p>The consent form must be sent from " + esc(origin(endpoint.baseUrl())) + ".</p>");
        }
        Map<String, String> form = AuthResource.form(text);
        Principal user = ticketUser(form.get("ticket"));
        if (user == null) {
            return html(403, "Consent link not valid", "<p>This consent link was altered or has expired. Ask your application for a new one.</p>");
        }
        String decision = form.get("decision");
        boolean grant = "grant".equals(decision);
        if (!grant && !"deny".equals(decision)) {
            return html(400, "No decision", "<p>Choose Allow or Deny.</p>");
        }
        if (grant) {
            consents.grant(user.id());
        } else {
            consents.revoke(user.id());
        }
        String redirectUrl = form.get("redirecturl"); // form names are lower-cased
        if (redirectUrl != null && !redirectUrl.isEmpty() && AuthorizationInformationResource.absoluteHttp(redirectUrl)
                && consents.redirectAllowed(redirectUrl)) {
            return Response.status(302).location(URI.create(redirectUrl)).build();
        }
        String done = grant ? "<p>Consent stored: runs may execute on your behalf for 90 days.</p>" : "<p>No consent was given.</p>";
        if (redirectUrl != null && !redirectUrl.isEmpty()) {
            done += "<p>The return address is not among the redirect targets this server allows "
                    + "(sinter.auth.consent.redirectAllowlist), so you stay on this page.</p>";
        }
        return html(200, "Sinter: consent", done);
    }

    @DELETE
    public Response revoke(@Context SecurityContext security) {
        Caller caller = AccessFilter.caller(security);
        consents.revoke(caller.id());
        return Response.noContent().build();
    }

    private static String origin(String base) {
        URI uri = URI.create(base);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static Response html(int status, String title, String body) {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title></head><body><h1>"
                + esc(title) + "</h1>" + body + "</body></html>";
        return Response.status(status).type(HTML).header("Cache-Control", "no-store").header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; form-action 'self'").entity(page).build();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
