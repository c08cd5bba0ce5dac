package io.sinter.core.internal.security;

import io.sinter.core.api.AccessService;
import io.sinter.core.api.ConsentService;
import io.sinter.core.api.Page;
import io.sinter.core.api.Principal;
import io.sinter.core.api.PrincipalService;
import io.sinter.core.api.Role;
import io.sinter.core.api.ServiceException;
import io.sinter.core.internal.persistence.Database;
import io.sinter.core.internal.store.Ids;
import jakarta.persistence.EntityManager;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users, service clients and consents in the database. When no user exists at start-up, creates the
 * server administrator {@code admin} with {@code sinter.auth.bootstrapPassword}, or with a generated
 * password that is printed once on the console and written to no log.
 */
@Component(service = {PrincipalService.class, ConsentService.class, PrincipalStore.class}, configurationPid = AuthConfig.PID)
@Designate(ocd = AuthConfig.class)
public final class PrincipalStore implements PrincipalService, ConsentService {
    static final String INVALID = "InvalidRequest";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,255}");
    private final Logger logger = LoggerFactory.getLogger(PrincipalStore.class);
    private final Database database;
    private volatile AuthConfig config;

    @Activate
    public PrincipalStore(@Reference Database database, AuthConfig config) {
        this(database, config, System.out);
    }

    PrincipalStore(Database database, AuthConfig config, PrintStream console) {
        this.database = database;
        this.config = config;
        bootstrap(console);
    }

    @Modified
    void modified(AuthConfig config) {
        this.config = config;
    }

    private void bootstrap(PrintStream console) {
        long users = database.inTransaction(em -> em.createNamedQuery("Principal.countUsers", Long.class).getSingleResult());
        if (users > 0) {
            return;
        }
        String configured = config.bootstrapPassword();
        boolean generated = configured == null || configured.isEmpty();
        String password = generated ? PasswordHash.randomSecret() : configured;
        createUser("admin", password, "Administrator", null, true);
        if (generated) {
            // deliberately not through the logger: the one-time password must appear in no log file
            console.println("Sinter created the server administrator 'admin'. Its password, shown only now: " + password);
            console.println("Sign in (POST /auth/token, grant_type=password) and change it with PATCH /auth/users/{id} "
                    + "or 'sinter:user passwd admin'.");
            console.flush();
            logger.info("Created the server administrator 'admin' with a generated password; it was printed on the console only");
        } else {
            logger.info("Created the server administrator 'admin' with the password of sinter.auth.bootstrapPassword");
        }
    }

    @Override
    public Principal createUser(String username, String password, String displayName, String email, boolean serverAdmin) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ServiceException.invalid(INVALID, "InvalidValue", "A username has 1 to 255 letters, digits or . _ @ -.", "username");
        }
        checkPassword(password);
        String name = displayName == null || displayName.isBlank() ? username : checkName(displayName);
        checkEmail(email);
        String hash = PasswordHash.hash(password);
        return database.inTransaction(em -> {
            if (!em.createNamedQuery("Principal.byUsername", PrincipalEntity.class)
                    .setParameter("key", username.toLowerCase(Locale.ROOT)).getResultList().isEmpty()) {
                throw ServiceException.conflict("UserExists", "A user named '" + username + "' exists already.");
            }
            PrincipalEntity user = new PrincipalEntity(Ids.uuid(), "USER", username, name, email, hash, serverAdmin, System.currentTimeMillis());
            em.persist(user);
            return info(user);
        });
    }

    @Override
    public Principal updateUser(String id, String password, String displayName, String email, Boolean serverAdmin, Boolean disabled) {
        if (password != null) {
            checkPassword(password);
        }
        if (displayName != null) {
            checkName(displayName);
        }
        checkEmail(email);
        String hash = password == null ? null : PasswordHash.hash(password);
        return database.inTransaction(em -> {
            PrincipalEntity user = entity(em, id);
            if (!"USER".equals(user.getType())) {
                throw ServiceException.notFound("PrincipalNotFound", "User '" + id + "' does not exist.");
            }
            if (hash != null) {
                user.setSecretHash(hash);
            }
            if (displayName != null) {
                user.setDisplayName(displayName);
            }
            if (email != null) {
                user.setEmail(email.isEmpty() ? null : email);
            }
            boolean losesAdmin = user.isServerAdmin() && !user.isDisabled()
                    && (Boolean.FALSE.equals(serverAdmin) || Boolean.TRUE.equals(disabled));
            if (losesAdmin && em.createNamedQuery("Principal.countAdmins", Long.class).getSingleResult() <= 1) {
                throw ServiceException.conflict("LastAdmin", "This is the last enabled server administrator.");
            }
            if (serverAdmin != null) {
                user.setServerAdmin(serverAdmin);
            }
            if (disabled != null) {
                user.setDisabled(disabled);
            }
            return info(user);
        });
    }

    @Override
    public NewClient createClient(String displayName, boolean serverAdmin) {
        checkName(displayName);
        String secret = PasswordHash.randomSecret();
        String hash = PasswordHash.hash(secret);
        Principal client = database.inTransaction(em -> {
            PrincipalEntity entity = new PrincipalEntity(Ids.uuid(), "SERVICE", null, displayName, null, hash, serverAdmin, System.currentTimeMillis());
            em.persist(entity);
            return info(entity);
        });
        return new NewClient(client, secret);
    }

    @Override
    public Principal get(String id) {
        return database.inTransaction(em -> info(entity(em, id)));
    }

    @Override
    public Principal find(String usernameOrId) {
        return database.inTransaction(em -> {
            List<PrincipalEntity> byName = usernameOrId == null ? List.of() : em.createNamedQuery("Principal.byUsername", PrincipalEntity.class)
                    .setParameter("key", usernameOrId.toLowerCase(Locale.ROOT)).getResultList();
            return byName.isEmpty() ? info(entity(em, usernameOrId)) : info(byName.get(0));
        });
    }

    /** @return the principal, or null (no exception: the bearer check of every request) */
    Principal lookup(String id) {
        return database.inTransaction(em -> {
            PrincipalEntity p = id == null ? null : em.find(PrincipalEntity.class, id);
            return p == null ? null : info(p);
        });
    }

    /**
     * @return the principal provisioned for ({@code issuer}, {@code subject}), created on first sight (api.md 2.4:
     *         new id, no memberships, display name from the token)
     */
    Principal external(String issuer, String subject, Principal.Type type, String displayName, String email) {
        String key = issuer + " " + subject;
        return database.inTransaction(em -> {
            List<PrincipalEntity> known = em.createNamedQuery("Principal.byExternal", PrincipalEntity.class).setParameter("key", key)
                    .getResultList();
            if (!known.isEmpty()) {
                return info(known.get(0));
            }
            String name = displayName == null || displayName.isBlank() ? subject : displayName;
            PrincipalEntity p = new PrincipalEntity(Ids.uuid(), type.name(), null, name.length() > 255 ? name.substring(0, 255) : name,
                    email != null && email.length() <= 320 ? email : null, "!external", false, System.currentTimeMillis());
            p.setExternalKey(key);
            em.persist(p);
            logger.info("Provisioned principal {} ({}) for subject {} of external issuer {}", p.getId(), type.wire(), subject, issuer);
            return info(p);
        });
    }

    /** @return the entity of the user named {@code username}, or null */
    PrincipalEntity user(String username) {
        return database.inTransaction(em -> em.createNamedQuery("Principal.byUsername", PrincipalEntity.class)
                .setParameter("key", username.toLowerCase(Locale.ROOT)).getResultList().stream()
                .filter(p -> "USER".equals(p.getType())).findFirst().orElse(null));
    }

    /** @return the entity of the service client {@code id}, or null */
    PrincipalEntity client(String id) {
        return database.inTransaction(em -> {
            PrincipalEntity p = id == null ? null : em.find(PrincipalEntity.class, id);
            return p != null && "SERVICE".equals(p.getType()) ? p : null;
        });
    }

    @Override
    public Page<Principal> list(Principal.Type type, int skip, int top) {
        return database.inTransaction(em -> Page.of(em.createNamedQuery("Principal.byType", PrincipalEntity.class)
                .setParameter("type", type.name()).setFirstResult(skip).setMaxResults(top + 1).getResultStream()
                .map(PrincipalStore::info).toList(), skip, top));
    }

    @Override
    public void delete(String id, Principal.Type type) {
        database.inTransaction(em -> {
            PrincipalEntity p = entity(em, id);
            if (!p.getType().equals(type.name())) {
                throw ServiceException.notFound("PrincipalNotFound", "Principal '" + id + "' does not exist.");
            }
            if (p.isServerAdmin() && !p.isDisabled() && em.createNamedQuery("Principal.countAdmins", Long.class).getSingleResult() <= 1) {
                throw ServiceException.conflict("LastAdmin", "This is the last enabled server administrator.");
            }
            em.createNamedQuery("Member.deleteOfPrincipal").setParameter("principal", id).executeUpdate();
            ConsentEntity consent = em.find(ConsentEntity.class, id);
            if (consent != null) {
                em.remove(consent);
            }
            em.remove(p);
            return null;
        });
    }

    @Override
    public List<AccessService.Membership> memberships(String principalId) {
        return database.inTransaction(em -> em.createNamedQuery("Member.ofPrincipal", MembershipEntity.class)
                .setParameter("principal", principalId).getResultStream()
                .map(m -> new AccessService.Membership(m.getITwinId(), m.getPrincipalId(), Role.valueOf(m.getRole()))).toList());
    }

    @Override
    public Consent grant(String userId) {
        long now = System.currentTimeMillis();
        long expires = now + Duration.ofDays(config.consentLifetimeDays()).toMillis();
        return database.inTransaction(em -> {
            entity(em, userId);
            ConsentEntity old = em.find(ConsentEntity.class, userId);
            if (old != null) {
                em.remove(old);
                em.flush();
            }
            em.persist(new ConsentEntity(userId, now, expires));
            return new Consent(userId, Instant.ofEpochMilli(now), Instant.ofEpochMilli(expires));
        });
    }

    @Override
    public void revoke(String userId) {
        database.inTransaction(em -> {
            ConsentEntity old = em.find(ConsentEntity.class, userId);
            if (old != null) {
                em.remove(old);
            }
            return null;
        });
    }

    @Override
    public boolean redirectAllowed(String url) {
        return redirectAllowed(config.consent_redirectAllowlist(), url);
    }

    static boolean redirectAllowed(String[] allowlist, String url) {
        if (url == null || allowlist == null) {
            return false;
        }
        for (String entry : allowlist) {
            String prefix = entry == null ? "" : entry.trim();
            if (prefix.isEmpty() || !url.startsWith(prefix)) {
                continue;
            }
            if (prefix.endsWith("/") || url.length() == prefix.length() || "/?#".indexOf(url.charAt(prefix.length())) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<Consent> valid(String userId, Instant at) {
        return database.inTransaction(em -> {
            ConsentEntity c = userId == null ? null : em.find(ConsentEntity.class, userId);
            return c == null || c.getExpiresAt() <= at.toEpochMilli() ? Optional.empty()
                    : Optional.of(new Consent(userId, Instant.ofEpochMilli(c.getGrantedAt()), Instant.ofEpochMilli(c.getExpiresAt())));
        });
    }

    private static PrincipalEntity entity(EntityManager em, String id) {
        PrincipalEntity p = id == null ? null : em.find(PrincipalEntity.class, id);
        if (p == null) {
            throw ServiceException.notFound("PrincipalNotFound", "Principal '" + id + "' does not exist.");
        }
        return p;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 10) {
            throw ServiceException.invalid(INVALID, "InvalidValue", "A password has at least 10 characters.", "password");
        }
    }

    private static String checkName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 255) {
            throw ServiceException.invalid(INVALID, "InvalidValue", "displayName has 1 to 255 characters.", "displayName");
        }
        return displayName;
    }

    private static void checkEmail(String email) {
        if (email != null && !email.isEmpty() && (email.length() > 320 || !email.contains("@"))) {
            throw ServiceException.invalid(INVALID, "InvalidValue", "email is not an e-mail address.", "email");
        }
    }

    static Principal info(PrincipalEntity p) {
        return new Principal(p.getId(), "USER".equals(p.getType()) ? Principal.Type.USER : Principal.Type.SERVICE, p.getUsername(),
                p.getDisplayName(), p.getEmail(), p.isServerAdmin(), p.isDisabled(), Instant.ofEpochMilli(p.getCreatedAt()));
    }
}
