package io.sinter.core.internal.security;

import io.sinter.core.api.AccessService;
import io.sinter.core.api.Principal;
import io.sinter.core.api.Role;
import io.sinter.core.api.ServiceException;
import io.sinter.core.internal.persistence.Database;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** iTwin memberships, and the owning iTwin of every addressable object (one indexed read each). */
@Component(service = AccessService.class)
public final class AccessStore implements AccessService {
    private final Database database;

    @Activate
    public AccessStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public Optional<String> owner(Target target, String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        if (target == Target.RUN) {
            return database.inTransaction(em -> em.createQuery("SELECT m.iTwinId FROM RunEntity r, IModelEntity m WHERE r.id = :id "
                    + "AND m.id = r.iModelId", String.class).setParameter("id", id).getResultList().stream().findFirst());
        }
        String entity = switch (target) {
            case ITWIN -> "ITwinEntity";
            case IMODEL -> "IModelEntity";
            case CONNECTION -> "ConnectionEntity";
            case FOLDER -> "FolderEntity";
            case FILE -> "FileEntity";
            case RUN -> throw new IllegalStateException();
        };
        String column = target == Target.ITWIN ? "id" : "iTwinId";
        return database.inTransaction(em -> em.createQuery("SELECT x." + column + " FROM " + entity + " x WHERE x.id = :id", String.class)
                .setParameter("id", id).getResultList().stream().findFirst());
    }

    @Override
    public Optional<Role> role(Principal principal, String iTwinId) {
        if (principal.serverAdmin()) {
            return Optional.of(Role.ADMIN);
        }
        return database.inTransaction(em -> {
            MembershipEntity m = em.find(MembershipEntity.class, MembershipEntity.key(iTwinId, principal.id()));
            return m == null ? Optional.empty() : Optional.of(Role.valueOf(m.getRole()));
        });
    }

    @Override
    public Set<String> iTwins(String principalId) {
        return database.inTransaction(em -> {
            Set<String> ids = new LinkedHashSet<>();
            em.createNamedQuery("Member.ofPrincipal", MembershipEntity.class).setParameter("principal", principalId)
                    .getResultStream().forEach(m -> ids.add(m.getITwinId()));
            return ids;
        });
    }

    @Override
    public List<Membership> members(String iTwinId) {
        return database.inTransaction(em -> em.createNamedQuery("Member.ofITwin", MembershipEntity.class).setParameter("iTwin", iTwinId)
                .getResultStream().map(AccessStore::info).toList());
    }

    @Override
    public Membership put(String iTwinId, String principalId, Role role) {
        return database.inTransaction(em -> {
            if (principalId == null || em.find(PrincipalEntity.class, principalId) == null) {
                throw ServiceException.notFound("PrincipalNotFound", "Principal '" + principalId + "' does not exist.");
            }
            MembershipEntity m = em.find(MembershipEntity.class, MembershipEntity.key(iTwinId, principalId));
            if (m == null) {
                m = new MembershipEntity(iTwinId, principalId, role.name());
                em.persist(m);
            } else {
                if (role != Role.ADMIN) {
                    lastAdminCheck(em, iTwinId, m);
                }
                m.setRole(role.name());
            }
            return info(m);
        });
    }

    /** Adds {@code principalId} as admin of a new iTwin, inside the transaction that creates it. */
    public static void addCreator(EntityManager em, String iTwinId, String principalId) {
        if (principalId != null) {
            em.persist(new MembershipEntity(iTwinId, principalId, Role.ADMIN.name()));
        }
    }

    /** Removes every membership of an iTwin, inside the transaction that deletes it. */
    public static void removeAll(EntityManager em, String iTwinId) {
        em.createNamedQuery("Member.deleteOfITwin").setParameter("iTwin", iTwinId).executeUpdate();
    }

    @Override
    public void remove(String iTwinId, String principalId) {
        database.inTransaction(em -> {
            MembershipEntity m = em.find(MembershipEntity.class, MembershipEntity.key(iTwinId, principalId));
            if (m == null) {
                throw ServiceException.notFound("PrincipalNotFound", "Principal '" + principalId + "' is no member of iTwin " + iTwinId + ".");
            }
            lastAdminCheck(em, iTwinId, m);
            em.remove(m);
            return null;
        });
    }

    private static void lastAdminCheck(EntityManager em, String iTwinId, MembershipEntity m) {
        if (Role.ADMIN.name().equals(m.getRole())
                && em.createNamedQuery("Member.countAdmins", Long.class).setParameter("iTwin", iTwinId).getSingleResult() <= 1) {
            throw ServiceException.conflict("LastAdmin", "This would leave iTwin " + iTwinId + " without an admin.");
        }
    }

    private static Membership info(MembershipEntity m) {
        return new Membership(m.getITwinId(), m.getPrincipalId(), Role.valueOf(m.getRole()));
    }
}
