package io.sinter.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.core.api.Role;
import org.junit.jupiter.api.Test;

/** The table-driven parts of the access check: open paths, needed roles, scope groups, the rate limit. */
class AccessRulesTest {

    @Test
    void onlyTheUnauthenticatedPathsOfApiMdAreOpen() {
        assertTrue(AccessFilter.open("GET", "health"));
        assertTrue(AccessFilter.open("GET", "openapi.yaml"));
        assertTrue(AccessFilter.open("POST", "auth/token"));
        assertTrue(AccessFilter.open("GET", "auth/.well-known/jwks.json"));
        assertTrue(AccessFilter.open("GET", "auth/consent"));
        assertTrue(AccessFilter.open("POST", "auth/consent"));
        assertTrue(AccessFilter.open("PUT", "storage/blobs/abc"));
        assertFalse(AccessFilter.open("DELETE", "auth/consent"));
        assertFalse(AccessFilter.open("GET", "auth/me"));
        assertFalse(AccessFilter.open("GET", "storage/files/x/download"));
        assertFalse(AccessFilter.open("GET", "imodels"));
        assertFalse(AccessFilter.open("GET", "healthz"));
    }

    @Test
    void rolesFollowTheTableOfSection26() {
        assertEquals(Role.READ, AccessFilter.needed("GET", "imodels/x"));
        assertEquals(Role.READ, AccessFilter.needed("GET", "synchronization/imodels/storageconnections/c/runs/r/events"));
        assertEquals(Role.MODIFY, AccessFilter.needed("PATCH", "imodels/x"));
        assertEquals(Role.ADMIN, AccessFilter.needed("DELETE", "imodels/x"));
        assertEquals(Role.MODIFY, AccessFilter.needed("POST", "synchronization/imodels/storageconnections/c/run"));
        assertEquals(Role.MODIFY, AccessFilter.needed("POST", "synchronization/imodels/manifestconnections/c/runs/r/cancel"));
        assertEquals(Role.MODIFY, AccessFilter.needed("DELETE", "storage/files/f"));
        assertEquals(Role.ADMIN, AccessFilter.needed("PUT", "itwins/t/members/p"));
        assertEquals(Role.ADMIN, AccessFilter.needed("PATCH", "itwins/t"));
        assertEquals(Role.READ, AccessFilter.needed("GET", "itwins/t/members"));
    }

    @Test
    void scopeGroupIsTheFirstSegment() {
        assertEquals("imodels", AccessFilter.group("imodels/x/changesets"));
        assertEquals("synchronization", AccessFilter.group("synchronization/reports"));
        assertEquals("itwins", AccessFilter.group("itwins"));
        assertNull(AccessFilter.group("auth/me"));
    }

    @Test
    void rateLimitCountsPerPrincipalAndWindow() {
        RateLimiter limiter = RateLimiter.parse("2/10");
        assertEquals(0, limiter.acquire("a", 1_000));
        assertEquals(0, limiter.acquire("a", 2_000));
        assertEquals(8, limiter.acquire("a", 3_000)); // the window opened at 1 s and closes at 11 s
        assertEquals(0, limiter.acquire("b", 3_000));
        assertEquals(0, limiter.acquire("a", 11_000));
        RateLimiter off = RateLimiter.parse("");
        for (int i = 0; i < 10_000; i++) {
            assertEquals(0, off.acquire("a", i));
        }
        assertThrows(IllegalArgumentException.class, () -> RateLimiter.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> RateLimiter.parse("0/10"));
    }
}
