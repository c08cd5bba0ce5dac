package io.sinter.core.internal.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@value #PID} ({@code sinter.auth.*}). */
@ObjectClassDefinition(name = "Sinter authentication", description = "Access tokens, the bootstrap administrator, consent")
public @interface AuthConfig {
    /** Configuration PID. */
    String PID = "io.sinter.auth";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of the administrator 'admin' created when no "
            + "user exists (sinter.auth.bootstrapPassword); empty: a generated one is printed once on the console")
    String bootstrapPassword() default "";

    @AttributeDefinition(description = "Who issues accepted tokens: embedded (Sinter), external (an OIDC provider) or both "
            + "(sinter.auth.mode)")
    String mode() default "embedded";

    @AttributeDefinition(description = "Expected 'iss' of external tokens; discovery at {issuer}/.well-known/openid-configuration "
            + "(sinter.auth.external.issuer)")
    String external_issuer() default "";

    @AttributeDefinition(description = "JWKS URL of the external issuer; empty: from its discovery document (sinter.auth.external.jwksUri)")
    String external_jwksUri() default "";

    @AttributeDefinition(description = "Expected 'aud' of external tokens (sinter.auth.external.audience)")
    String external_audience() default "";

    @AttributeDefinition(description = "Claim holding the scopes of external tokens, scope or scp; absent in a token: itwin-platform "
            + "(sinter.auth.external.scopeClaim)")
    String external_scopeClaim() default "scope";

    @AttributeDefinition(description = "Expected and issued 'aud' of access tokens (sinter.auth.audience)")
    String audience() default "sinter";

    @AttributeDefinition(description = "Access-token lifetime in seconds (sinter.auth.tokenLifetime)")
    long tokenLifetime() default 3600;

    @AttributeDefinition(description = "Long-running-job consent lifetime in days (sinter.auth.consentLifetimeDays)")
    long consentLifetimeDays() default 90;

    @AttributeDefinition(description = "Where the consent page may redirect to: URL prefixes such as https://app.example.com/ "
            + "(sinter.auth.consent.redirectAllowlist); empty: no redirect, the page answers itself")
    String[] consent_redirectAllowlist() default {};
}
