package io.sinter.rest.internal;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import io.sinter.core.api.AccessService;
import io.sinter.core.api.AuthService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * JSON, error mapping and the access check for every Sinter resource, as one whiteboard extension. Providers are
 * registered by class, so Jersey makes fresh instances whenever the whiteboard reloads the
 * application (a registered instance fails after the first reload, stack.md trap 1).
 */
@Component(service = Feature.class)
@JakartarsExtension
@JakartarsName(JsonFeature.NAME)
@JakartarsMediaType(MediaType.APPLICATION_JSON)
public final class JsonFeature implements Feature {
    /** Whiteboard name resources require with {@code @JakartarsExtensionSelect}. */
    public static final String NAME = "sinter.json";
    private final AuthService auth;
    private final AccessService access;
    private final HttpEndpoint endpoint;

    @Activate
    public JsonFeature(@Reference AuthService auth, @Reference AccessService access, @Reference HttpEndpoint endpoint) {
        this.auth = auth;
        this.access = access;
        this.endpoint = endpoint;
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(JacksonJsonProvider.class);
        context.register(ObjectMapperResolver.class);
        context.register(ErrorMapper.class);
        context.register(CanonicalRequestFilter.class);
        // a fresh instance per application (re)load; every resource requires this feature, so none is
        // ever served without the access check
        context.register(new AccessFilter(auth, access, endpoint), jakarta.ws.rs.Priorities.AUTHENTICATION);
        return true;
    }
}
