package io.sinter.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.core.api.Caller;
import io.sinter.core.api.Principal;
import io.sinter.core.api.Role;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Password hashes, consent redirect targets, roles and scopes. */
class SecurityUnitsTest {

    @Test
    void passwordHashesAreSaltedSlowAndVerifiable() {
        String a = PasswordHash.hash("correct horse battery");
        String b = PasswordHash.hash("correct horse battery");
        assertNotEquals(a, b, "a random salt per hash");
        assertTrue(a.startsWith("pbkdf2-sha256$210000$"));
        assertFalse(a.contains("correct horse"));
        assertTrue(PasswordHash.matches("correct horse battery", a));
        assertFalse(PasswordHash.matches("correct horse batterY", a));
        assertFalse(PasswordHash.matches("anything", PasswordHash.DUMMY));
        assertFalse(PasswordHash.matches("anything", "!external"), "provisioned principals have no password");
        assertEquals(43, PasswordHash.randomSecret().length());
    }

    @Test
    void consentRedirectsOnlyToAllowedPrefixesAtPathBoundaries() {
        String[] allow = {"https://app.example.com/back", "http://127.0.0.1:9/"};
        assertTrue(PrincipalStore.redirectAllowed(allow, "https://app.example.com/back"));
        assertTrue(PrincipalStore.redirectAllowed(allow, "https://app.example.com/back/done?x=1"));
        assertTrue(PrincipalStore.redirectAllowed(allow, "https://app.example.com/back?state=7"));
        assertTrue(PrincipalStore.redirectAllowed(allow, "http://127.0.0.1:9/anything"));
        assertFalse(PrincipalStore.redirectAllowed(allow, "https://app.example.com/backdoor"));
        assertFalse(PrincipalStore.redirectAllowed(allow, "https://app.example.com.evil.test/back"));
        assertFalse(PrincipalStore.redirectAllowed(allow, "http://127.0.0.1:90/"));
        assertFalse(PrincipalStore.redirectAllowed(new String[0], "https://app.example.com/back"));
    }

    @Test
    void rolesAreOrderedAndScopesGroupModifyOverRead() {
        assertTrue(Role.ADMIN.includes(Role.MODIFY));
        assertTrue(Role.MODIFY.includes(Role.READ));
        assertFalse(Role.READ.includes(Role.MODIFY));
        assertEquals(Role.MODIFY, Role.parse(" Modify "));
        Principal p = new Principal("id", Principal.Type.USER, "u", "U", null, false, false, Instant.EPOCH);
        Caller reader = new Caller(p, Set.of("imodels:read"), "j");
        assertTrue(reader.hasScope("imodels", false));
        assertFalse(reader.hasScope("imodels", true));
        assertFalse(reader.hasScope("storage", false));
        Caller writer = new Caller(p, Set.of("storage:modify"), "j");
        assertTrue(writer.hasScope("storage", false));
        assertTrue(writer.hasScope("storage", true));
        assertTrue(new Caller(p, Set.of("itwin-platform"), "j").hasScope("itwins", true));
    }
}
