package io.sinter.rest.internal;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * JSON and error mapping for every Sinter resource, as one whiteboard extension. Providers are
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

    @Override
    public boolean configure(FeatureContext context) {
        context.register(JacksonJsonProvider.class);
        context.register(ObjectMapperResolver.class);
        context.register(ErrorMapper.class);
        context.register(CanonicalRequestFilter.class);
        return true;
    }
}
